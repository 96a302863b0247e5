using System;
using Crm.Extensions.Domain.Strategy;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Strategy;

/// <summary>Reads and writes the step of one cx_crmstrategy row.</summary>
public static class StrategyRows
{
    /// <summary>The step the strategy stands on. One Retrieve of that one column.</summary>
    public static StrategyStep CurrentStep(IOrganizationService service, EntityReference strategy)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (strategy is null) throw new ArgumentNullException(nameof(strategy));
        var row = service.Retrieve(strategy.LogicalName, strategy.Id, new ColumnSet(CrmStrategy.Fields.CurrentStep));
        return StrategySteps.From(row.ToEntity<CrmStrategy>().CurrentStep);
    }

    /// <summary>
    /// Moves the strategy to <paramref name="step"/>, clears the blockers a refused advance listed and points the strategy
    /// at the latest KPI snapshot. One Update.
    /// </summary>
    public static void WriteStep(
        IOrganizationService service, EntityReference strategy, StrategyStep step, EntityReference? latestKpiSnapshot)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (strategy is null) throw new ArgumentNullException(nameof(strategy));
        service.Update(new CrmStrategy(strategy.Id)
        {
            CurrentStep = StrategySteps.ChoiceOf(step),
            GateBlockers = null,
            LatestKpiSnapshotId = latestKpiSnapshot,
        });
    }
}
