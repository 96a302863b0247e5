using System.Collections.Generic;

namespace Crm.Extensions.Domain.Lifecycle;

/// <summary>Counts and values the plugin gathers for one period.</summary>
/// <param name="NewCustomers">Customers whose first paid purchase fell in the period (acquisition).</param>
/// <param name="ActiveAtStart">Customers active (not Prospect, not Lapsed) when the period started.</param>
/// <param name="RetainedAtEnd">Of <paramref name="ActiveAtStart"/>, those still active when it ended.</param>
/// <param name="CustomerClvs">Historic CLV of each buying customer.</param>
/// <param name="NpsScores">NPS answers received in the period.</param>
/// <param name="TotalRevenue">Paid revenue in the period.</param>
/// <param name="TargetBaseRevenue">Of it, revenue from customers in the target base.</param>
public sealed record KpiInputs(
    int NewCustomers,
    int ActiveAtStart,
    int RetainedAtEnd,
    IReadOnlyCollection<decimal> CustomerClvs,
    IReadOnlyCollection<int> NpsScores,
    decimal TotalRevenue,
    decimal TargetBaseRevenue)
{
    /// <summary>Distinct customers with a paid purchase in the period (cx_activecustomers).</summary>
    public int ActiveCustomers { get; init; }
}
