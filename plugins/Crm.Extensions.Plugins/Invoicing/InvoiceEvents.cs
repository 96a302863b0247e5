using Crm.Extensions.Application.Invoicing;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>Which invoice event an Update is, from the step's pre- and post-image: paid, cancelled, or neither.</summary>
internal static class InvoiceEvents
{
    public static LifecycleTrigger? TriggerOf(PluginContext context)
    {
        if (InvoiceStates.Entered(InvoiceStates.Paid, context.PreImage, context.PostImage)) return LifecycleTrigger.InvoicePaid;
        if (InvoiceStates.Entered(InvoiceStates.Canceled, context.PreImage, context.PostImage)) return LifecycleTrigger.InvoiceCancelled;
        context.Tracing.Trace("The invoice update is neither a payment nor a cancellation: nothing to do.");
        return null;
    }

    /// <summary>The event from the post-image: which invoice, whose, its owner and the operation's time; null without a customer.</summary>
    public static InvoiceEvent? From(PluginContext context)
    {
        var image = context.PostImage?.ToEntity<Invoice>();
        return image?.CustomerId is { } customer
            ? new InvoiceEvent(context.Execution.PrimaryEntityId, customer, image.OwnerId, context.Clock.UtcNow)
            : null;
    }
}
