using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>Dispatches the async invoice event to the paid or cancelled flow, once a loyalty program is active.</summary>
internal static class InvoiceLoyaltyHandler
{
    public static void Handle(PluginContext context)
    {
        var trigger = InvoiceEvents.TriggerOf(context);
        var customer = context.PostImage?.GetAttributeValue<EntityReference>(Invoice.Fields.CustomerId);
        if (trigger is null || customer is null) return;

        // Request: RetrieveMultiple — the active program and its tiers (configuration, not on any image).
        var program = LoyaltyProgramReader.Active(context.SystemService);
        if (program is null)
        {
            context.Tracing.Trace("No active loyalty program: the invoice earns nothing.");
            return;
        }

        var invoice = new InvoiceEvent(context.Execution.PrimaryEntityId, customer, context.PostImage!.GetAttributeValue<EntityReference>(Invoice.Fields.OwnerId), context.Clock.UtcNow);
        if (trigger == LifecycleTrigger.InvoicePaid) PaidInvoiceLoyalty.Apply(context, program, invoice);
        else CancelledInvoiceLoyalty.Apply(context, program, invoice);
    }
}
