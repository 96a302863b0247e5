using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>
/// Sync: an invoice paid or cancelled moves the customer's lifecycle stage at once, in the payment's transaction
/// (issue 5 §5). The split update puts statecode/statuscode in their own Update, hence the filter.
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
                .WithPostImage(Invoice.Fields.StateCode, Invoice.Fields.CustomerId),
            InvoiceLifecycleHandler.Handle);
    }
}
