using System;
using System.Linq;
using Crm.Extensions.Domain.Common;

namespace Crm.Extensions.Domain.Lifecycle;

/// <summary>
/// The KPIs of one period, stored as its cx_kpisnapshot. Rates are percentages rounded to two decimals; null means
/// "undefined for this period".
/// </summary>
public sealed record PeriodKpis(
    string IdempotencyKey,
    int Acquisition,
    decimal? RetentionRatePercent,
    decimal? ChurnRatePercent,
    decimal AverageClv,
    decimal? NetPromoterScore,
    decimal TargetBaseRevenueSharePercent)
{
    /// <summary>Distinct customers who bought in the period.</summary>
    public int ActiveCustomers { get; init; }

    /// <summary>
    /// Retention = retained ÷ active at start; churn = 100 − retention (both null when nobody was active at start).
    /// Average CLV is 0 with no buyers; NPS is null with no answers; the target-base share is 0 with no revenue.
    /// </summary>
    public static PeriodKpis Calculate(KpiPeriod period, KpiInputs inputs)
    {
        if (period is null)
        {
            throw new ArgumentNullException(nameof(period));
        }

        if (inputs is null)
        {
            throw new ArgumentNullException(nameof(inputs));
        }

        if (inputs.NewCustomers < 0 || inputs.ActiveAtStart < 0 || inputs.RetainedAtEnd < 0 || inputs.RetainedAtEnd > inputs.ActiveAtStart
            || inputs.ActiveCustomers < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs),
                "Counts cannot be negative and retained customers cannot exceed those active at start.");
        }

        decimal? retention = inputs.ActiveAtStart == 0 ? null : Percent.Round(Percent.Of(inputs.RetainedAtEnd, inputs.ActiveAtStart));
        var averageClv = inputs.CustomerClvs.Count == 0
            ? 0m
            : Math.Round(inputs.CustomerClvs.Sum() / inputs.CustomerClvs.Count, 2, MidpointRounding.AwayFromZero);
        return new PeriodKpis(
            period.IdempotencyKey,
            inputs.NewCustomers,
            retention,
            100m - retention,
            averageClv,
            Lifecycle.NetPromoterScore.Calculate(inputs.NpsScores),
            Percent.Round(Percent.Of(inputs.TargetBaseRevenue, inputs.TotalRevenue)))
        {
            ActiveCustomers = inputs.ActiveCustomers,
        };
    }
}
