using System;
using Crm.Extensions.Domain.Localization;
using static Crm.Extensions.Domain.Common.Formatting;

namespace Crm.Extensions.Domain.Lifecycle;

/// <summary>
/// Decides a customer's stage. Order of the rules: no paid purchase → Prospect; silence → Lapsed, then At risk;
/// a promoter with enough purchases → Advocate; enough purchases in the loyal window → Loyal; more than one
/// purchase → Repeat; otherwise New. A later detractor answer simply stops the Advocate rule from applying.
/// </summary>
public static class LifecycleRules
{
    public static StageDecision Classify(CustomerLifecycleFacts facts, DateTime asOfUtc, LifecycleThresholds thresholds)
    {
        Require(facts, thresholds);
        if (facts.TotalPaidPurchases > 0 && facts.LastPurchaseUtc is { } last)
        {
            var silentDays = (asOfUtc.Date - last.Date).Days;
            if (silentDays >= thresholds.LapsedAfterDays)
            {
                return new StageDecision(LifecycleStage.Lapsed, new LocalizedText(
                    "No purchase for " + Number(silentDays) + " days (lapsed from " + Number(thresholds.LapsedAfterDays) + ").",
                    "Sin compras durante " + Number(silentDays) + " días (inactivo desde " + Number(thresholds.LapsedAfterDays) + ")."));
            }

            if (silentDays >= thresholds.AtRiskAfterDays)
            {
                return new StageDecision(LifecycleStage.AtRisk, new LocalizedText(
                    "No purchase for " + Number(silentDays) + " days (at risk from " + Number(thresholds.AtRiskAfterDays) + ").",
                    "Sin compras durante " + Number(silentDays) + " días (en riesgo desde " + Number(thresholds.AtRiskAfterDays) + ")."));
            }
        }

        return ClassifyByPurchases(facts, thresholds);
    }

    /// <summary>The stage from purchases and promoter score alone, ignoring how long ago the last purchase was.</summary>
    public static StageDecision ClassifyByPurchases(CustomerLifecycleFacts facts, LifecycleThresholds thresholds)
    {
        Require(facts, thresholds);
        var purchases = facts.TotalPaidPurchases;
        if (purchases <= 0)
        {
            return new StageDecision(LifecycleStage.Prospect, new LocalizedText("No paid purchase yet.", "Aún sin compras pagadas."));
        }

        if (facts.LatestNpsScore is { } score && score >= thresholds.PromoterMinimumScore
            && purchases >= thresholds.AdvocateMinimumPurchases)
        {
            return new StageDecision(LifecycleStage.Advocate, new LocalizedText(
                "Promoter score " + Number(score) + " with " + Number(purchases) + " paid purchases.",
                "Puntuación de promotor " + Number(score) + " con " + Number(purchases) + " compras pagadas."));
        }

        if (facts.PaidPurchasesInLoyalWindow >= thresholds.LoyalMinimumPurchases)
        {
            return new StageDecision(LifecycleStage.Loyal, new LocalizedText(
                Number(facts.PaidPurchasesInLoyalWindow) + " paid purchases in the last " + Number(thresholds.LoyalWindowMonths)
                    + " months (loyal from " + Number(thresholds.LoyalMinimumPurchases) + ").",
                Number(facts.PaidPurchasesInLoyalWindow) + " compras pagadas en los últimos " + Number(thresholds.LoyalWindowMonths)
                    + " meses (fiel desde " + Number(thresholds.LoyalMinimumPurchases) + ")."));
        }

        if (purchases >= thresholds.RepeatMinimumPurchases)
        {
            return new StageDecision(LifecycleStage.Repeat, new LocalizedText(
                Number(purchases) + " paid purchases (repeat from " + Number(thresholds.RepeatMinimumPurchases) + ").",
                Number(purchases) + " compras pagadas (recurrente desde " + Number(thresholds.RepeatMinimumPurchases) + ")."));
        }

        return new StageDecision(LifecycleStage.New, new LocalizedText("First paid purchase.", "Primera compra pagada."));
    }

    public static bool IsTimeBased(LifecycleStage stage) => stage == LifecycleStage.AtRisk || stage == LifecycleStage.Lapsed;

    private static void Require(CustomerLifecycleFacts facts, LifecycleThresholds thresholds)
    {
        if (facts is null)
        {
            throw new ArgumentNullException(nameof(facts));
        }

        if (thresholds is null)
        {
            throw new ArgumentNullException(nameof(thresholds));
        }

        thresholds.Validate();
    }
}
