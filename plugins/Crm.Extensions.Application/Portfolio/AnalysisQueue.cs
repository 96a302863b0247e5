using System;
using System.Globalization;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Portfolio;

/// <summary>The inputs of one requested analysis, checked.</summary>
public sealed record QueuedAnalysis(int? WindowMonths, decimal? ParetoThresholdPercent, EntityReference? Strategy);

/// <summary>
/// Queues an analysis: validates what the caller asked for and creates the cx_portfolioanalysis row (status Queued), whose
/// async step runs it. Nothing is read; a refusal happens before anything is written.
/// </summary>
public static class AnalysisQueue
{
    private static readonly LocalizedText WindowOutOfRange = new(
        "The analysis window must be from 1 to 120 months. Leave it empty to use the environment's setting.",
        "La ventana del análisis debe ser de 1 a 120 meses. Déjela vacía para usar la configuración del entorno.");

    private static readonly LocalizedText ParetoOutOfRange = new(
        "The target profit share must be from 1 to 100%. Leave it empty to use the environment's setting.",
        "La cuota de beneficio objetivo debe ser del 1 al 100 %. Déjela vacía para usar la configuración del entorno.");

    private static readonly LocalizedText NotAStrategy = new(
        "Strategy must be a CRM strategy (cx_crmstrategy).",
        "La estrategia debe ser una estrategia CRM (cx_crmstrategy).");

    public static QueuedAnalysis Validate(int? windowMonths, decimal? paretoThresholdPercent, EntityReference? strategy)
    {
        if (windowMonths is { } months && (months < 1 || months > AnalysisRunner.MaximumWindowMonths))
            throw new BusinessRuleException(WindowOutOfRange);
        if (paretoThresholdPercent is { } share && (share < 1m || share > 100m)) throw new BusinessRuleException(ParetoOutOfRange);
        if (strategy is not null && strategy.LogicalName != CrmStrategy.EntityLogicalName) throw new BusinessRuleException(NotAStrategy);
        return new QueuedAnalysis(windowMonths, paretoThresholdPercent, strategy);
    }

    public static EntityReference Create(IOrganizationService service, QueuedAnalysis request, DateTime nowUtc)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (request is null) throw new ArgumentNullException(nameof(request));
        var row = new Entity(PortfolioAnalysis.EntityLogicalName)
        {
            [PortfolioAnalysis.Fields.Name] = "Portfolio analysis " + nowUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                + " UTC",
            [PortfolioAnalysis.Fields.AnalysisStatus] = new OptionSetValue((int)PortfolioAnalysis.AnalysisStatusChoice.Queued),
        };
        if (request.WindowMonths is { } months) row[PortfolioAnalysis.Fields.WindowMonths] = months;
        if (request.ParetoThresholdPercent is { } share) row[PortfolioAnalysis.Fields.ParetoThreshold] = share;
        if (request.Strategy is not null) row[PortfolioAnalysis.Fields.CrmStrategyId] = request.Strategy;
        return new EntityReference(PortfolioAnalysis.EntityLogicalName, service.Create(row));
    }
}
