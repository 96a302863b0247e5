using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>
/// Async: a cancelled invoice reverses its own points exactly (idempotent: source keys). A payment earns in the sync
/// <see cref="InvoiceLifecycle"/> step (README: the invoice-paid budget); this step then only traces. The step stays
/// registered on both states because a filter cannot tell a payment from a cancellation.
/// The class keeps its name although it only reverses points: the plugin type's full name is its identity in the solution
/// (plugintype and its steps), and a renamed type would be a new component that an upgrade adds while deleting the old
/// steps. The use cases it calls carry the honest names (Application.Invoicing.InvoiceCancelled.ReversePoints).
/// </summary>
public sealed class InvoiceLoyalty : PluginBase
{
    public InvoiceLoyalty(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(
            StepDeclaration.On(SdkMessage.Update, Invoice.EntityLogicalName, PipelineStage.PostOperation)
                .Async()
                .Filter(Invoice.Fields.StateCode, Invoice.Fields.StatusCode)
                .WithPreImage(Invoice.Fields.StateCode)
                .WithPostImage(Invoice.Fields.StateCode, Invoice.Fields.CustomerId, Invoice.Fields.OwnerId),
            InvoiceLoyaltyHandler.Handle);
    }
}
