using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Portfolio;

/// <summary>
/// cx_ResumePortfolioAnalysis(Analysis): the "Resume" command of a paused or failed analysis. Reads the API's input and
/// calls <see cref="Application.Portfolio.ResumePortfolioAnalysis"/> (the caller may edit the analysis, its status allows a
/// resume, then it is queued again as SYSTEM); <see cref="RunPortfolioAnalysis"/> picks the Queued status up and continues
/// from the saved cursor.
/// </summary>
public sealed class ResumePortfolioAnalysis : PluginBase
{
    public const string ApiName = ResumePortfolioAnalysisApi.UniqueName;
    public const string AnalysisParameter = nameof(ResumePortfolioAnalysisApi.Request.Analysis);

    public ResumePortfolioAnalysis(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context) =>
        Application.Portfolio.ResumePortfolioAnalysis.Run(
            context, context.Execution.InitiatingUserId, context.Input(ResumePortfolioAnalysisApi.Request.Analysis));
}
