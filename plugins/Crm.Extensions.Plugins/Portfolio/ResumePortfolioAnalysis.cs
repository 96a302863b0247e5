using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Dataverse.Security;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Status = Crm.Extensions.EarlyBound.PortfolioAnalysis.AnalysisStatusChoice;

namespace Crm.Extensions.Plugins.Portfolio;

/// <summary>
/// cx_ResumePortfolioAnalysis(Analysis): the "Resume" command of a paused or failed analysis. The status column is the
/// product's (read-only on the form), so the API checks that the caller may edit this analysis, then queues it again as
/// SYSTEM; <see cref="RunPortfolioAnalysis"/> picks the Queued status up and continues from the saved cursor. Any other
/// status is refused in the caller's language and nothing is written.
/// </summary>
public sealed class ResumePortfolioAnalysis : PluginBase
{
    public const string ApiName = ResumePortfolioAnalysisApi.UniqueName;
    public const string AnalysisParameter = nameof(ResumePortfolioAnalysisApi.Request.Analysis);

    public static readonly LocalizedText AnalysisRequired = new(
        "Choose the portfolio analysis to resume.",
        "Elija el análisis de cartera que quiere reanudar.");

    public static readonly LocalizedText NotEditable = new(
        "You can resume only a portfolio analysis you may edit. Ask a CRM strategy manager.",
        "Solo puede reanudar un análisis de cartera que puede editar. Pídaselo a un responsable de estrategia CRM.");

    public static readonly LocalizedText NotResumable = new(
        "Only a paused or stopped portfolio analysis can be resumed; this one is queued, running, completed or cancelled.",
        "Solo se puede reanudar un análisis de cartera en pausa o detenido; este está en cola, en curso, completado o cancelado.");

    public ResumePortfolioAnalysis(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var analysis = context.Input(ResumePortfolioAnalysisApi.Request.Analysis);
        if (analysis is null || analysis.LogicalName != PortfolioAnalysis.EntityLogicalName)
        {
            throw new BusinessRuleException(AnalysisRequired);
        }

        if ((CallerAccess.On(context.SystemService, context.Execution.InitiatingUserId, analysis) & AccessRights.WriteAccess) == 0)
        {
            throw new BusinessRuleException(NotEditable);
        }

        var status = context.SystemService
            .Retrieve(analysis.LogicalName, analysis.Id, new ColumnSet(PortfolioAnalysis.Fields.AnalysisStatus))
            .GetAttributeValue<OptionSetValue>(PortfolioAnalysis.Fields.AnalysisStatus)?.Value;
        if (status != (int)Status.Paused && status != (int)Status.Failed) throw new BusinessRuleException(NotResumable);

        AnalysisProgress.Resume(context.SystemService, analysis.Id);
    }
}
