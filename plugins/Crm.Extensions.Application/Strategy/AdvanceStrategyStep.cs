using System;
using Crm.Extensions.Dataverse.Strategy;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Strategy;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Strategy;

/// <summary>
/// cx_AdvanceStrategyStep: moves the strategy to its next step when <see cref="StrategyGate"/> lets it, as the caller. A
/// refusal lists exactly what is missing (en/es) and writes nothing; an advance also points the strategy at the latest
/// KPI snapshot (by period end). Requests: the strategy's step, the gate facts (<see cref="StrategyFactsReader"/>), one Update.
/// </summary>
public static class AdvanceStrategyStep
{
    public static readonly LocalizedText StrategyRequired = new(
        "Choose the CRM strategy to advance.",
        "Elija la estrategia CRM que quiere avanzar.");

    /// <summary>The step reached (<see cref="StrategyStep.Completed"/> after the fifth gate).</summary>
    public static StrategyStep Run(IUseCaseContext context, EntityReference? strategy)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(AdvanceStrategyStep);
        if (strategy is null || strategy.LogicalName != CrmStrategy.EntityLogicalName) throw new BusinessRuleException(StrategyRequired);

        var current = StrategyRows.CurrentStep(context.UserService, strategy);
        var reading = StrategyFactsReader.ReadWithLatestSnapshot(context.UserService);
        var next = StrategyGate.Advance(current, reading.Facts);
        StrategyRows.WriteStep(context.UserService, strategy, next, reading.LatestKpiSnapshot);
        return next;
    }
}
