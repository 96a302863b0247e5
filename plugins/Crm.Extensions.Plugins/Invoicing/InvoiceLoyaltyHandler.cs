using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>Async: a cancellation reverses its points (<see cref="Application.Invoicing.InvoiceCancelled.ReversePoints"/>).</summary>
internal static class InvoiceLoyaltyHandler
{
    public static void Handle(PluginContext context)
    {
        var trigger = InvoiceEvents.TriggerOf(context);
        if (trigger == LifecycleTrigger.InvoicePaid)
            context.Tracing.Trace("A payment earns in the sync InvoiceLifecycle step: nothing to do here.");
        if (trigger != LifecycleTrigger.InvoiceCancelled || InvoiceEvents.From(context) is not { } invoice) return;
        Application.Invoicing.InvoiceCancelled.ReversePoints(context, invoice);
    }
}
