using System;

namespace Crm.Extensions.Domain.Lifecycle;

/// <summary>Configurable lifecycle rules. Each default and its source is listed in THRESHOLDS.md.</summary>
public sealed record LifecycleThresholds
{
    public static readonly LifecycleThresholds Default = new();

    /// <summary>
    /// Paid purchases (ever) that make a customer Repeat: more than one, as in the repeat rate of the historic CLV formula
    /// (mftnakrsu/CLTV_customer-lifetime-value-analysis, README.md).
    /// </summary>
    public int RepeatMinimumPurchases { get; init; } = 2;

    /// <summary>Paid purchases inside <see cref="LoyalWindowMonths"/> that make a customer Loyal.</summary>
    public int LoyalMinimumPurchases { get; init; } = 4;

    /// <summary>
    /// The window Loyal is measured in: the one-year tier of Dynamics 365 Commerce loyalty programs and the 365-day default
    /// of Open Loyalty's LevelDowngradeModeProvider (sources in THRESHOLDS.md).
    /// </summary>
    public int LoyalWindowMonths { get; init; } = 12;

    /// <summary>Days without a purchase after which a customer is At risk.</summary>
    public int AtRiskAfterDays { get; init; } = 180;

    /// <summary>
    /// Days without a purchase after which a customer is Lapsed: churned after a period with no purchase, as Customer Insights
    /// defines transactional churn (sources in THRESHOLDS.md).
    /// </summary>
    public int LapsedAfterDays { get; init; } = 365;

    /// <summary>Lowest NPS answer that counts as a promoter (9–10, Dynamics 365 Customer Voice satisfaction metrics).</summary>
    public int PromoterMinimumScore { get; init; } = 9;

    /// <summary>Paid purchases a promoter needs before counting as an Advocate.</summary>
    public int AdvocateMinimumPurchases { get; init; } = 2;

    public void Validate()
    {
        if (RepeatMinimumPurchases < 2 || LoyalMinimumPurchases < 1 || AdvocateMinimumPurchases < 1 || LoyalWindowMonths < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RepeatMinimumPurchases),
                "Purchase thresholds must be positive and Repeat needs at least two purchases.");
        }

        if (AtRiskAfterDays < 1 || LapsedAfterDays <= AtRiskAfterDays)
        {
            throw new ArgumentOutOfRangeException(nameof(LapsedAfterDays),
                "Lapsed must come after At risk, and both after at least one day.");
        }

        if (PromoterMinimumScore < 0 || PromoterMinimumScore > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(PromoterMinimumScore), PromoterMinimumScore, "NPS answers run from 0 to 10.");
        }
    }
}
