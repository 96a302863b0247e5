using System;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>One line of a paid invoice: the behavioural input of the analysis.</summary>
/// <param name="Amount">The line's extended amount (revenue).</param>
/// <param name="UnitCost">The product's current cost; cost of the line = quantity × unit cost.</param>
public sealed record InvoiceLine(
    CustomerKey Customer,
    Guid InvoiceId,
    DateTime InvoicedOnUtc,
    decimal Amount,
    decimal Quantity,
    decimal UnitCost)
{
    public decimal Cost => Quantity * UnitCost;
}
