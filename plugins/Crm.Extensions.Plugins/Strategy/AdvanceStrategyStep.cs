using Crm.Extensions.Dataverse.Strategy;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Strategy;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Plugins.Strategy;

/// <summary>
/// cx_AdvanceStrategyStep(Strategy): moves cx_crmstrategy to its next step when StrategyGate lets it; a refusal lists exactly
/// what is missing (en/es) and writes nothing. Output Step is the step reached ("Completed" after the fifth gate); the
/// strategy's cx_latestkpisnapshotid is pointed at the latest KPI snapshot (by period end) on every advance.
/// </summary>
public sealed class AdvanceStrategyStep : PluginBase
{
    public const string ApiName = AdvanceStrategyStepApi.UniqueName;
    public const string StrategyParameter = nameof(AdvanceStrategyStepApi.Request.Strategy);
    public const string StepOutput = nameof(AdvanceStrategyStepApi.Response.Step);

    private static readonly LocalizedText StrategyRequired = new(
        "Choose the CRM strategy to advance.",
        "Elija la estrategia CRM que quiere avanzar.");

    public AdvanceStrategyStep(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var strategy = context.Input(AdvanceStrategyStepApi.Request.Strategy);
        if (strategy is null || strategy.LogicalName != CrmStrategy.EntityLogicalName) throw new BusinessRuleException(StrategyRequired);

        var current = context.UserService.Retrieve(strategy.LogicalName, strategy.Id, new ColumnSet(CrmStrategy.Fields.CurrentStep)).ToEntity<CrmStrategy>().CurrentStep;
        var reading = StrategyFactsReader.ReadWithLatestSnapshot(context.UserService);
        var next = StrategyGate.Advance(StrategySteps.From(current), reading.Facts);
        context.UserService.Update(new CrmStrategy(strategy.Id) { CurrentStep = StrategySteps.ChoiceOf(next), GateBlockers = null, LatestKpiSnapshotId = reading.LatestKpiSnapshot });
        context.SetOutput(AdvanceStrategyStepApi.Response.Step, next.ToString());
    }
}
