using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>
/// Sync, in the payment's transaction: an invoice paid moves the stage at once and earns, balances, journeys and the survey
/// request in the same step (at most 4 requests: plugins/Crm.Extensions.Plugins/Invoicing/README.md); an invoice cancelled
/// moves the stage at once (its points are reversed by the async <see cref="InvoiceLoyalty"/>). The split update puts
/// statecode/statuscode in their own Update, hence the filter. The lifecycle thresholds and the loyalty program come from
/// the instance's settings cache (PluginBase), like every other entry point's.
/// </summary>
public sealed class InvoiceLifecycle : PluginBase
{
    public InvoiceLifecycle(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(
            StepDeclaration.On(SdkMessage.Update, Invoice.EntityLogicalName, PipelineStage.PostOperation)
                .Filter(Invoice.Fields.StateCode, Invoice.Fields.StatusCode)
                .WithPreImage(Invoice.Fields.StateCode)
                .WithPostImage(Invoice.Fields.StateCode, Invoice.Fields.CustomerId, Invoice.Fields.OwnerId),
            InvoiceLifecycleHandler.Handle);
    }
}
