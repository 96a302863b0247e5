using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Common;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Strategy;

/// <summary>
/// Stage gates of cx_crmstrategy. Leaving a step requires its own condition and every earlier one, because later
/// steps build on them and a condition can stop holding (a new analysis can change the target base):
/// <list type="number">
/// <item>Portfolio analysis: a completed analysis with a target segment.</item>
/// <item>Customer intimacy: at least 50% of target customers with profile completeness ≥ 50.</item>
/// <item>Network development: every target segment has a critical partner.</item>
/// <item>Value proposition: every target segment has an active proposition.</item>
/// <item>Lifecycle management: a KPI snapshot exists.</item>
/// </list>
/// A refusal lists exactly what is missing, naming each segment that lacks something.
/// </summary>
public static class StrategyGate
{
    /// <summary>Profile completeness a target customer needs to count as known.</summary>
    public const int ProfileCompletenessMinimum = 50;

    /// <summary>Share of target customers, in percent, who must be known.</summary>
    public const decimal KnownTargetCustomersMinimumPercent = 50m;

    private static readonly LocalizedText Heading = new(
        "The strategy cannot move to the next step yet. Missing:",
        "La estrategia aún no puede pasar al siguiente paso. Falta:");

    public static IReadOnlyList<LocalizedText> Missing(StrategyStep current, StrategyFacts facts)
    {
        if (facts is null)
        {
            throw new ArgumentNullException(nameof(facts));
        }

        var missing = new List<LocalizedText>();
        if (current >= StrategyStep.PortfolioAnalysis && !facts.HasCompletedAnalysisWithTarget)
        {
            missing.Add(new LocalizedText(
                "a completed portfolio analysis with at least one target segment.",
                "un análisis de cartera completado con al menos un segmento objetivo."));
        }

        if (current >= StrategyStep.CustomerIntimacy)
        {
            AddProfileGap(facts, missing);
        }

        if (current >= StrategyStep.NetworkDevelopment)
        {
            missing.AddRange(
                facts.TargetSegments.Where(s => !s.HasCriticalPartner).OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new LocalizedText(
                "a critical partner for the target segment \"" + s.Name + "\".",
                "un socio crítico para el segmento objetivo \"" + s.Name + "\".")));
        }

        if (current >= StrategyStep.ValueProposition)
        {
            missing.AddRange(
                facts.TargetSegments.Where(s => !s.HasActiveProposition).OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new LocalizedText(
                "an active value proposition for the target segment \"" + s.Name + "\".",
                "una propuesta de valor activa para el segmento objetivo \"" + s.Name + "\".")));
        }

        if (current >= StrategyStep.LifecycleManagement && !facts.HasKpiSnapshot)
        {
            missing.Add(new LocalizedText("a KPI snapshot.", "una instantánea de KPI."));
        }

        return missing;
    }

    /// <summary>The next step, or a <see cref="BusinessRuleException"/> listing what is missing (en/es).</summary>
    public static StrategyStep Advance(StrategyStep current, StrategyFacts facts)
    {
        if (current == StrategyStep.Completed)
        {
            throw new BusinessRuleException(new LocalizedText(
                "The strategy has already completed all five steps.",
                "La estrategia ya ha completado los cinco pasos."));
        }

        Refusal.ThrowIfAny(Heading, Missing(current, facts));
        return current + 1;
    }

    private static void AddProfileGap(StrategyFacts facts, List<LocalizedText> missing)
    {
        var known = Percent.Of(facts.TargetCustomersWithCompleteProfile, facts.TargetCustomers);
        if (facts.TargetCustomers > 0 && known >= KnownTargetCustomersMinimumPercent)
        {
            return;
        }

        var shownEn = Formatting.PercentEnglish(Percent.Round(known));
        var shownEs = Formatting.PercentSpanish(Percent.Round(known));
        missing.Add(new LocalizedText(
            "profiles at least " + Formatting.Number(ProfileCompletenessMinimum)
                + "% complete for at least half of the target customers (now "
                + shownEn + ": " + Formatting.Number(facts.TargetCustomersWithCompleteProfile) + " of "
                    + Formatting.Number(facts.TargetCustomers) + ").",
            "perfiles completos al menos al " + Formatting.Number(ProfileCompletenessMinimum)
                + " % para al menos la mitad de los clientes objetivo (ahora "
                + shownEs + ": " + Formatting.Number(facts.TargetCustomersWithCompleteProfile) + " de "
                    + Formatting.Number(facts.TargetCustomers) + ")."));
    }
}
