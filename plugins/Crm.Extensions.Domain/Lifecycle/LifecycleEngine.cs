using System;

namespace Crm.Extensions.Domain.Lifecycle;

/// <summary>
/// Turns an event into at most one transition. Invoice and survey events move the stage at once, but never into
/// a time-based stage (At risk, Lapsed): those belong to the scheduled evaluation, so a cancelled invoice does not
/// suddenly declare a customer lapsed mid-day. A customer already in a time-based stage stays there on an event
/// unless the event gives them a recent purchase. No change → null → nothing is written.
/// </summary>
public static class LifecycleEngine
{
    public static StageChange? Evaluate(
        LifecycleStage current,
        CustomerLifecycleFacts facts,
        LifecycleTrigger trigger,
        DateTime asOfUtc,
        LifecycleThresholds thresholds)
    {
        var decision = LifecycleRules.Classify(facts, asOfUtc, thresholds);
        if (trigger != LifecycleTrigger.ScheduledEvaluation && LifecycleRules.IsTimeBased(decision.Stage))
        {
            if (LifecycleRules.IsTimeBased(current))
            {
                return null;
            }

            decision = LifecycleRules.ClassifyByPurchases(facts, thresholds);
        }

        return decision.Stage == current
            ? null
            : new StageChange(current, decision.Stage, decision.Reason, trigger, asOfUtc);
    }
}
