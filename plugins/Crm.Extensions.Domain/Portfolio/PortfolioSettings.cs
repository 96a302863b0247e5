using System;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>Tunable values of the analysis; defaults and their sources are listed in THRESHOLDS.md.</summary>
public sealed record PortfolioSettings
{
    public static readonly PortfolioSettings Default = new();

    /// <summary>How many months of paid invoices count (default 24: THRESHOLDS.md).</summary>
    public int WindowMonths { get; init; } = 24;

    /// <summary>Share of profit, in percent, the target base must reach (Pareto, default 80: THRESHOLDS.md).</summary>
    public decimal ParetoThresholdPercent { get; init; } = 80m;

    /// <summary>Lowest churn rate used by CLV (0–1); stops a base where everyone repeats from yielding an infinite CLV.</summary>
    public decimal MinimumChurnRate { get; init; } = 0.05m;

    public void Validate()
    {
        if (WindowMonths < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WindowMonths), WindowMonths, "The window needs at least one month.");
        }

        if (ParetoThresholdPercent <= 0m || ParetoThresholdPercent > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(ParetoThresholdPercent), ParetoThresholdPercent,
                "The Pareto threshold is a percentage above 0 and at most 100.");
        }

        if (MinimumChurnRate <= 0m || MinimumChurnRate > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumChurnRate), MinimumChurnRate,
                "The minimum churn rate is a fraction above 0 and at most 1.");
        }
    }
}
