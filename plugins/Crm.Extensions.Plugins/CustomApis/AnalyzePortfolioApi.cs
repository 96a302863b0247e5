using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Portfolio;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_AnalyzePortfolio; its handler is <see cref="AnalyzePortfolio"/>.</summary>
public static class AnalyzePortfolioApi
{
    public const string UniqueName = "cx_AnalyzePortfolio";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(AnalyzePortfolio),
        displayName: new(
            "Analyze portfolio",
            "Analizar cartera"),
        description: new(
            "Queues a portfolio analysis (RFM, segments, CLV, target base) that runs as paged, resumable async work; returns the " +
            "analysis row.",
            "Pone en cola un análisis de cartera (RFM, segmentos, CLV, base objetivo) que se ejecuta como trabajo asíncrono paginado y " +
            "reanudable; devuelve la fila del análisis."),
        executePrivilegeName: "prvCreatecx_PortfolioAnalysis",
        request: [Request.ParetoThresholdPercent, Request.Strategy, Request.WindowMonths],
        response: [Response.Analysis]);

    public static class Request
    {
        public static readonly RequestParameter<decimal?> ParetoThresholdPercent = new(
            nameof(ParetoThresholdPercent),
            isOptional: true,
            displayName: new(
                "ParetoThresholdPercent",
                "Umbral de Pareto (%)"),
            description: new(
                "Cumulative profit share, 1 to 100, the target segments must reach; empty uses cx_ParetoThresholdPercent (default 80).",
                "Porcentaje acumulado del beneficio, de 1 a 100, que deben alcanzar los segmentos objetivo; vacío usa " +
                "cx_ParetoThresholdPercent (80 por defecto)."));

        public static readonly RequestParameter<EntityReference> Strategy = new(
            nameof(Strategy),
            isOptional: true,
            displayName: new(
                "Strategy",
                "Estrategia"),
            description: new(
                "The CRM strategy (cx_crmstrategy) the analysis serves; optional.",
                "La estrategia CRM (cx_crmstrategy) a la que sirve el análisis; opcional."));

        public static readonly RequestParameter<int?> WindowMonths = new(
            nameof(WindowMonths),
            isOptional: true,
            displayName: new(
                "WindowMonths",
                "Meses de la ventana"),
            description: new(
                "Months of paid invoices to read, 1 to 120; empty uses the environment variable cx_AnalysisWindowMonths (default 24).",
                "Meses de facturas pagadas que se leen, de 1 a 120; vacío usa la variable de entorno cx_AnalysisWindowMonths (24 por " +
                "defecto)."));
    }

    public static class Response
    {
        public static readonly ResponseProperty<EntityReference> Analysis = new(
            nameof(Analysis),
            displayName: new(
                "Analysis",
                "Análisis"),
            description: new(
                "The queued cx_portfolioanalysis; watch its status and progress.",
                "El cx_portfolioanalysis en cola; siga su estado y progreso."));
    }
}
