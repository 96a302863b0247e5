using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>
/// Async: a cancelled invoice reverses its own points exactly (idempotent: source keys). A payment earns in the sync
/// <see cref="InvoiceLifecycle"/> step (README: the invoice-paid budget); this step then only traces. The step stays
/// registered on both states because a filter cannot tell a payment from a cancellation.
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
