using System;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>The invoice event as the handlers read it from the step's images: which invoice, whose, and when.</summary>
internal sealed record InvoiceEvent(Guid InvoiceId, EntityReference Customer, EntityReference? Owner, DateTime On);
