using System;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Dataverse.Security;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Status = Crm.Extensions.EarlyBound.PortfolioAnalysis.AnalysisStatusChoice;

namespace Crm.Extensions.Application.Portfolio;

/// <summary>
/// The "Resume" command of a paused or failed portfolio analysis (cx_ResumePortfolioAnalysis). The status column is the
/// product's (read-only on the form), so the caller must be able to edit this analysis, asked first; the analysis is then
/// queued again as SYSTEM, and the async step picks the Queued status up and continues from the saved cursor
/// (<see cref="AnalysisRunner"/>). Any other status is refused in the caller's language and nothing is written.
/// </summary>
public static class ResumePortfolioAnalysis
{
    public static readonly LocalizedText AnalysisRequired = new(
        "Choose the portfolio analysis to resume.",
        "Elija el análisis de cartera que quiere reanudar.");

    public static readonly LocalizedText NotEditable = new(
        "You can resume only a portfolio analysis you may edit. Ask a CRM strategy manager.",
        "Solo puede reanudar un análisis de cartera que puede editar. Pídaselo a un responsable de estrategia CRM.");

    public static readonly LocalizedText NotResumable = new(
        "Only a paused or stopped portfolio analysis can be resumed; this one is queued, running, completed or cancelled.",
        "Solo se puede reanudar un análisis de cartera en pausa o detenido; este está en cola, en curso, completado o cancelado.");

    /// <param name="caller">The user who called the API: only an analysis this user may edit is resumed.</param>
    public static void Run(IUseCaseContext context, Guid caller, EntityReference? analysis)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(ResumePortfolioAnalysis);
        if (analysis is null || analysis.LogicalName != PortfolioAnalysis.EntityLogicalName)
        {
            throw new BusinessRuleException(AnalysisRequired);
        }

        var service = context.SystemService;
        if ((CallerAccess.On(service, caller, analysis) & AccessRights.WriteAccess) == 0)
        {
            throw new BusinessRuleException(NotEditable);
        }

        var status = service
            .Retrieve(analysis.LogicalName, analysis.Id, new ColumnSet(PortfolioAnalysis.Fields.AnalysisStatus))
            .GetAttributeValue<OptionSetValue>(PortfolioAnalysis.Fields.AnalysisStatus)?.Value;
        if (status != (int)Status.Paused && status != (int)Status.Failed) throw new BusinessRuleException(NotResumable);

        AnalysisProgress.Resume(service, analysis.Id);
    }
}
