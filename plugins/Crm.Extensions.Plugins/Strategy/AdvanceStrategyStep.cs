using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;

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

    public AdvanceStrategyStep(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var reached = Application.Strategy.AdvanceStrategyStep.Run(context, context.Input(AdvanceStrategyStepApi.Request.Strategy));
        context.SetOutput(AdvanceStrategyStepApi.Response.Step, reached.ToString());
    }
}
