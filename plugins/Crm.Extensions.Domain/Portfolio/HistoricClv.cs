using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// Historic CLV: CLV = (AOV × purchase frequency ÷ churn rate) × profit margin,
/// churn rate = 1 − repeat rate, repeat rate = share of buying customers with more than one order in the window.
/// Two deliberate readings (see THRESHOLDS.md): purchase frequency is the customer's own orders in the window
/// (not orders ÷ base size, which would shrink every CLV as the base grows), and the profit margin is the
/// customer's own profit ÷ revenue as a ratio (not 10% of revenue as an amount, which would square money).
/// The result is the window's profit times the expected number of windows the customer stays.
/// </summary>
public static class HistoricClv
{
    /// <summary>Share of buyers who ordered more than once; 0 when nobody bought.</summary>
    public static decimal RepeatRate(IEnumerable<CustomerMetrics> customers)
    {
        var buyers = customers.Where(c => c.HasPurchases).ToList();
        return RepeatRate(buyers.Count, buyers.Count(c => c.Orders > 1));
    }

    /// <summary>The same share from counts, so units that see the base page by page get the exact same rate.</summary>
    public static decimal RepeatRate(long buyers, long repeaters) => buyers == 0 ? 0m : (decimal)repeaters / buyers;

    /// <summary>1 − repeat rate, never below <paramref name="minimumChurnRate"/> so CLV stays finite.</summary>
    public static decimal ChurnRate(IEnumerable<CustomerMetrics> customers, decimal minimumChurnRate)
    {
        var buyers = customers.Where(c => c.HasPurchases).ToList();
        return ChurnRate(buyers.Count, buyers.Count(c => c.Orders > 1), minimumChurnRate);
    }

    /// <summary>1 − repeat rate from counts of buyers and of buyers with more than one order.</summary>
    public static decimal ChurnRate(long buyers, long repeaters, decimal minimumChurnRate)
    {
        var churn = 1m - RepeatRate(buyers, repeaters);
        return churn < minimumChurnRate ? minimumChurnRate : churn;
    }

    /// <summary>
    /// CLV of one customer, rounded to cents. Zero for a prospect and for zero revenue (the margin is undefined);
    /// negative when the customer's profit is negative, because that value is being destroyed.
    /// </summary>
    public static decimal For(CustomerMetrics customer, decimal churnRate)
    {
        if (customer is null)
        {
            throw new ArgumentNullException(nameof(customer));
        }

        if (churnRate <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(churnRate), churnRate,
                "Churn must be positive; apply the minimum churn rate first.");
        }

        if (!customer.HasPurchases || customer.Revenue == 0m)
        {
            return 0m;
        }

        var averageOrderValue = customer.Revenue / customer.Orders;
        var purchaseFrequency = (decimal)customer.Orders;
        var profitMargin = customer.Profit / customer.Revenue;
        var clv = averageOrderValue * purchaseFrequency / churnRate * profitMargin;
        return Math.Round(clv, 2, MidpointRounding.AwayFromZero);
    }
}
