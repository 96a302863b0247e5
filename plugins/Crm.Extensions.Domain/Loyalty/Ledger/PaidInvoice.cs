using System;
using System.Collections.Generic;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>An invoice that reached "paid": the purchase event. Lines carry their family, resolved by <c>ProductFamilies</c>.</summary>
public sealed record PaidInvoice(Guid InvoiceId, Guid CustomerId, DateTime PaidOn, IReadOnlyList<PaidInvoiceLine> Lines);

/// <summary>One <c>invoicedetail</c>; <see cref="Amount"/> is the line's extended amount after discounts, before tax.</summary>
public sealed record PaidInvoiceLine(Guid LineId, Guid ProductId, Guid FamilyId, decimal Amount);
