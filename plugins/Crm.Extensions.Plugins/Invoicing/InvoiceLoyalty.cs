using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>
/// Async: a paid invoice earns points per line, moves the journeys of its product families and requests one survey;
/// a cancelled invoice reverses its own points exactly. Idempotent (source keys, journey replay guard, survey key).
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
