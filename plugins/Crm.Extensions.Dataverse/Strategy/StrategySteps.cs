using System;
using Crm.Extensions.Domain.Strategy;
using Crm.Extensions.EarlyBound;

namespace Crm.Extensions.Dataverse.Strategy;

/// <summary>Maps cx_crmstrategy.cx_currentstep to the domain's steps. Completed has no choice: it is the last step, gate passed.</summary>
public static class StrategySteps
{
    public static StrategyStep From(CrmStrategy.CurrentStepChoice? choice) => choice is { } value
        ? (StrategyStep)((int)value - (int)CrmStrategy.CurrentStepChoice.Option1PortfolioAnalysis + (int)StrategyStep.PortfolioAnalysis)
        : StrategyStep.PortfolioAnalysis;

    public static CrmStrategy.CurrentStepChoice ChoiceOf(StrategyStep step) =>
        (CrmStrategy.CurrentStepChoice)(
            (int)CrmStrategy.CurrentStepChoice.Option1PortfolioAnalysis
            + Math.Min((int)step, (int)StrategyStep.LifecycleManagement) - (int)StrategyStep.PortfolioAnalysis);
}
