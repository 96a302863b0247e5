using Crm.Extensions.Application.Invoicing;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>Invoice paid → <see cref="PaidInvoiceFlow"/>; invoice cancelled → <see cref="CancelledInvoiceLifecycle"/>.</summary>
internal static class InvoiceLifecycleHandler
{
    public static void Handle(PluginContext context)
    {
        var trigger = InvoiceEvents.TriggerOf(context);
        var customer = context.PostImage?.GetAttributeValue<EntityReference>(Invoice.Fields.CustomerId);
        if (trigger is null || customer is null) return;

        var invoice = new InvoiceEvent(context.Execution.PrimaryEntityId, customer, context.PostImage!.GetAttributeValue<EntityReference>(Invoice.Fields.OwnerId), context.Clock.UtcNow);
        if (trigger == LifecycleTrigger.InvoicePaid) PaidInvoiceFlow.Apply(context, invoice);
        else CancelledInvoiceLifecycle.Apply(context, invoice);
    }
}
