using Crm.Extensions.Application.Invoicing;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>The async invoice event: a cancellation reverses its points, once a loyalty program is active. A payment earns in the sync step.</summary>
internal static class InvoiceLoyaltyHandler
{
    public static void Handle(PluginContext context)
    {
        var trigger = InvoiceEvents.TriggerOf(context);
        var customer = context.PostImage?.GetAttributeValue<EntityReference>(Invoice.Fields.CustomerId);
        if (trigger != LifecycleTrigger.InvoiceCancelled || customer is null)
        {
            if (trigger == LifecycleTrigger.InvoicePaid) context.Tracing.Trace("A payment earns in the sync InvoiceLifecycle step: nothing to do here.");
            return;
        }

        // Request: RetrieveMultiple — the active program and its tiers (configuration, not on any image).
        var program = LoyaltyProgramReader.Active(context.SystemService);
        if (program is null)
        {
            context.Tracing.Trace("No active loyalty program: nothing to reverse.");
            return;
        }

        var invoice = new InvoiceEvent(context.Execution.PrimaryEntityId, customer, context.PostImage!.GetAttributeValue<EntityReference>(Invoice.Fields.OwnerId), context.Clock.UtcNow);
        CancelledInvoiceLoyalty.Apply(context, program, invoice);
    }
}
