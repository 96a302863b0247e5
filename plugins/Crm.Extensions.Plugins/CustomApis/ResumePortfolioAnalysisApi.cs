using Crm.Extensions.Plugins.Portfolio;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_ResumePortfolioAnalysis; its handler is <see cref="ResumePortfolioAnalysis"/>.</summary>
public static class ResumePortfolioAnalysisApi
{
    public const string UniqueName = "cx_ResumePortfolioAnalysis";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(ResumePortfolioAnalysis),
        displayName: new(
            "Resume portfolio analysis",
            "Reanudar análisis de cartera"),
        description: new(
            "Resumes a paused or stopped portfolio analysis from where it stopped; only for a caller who may edit the analysis.",
            "Reanuda un análisis de cartera en pausa o detenido desde donde se quedó; solo para quien puede editar el análisis."),
        executePrivilegeName: "prvWritecx_PortfolioAnalysis",
        request: [Request.Analysis],
        response: []);

    public static class Request
    {
        public static readonly RequestParameter<EntityReference> Analysis = new(
            nameof(Analysis),
            isOptional: false,
            displayName: new(
                "Analysis",
                "Análisis"),
            description: new(
                "The paused or stopped cx_portfolioanalysis to resume.",
                "El cx_portfolioanalysis en pausa o detenido que reanudar."));
    }
}
