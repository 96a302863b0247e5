using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>
/// Sync: invoice paid → <see cref="Application.Invoicing.InvoicePaid"/>; cancelled → <see cref="Application.Invoicing.InvoiceCancelled"/>.
/// </summary>
internal static class InvoiceLifecycleHandler
{
    public static void Handle(PluginContext context)
    {
        var trigger = InvoiceEvents.TriggerOf(context);
        if (trigger is null || InvoiceEvents.From(context) is not { } invoice) return;
        if (trigger == LifecycleTrigger.InvoicePaid) Application.Invoicing.InvoicePaid.Run(context, invoice);
        else Application.Invoicing.InvoiceCancelled.Run(context, invoice);
    }
}
