using Crm.Extensions.Application.Portfolio;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Portfolio;

/// <summary>
/// cx_AnalyzePortfolio([WindowMonths], [ParetoThresholdPercent], [Strategy]): queues a portfolio analysis by creating its
/// cx_portfolioanalysis row (the async step <see cref="RunPortfolioAnalysis"/> does the work) and returns it. Inputs left
/// out come from the environment variables when the analysis runs. Out-of-range inputs are refused (en/es); nothing is written.
/// </summary>
public sealed class AnalyzePortfolio : PluginBase
{
    public const string ApiName = AnalyzePortfolioApi.UniqueName;
    public const string WindowMonthsParameter = nameof(AnalyzePortfolioApi.Request.WindowMonths);
    public const string ParetoParameter = nameof(AnalyzePortfolioApi.Request.ParetoThresholdPercent);
    public const string StrategyParameter = nameof(AnalyzePortfolioApi.Request.Strategy);
    public const string AnalysisOutput = nameof(AnalyzePortfolioApi.Response.Analysis);

    public AnalyzePortfolio(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var request = AnalysisQueue.Validate(
            context.Input(AnalyzePortfolioApi.Request.WindowMonths),
            context.Input(AnalyzePortfolioApi.Request.ParetoThresholdPercent),
            context.Input(AnalyzePortfolioApi.Request.Strategy));
        context.SetOutput(AnalyzePortfolioApi.Response.Analysis, AnalysisQueue.Create(context.UserService, request, context.Clock.UtcNow));
    }
}
