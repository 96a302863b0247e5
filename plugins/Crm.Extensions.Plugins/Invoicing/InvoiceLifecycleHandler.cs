using System.Globalization;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>Invoice paid/cancelled → LifecycleEngine → at most one stage change and one cx_lifecycletransition.</summary>
internal static class InvoiceLifecycleHandler
{
    public static void Handle(PluginContext context)
    {
        var trigger = InvoiceEvents.TriggerOf(context);
        var customer = context.PostImage?.GetAttributeValue<EntityReference>(Invoice.Fields.CustomerId);
        if (trigger is null || customer is null) return;

        var now = context.Clock.UtcNow;
        var thresholds = LifecycleThresholds.Default;
        // Request: RetrieveMultiple — stage, paid invoices and NPS answers of the customer (other tables: no invoice image carries them).
        var current = CustomerLifecycleReader.Read(context.SystemService, customer, now, thresholds);
        var transition = LifecycleEngine.Evaluate(current.Stage, current.Facts, trigger.Value, now, thresholds);
        if (transition is null) return;

        // Only on a change: Update of the customer's stage + Create of the transition (SYSTEM: lifecycle is system-managed).
        var key = string.Format(CultureInfo.InvariantCulture, "lifecycle:{0}:{1}", trigger.Value, context.Execution.PrimaryEntityId);
        LifecycleWriter.Write(context.SystemService, customer, transition, key);
    }
}
