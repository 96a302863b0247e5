using System;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>Recency, frequency, monetary value and profit of one customer inside the window.</summary>
/// <param name="Orders">Distinct paid invoices (frequency).</param>
/// <param name="Revenue">Sum of line amounts (monetary).</param>
/// <param name="Cost">Sum of quantity × product cost.</param>
/// <param name="RecencyDays">Days since the last purchase at the end of the window; null for a prospect.</param>
public sealed record CustomerMetrics(CustomerKey Customer, int Orders, decimal Revenue, decimal Cost, int? RecencyDays)
{
    public decimal Profit => Revenue - Cost;

    public bool HasPurchases => Orders > 0;

    /// <summary>A customer without a paid invoice in the window.</summary>
    public static CustomerMetrics Prospect(CustomerKey customer) => new(customer, 0, 0m, 0m, null);

    /// <summary>Builds metrics from pre-aggregated values (for example a FetchXML aggregate per customer).</summary>
    public static CustomerMetrics FromTotals(
        CustomerKey customer, int orders, decimal revenue, decimal cost, DateTime lastPurchaseUtc, AnalysisWindow window)
    {
        if (orders < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(orders), orders, "Orders cannot be negative.");
        }

        return orders == 0
            ? Prospect(customer)
            : new CustomerMetrics(customer, orders, revenue, cost, window.DaysBeforeEnd(lastPurchaseUtc));
    }
}
