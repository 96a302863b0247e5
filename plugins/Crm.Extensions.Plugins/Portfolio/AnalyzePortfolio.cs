using Crm.Extensions.Application.Portfolio;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Portfolio;

/// <summary>
/// cx_AnalyzePortfolio([WindowMonths], [ParetoThresholdPercent], [Strategy]): queues a portfolio analysis by creating its
/// cx_portfolioanalysis row (the async step <see cref="RunPortfolioAnalysis"/> does the work) and returns it. Inputs left
/// out come from the environment variables when the analysis runs. Out-of-range inputs are refused (en/es); nothing is written.
/// </summary>
public sealed class AnalyzePortfolio : PluginBase
{
    public const string ApiName = "cx_AnalyzePortfolio";
    public const string WindowMonthsParameter = "WindowMonths";
    public const string ParetoParameter = "ParetoThresholdPercent";
    public const string StrategyParameter = "Strategy";
    public const string AnalysisOutput = "Analysis";

    public AnalyzePortfolio(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var request = AnalysisQueue.Validate(
            context.Input<int?>(WindowMonthsParameter), context.Input<decimal?>(ParetoParameter), context.Input<EntityReference>(StrategyParameter));
        context.SetOutput(AnalysisOutput, AnalysisQueue.Create(context.UserService, request, context.Clock.UtcNow));
    }
}
