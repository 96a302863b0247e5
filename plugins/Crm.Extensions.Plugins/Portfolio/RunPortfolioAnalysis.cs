using System;
using Crm.Extensions.Application.Portfolio;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;
using Status = Crm.Extensions.EarlyBound.PortfolioAnalysis.AnalysisStatusChoice;

namespace Crm.Extensions.Plugins.Portfolio;

/// <summary>
/// Runs a portfolio analysis after commit, in a system job: when a cx_portfolioanalysis is created, and again when its
/// status is set back to Queued: by the Resume command (cx_ResumePortfolioAnalysis, from the saved cursor; a Completed
/// analysis stays as it is), or
/// by the analysis itself, which ends every bounded unit of work by saving its cursor with the status Queued so the next unit
/// runs as a new system job. The post-image carries the inputs and the cursor, so nothing about the row is read. A failure
/// marks the analysis Failed with the user's message in their language (the exception itself goes to the trace only) and
/// keeps the cursor for the next attempt. See README.md for how each unit of work is bounded.
/// </summary>
public sealed class RunPortfolioAnalysis : PluginBase
{
    private static readonly string[] ImageColumns =
    {
        PortfolioAnalysis.Fields.AnalysisStatus, PortfolioAnalysis.Fields.WindowMonths, PortfolioAnalysis.Fields.ParetoThreshold,
        PortfolioAnalysis.Fields.Cursor,
        PortfolioAnalysis.Fields.CrmStrategyId,
    };

    /// <summary>What a user reads on a failed analysis; what failed is in the trace, never in this column.</summary>
    public static readonly LocalizedText StoppedMessage = new(
        "It stopped on an error; an administrator finds the details in the plug-in trace log. "
            + "Choose Resume to continue from the last saved page.",
        "Se detuvo por un error; un administrador encontrará los detalles en el registro de seguimiento de complementos. "
            + "Elija Reanudar para continuar desde la última página guardada.");

    public RunPortfolioAnalysis(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(
            StepDeclaration.On(SdkMessage.Create, PortfolioAnalysis.EntityLogicalName, PipelineStage.PostOperation)
            .WithPostImage(ImageColumns).Async(), Handle);
        Register(
            StepDeclaration.On(SdkMessage.Update, PortfolioAnalysis.EntityLogicalName, PipelineStage.PostOperation)
                .Filter(PortfolioAnalysis.Fields.AnalysisStatus).WithPostImage(ImageColumns).Async(),
            Handle);
    }

    private static void Handle(PluginContext context)
    {
        var row = context.PostImage ?? throw new InvalidPluginExecutionException("The analysis step is registered without its post-image.");
        var status = row.GetAttributeValue<OptionSetValue>(PortfolioAnalysis.Fields.AnalysisStatus)?.Value;
        if (status is not null && status != (int)Status.Queued) return; // the run's own status changes come back here

        var request = new AnalysisRequest(row.Id, row.GetAttributeValue<int?>(PortfolioAnalysis.Fields.WindowMonths),
            row.GetAttributeValue<decimal?>(PortfolioAnalysis.Fields.ParetoThreshold),
            row.GetAttributeValue<string>(PortfolioAnalysis.Fields.Cursor),
            row.GetAttributeValue<EntityReference>(PortfolioAnalysis.Fields.CrmStrategyId), context.Execution.Depth,
            context.Execution.InitiatingUserId);
        var log = new RunLog(request.Cursor);
        try
        {
            var state = AnalysisRunner.Run(context.SystemService, request, context.Clock.UtcNow, log);
            context.Tracing.Trace(
                "Analysis {0}: {1}, {2} customers written, {3} changed, {4} requests in this unit, cursor of {5} characters.",
                row.Id, state.Phase, state.CustomersWritten, state.CustomersChanged, log.Requests, log.SavedCursor?.Length ?? 0);
        }
        catch (Exception failure) when (failure is BusinessRuleException or InvalidPluginExecutionException or InvalidOperationException
            or ArgumentException || IsPlatformFault(failure))
        {
            context.Tracing.Trace("Analysis {0} failed after {1} requests: {2}", row.Id, log.Requests, failure);
            // A settings refusal says what to correct; anything else is the generic text (the exception is in the trace above).
            var message = (failure as BusinessRuleException)?.Text ?? StoppedMessage;
            AnalysisProgress.Failed(context.SystemService, row.Id, message.For(context.InitiatingUserLanguage()), log.SavedCursor);
        }
    }

    /// <summary>A FaultException&lt;OrganizationServiceFault&gt;, recognised through Detail (no System.ServiceModel reference).</summary>
    private static bool IsPlatformFault(Exception error)
        => error.GetType().GetProperty("Detail")?.GetValue(error, null) is OrganizationServiceFault;
}
