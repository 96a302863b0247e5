using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Loyalty.Tiers;

/// <summary>A customer's profit from the latest portfolio analysis.</summary>
public sealed record CustomerProfit(Guid CustomerId, decimal Profit);

/// <summary>
/// The customers guaranteed at least the VIP tier: the top <c>share</c> of all analysed customers by profit,
/// rounded up (so any non-empty analysis with a share above zero names at least one), only customers with a
/// positive profit, ties broken by id so the batch is deterministic.
/// </summary>
public static class TopProfitShare
{
    public static IReadOnlyCollection<Guid> Select(IReadOnlyCollection<CustomerProfit> customers, decimal share)
    {
        if (customers is null)
        {
            throw new ArgumentNullException(nameof(customers));
        }

        var take = (int)Math.Ceiling(customers.Count * Math.Max(0m, Math.Min(1m, share)));
        return new HashSet<Guid>(customers
            .Where(customer => customer.Profit > 0m)
            .OrderByDescending(customer => customer.Profit)
            .ThenBy(customer => customer.CustomerId)
            .Take(take)
            .Select(customer => customer.CustomerId));
    }
}
