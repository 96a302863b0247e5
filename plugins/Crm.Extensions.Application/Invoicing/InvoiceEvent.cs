using System;
using System.Globalization;
using Crm.Extensions.Domain.Lifecycle;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Invoicing;

/// <summary>The invoice event as the handlers read it from the step's images: which invoice, whose, and when.</summary>
public sealed record InvoiceEvent(Guid InvoiceId, EntityReference Customer, EntityReference? Owner, DateTime On)
{
    /// <summary>The alternate key of the event's <c>cx_lifecycletransition</c>: the same event never records twice.</summary>
    public string TransitionKey(LifecycleTrigger trigger)
        => string.Format(CultureInfo.InvariantCulture, "lifecycle:{0}:{1}", trigger, InvoiceId);
}
