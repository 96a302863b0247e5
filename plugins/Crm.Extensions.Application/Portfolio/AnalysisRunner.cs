using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Dataverse;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Dataverse.Diagnostics;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Portfolio;

/// <summary>
/// What the async step knows of the analysis row (from its post-image): inputs, the persisted cursor and the strategy it
/// serves; and the execution's depth (each unit that queues the next one runs one level deeper).
/// </summary>
/// <param name="InitiatingUserId">Who queued the run: a pause leaves its message in that user's language (English when unknown).</param>
public sealed record AnalysisRequest(Guid AnalysisId, int? WindowMonths, decimal? ParetoThresholdPercent, string? Cursor,
    EntityReference? Strategy = null, int Depth = 1, Guid InitiatingUserId = default);

/// <summary>What one async execution leaves behind: the cursor it last saved (for the failure save) and the requests it made.</summary>
public sealed class RunLog
{
    public RunLog(string? savedCursor) => SavedCursor = savedCursor;

    public string? SavedCursor { get; internal set; }

    /// <summary>Every request of the execution, by message (the runner wraps its service in a counting one).</summary>
    public RequestCounter Counter { get; } = new();

    public int Requests => Counter.Total;
}

/// <summary>
/// Runs an analysis by <see cref="AnalysisPlan"/>, one async execution per unit of work, none of which holds more than one
/// page of customers. Reading units read up to <see cref="AnalysisPlan.PagesPerReadingUnit"/> pages of 5,000 customers
/// with their invoice-line aggregate, one at a time, and fold them into the <see cref="PortfolioSummary"/> saved with the
/// cursor: a first pass over the base (R and F counts, monetary buckets), then a second (monetary values near the quintile
/// steps, segment totals). The unit that ends the second pass scores the summary, writes the segments and persists the
/// compact <see cref="ScoringModel"/>. Every later execution re-reads one page, scores its customers from the model, writes
/// the changed ones in batches of at most 1,000, saves the cursor and sets the status back to Queued, so the Update step
/// runs the next unit as a new system job; the last one flags the target segments and completes. A persisted cursor
/// resumes (<see cref="AnalysisPlan.Resume"/>: the passes continue from the summary, writing from the model; a cursor of
/// an older version restarts reading, and rows already written compare equal and are not written again); a Completed
/// cursor does nothing. README.md in the Portfolio plugin folder lists every request and its reason.
/// </summary>
public static class AnalysisRunner
{
    public const int MaximumWindowMonths = 120;

    /// <summary>
    /// The deepest execution that may queue the next unit. Dataverse treats a chain of plugin executions that reaches depth 8
    /// within an hour as an infinite loop and aborts it; a unit queued from depth d runs at d + 1 and its requests at d + 2,
    /// so d ≤ 6. A unit at a greater depth saves its cursor and pauses (status Paused, with a message): queuing it again
    /// (a user or a flow, from depth 1) continues the chain. With the first unit at depth 2, that is seven units per chain.
    /// </summary>
    public const int DeepestRequeue = 6;

    public static readonly LocalizedText PausedMessage = new(
        "It paused before Dataverse's limit of 8 chained runs per hour. The scheduled flow resumes it within 5 minutes; "
            + "choose Resume to continue now.",
        "Se detuvo antes del límite de Dataverse de 8 ejecuciones encadenadas por hora. El flujo programado lo reanuda en "
            + "5 minutos; elija Reanudar para continuar ahora.");

    /// <summary>The UI language of the user who queued the run; one Retrieve, so only on the pause path.</summary>
    private static int LanguageOf(IOrganizationService service, AnalysisRequest request) =>
        request.InitiatingUserId == Guid.Empty ? LocalizedText.EnglishLcid : UserLanguage.Of(service, request.InitiatingUserId);

    public static AnalysisState Run(IOrganizationService service, AnalysisRequest request, DateTime nowUtc, RunLog log)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (log is null) throw new ArgumentNullException(nameof(log));
        service = new CountingOrganizationService(service, log.Counter);

        var persisted = AnalysisCursor.Read(request.Cursor);
        if (persisted?.Phase == AnalysisPhase.Completed)
        {
            AnalysisProgress.AlreadyCompleted(service, request.AnalysisId);
            return persisted;
        }

        var model = AnalysisCursor.ReadModel(request.Cursor);
        var summary = AnalysisCursor.ReadSummary(request.Cursor);
        var state = persisted is null
            ? AnalysisPlan.Start(
                CustomerCounter.Count(service, CustomerType.Contact) + CustomerCounter.Count(service, CustomerType.Account))
            : AnalysisPlan.Resume(persisted, modelKept: model is not null, summaryKept: summary is not null);
        RunStart? start = null;
        if (state.Phase is AnalysisPhase.Reading or AnalysisPhase.Totalling or AnalysisPhase.Scoring)
        {
            model = null;
            if (summary is null || !ReferenceEquals(state, persisted))
            {
                // A run that (re)starts reading takes its settings and a window of its own; later units keep the summary's.
                var settings = Settings(service, request);
                var window = AnalysisWindow.EndingAt(nowUtc, settings.WindowMonths);
                start = new RunStart(window, nowUtc);
                summary = new PortfolioSummary(window, settings.ParetoThresholdPercent, settings.MinimumChurnRate);
            }
        }
        else
        {
            summary = null;
        }

        var pagesInUnit = 0;
        while (true)
        {
            var step = AnalysisPlan.NextStep(state);
            AnalysisState next;
            switch (step.Kind)
            {
                case AnalysisStepKind.ReadPage:
                case AnalysisStepKind.TotalPage:
                    next = Fold(service, state, step, summary!);
                    pagesInUnit++;
                    break;
                case AnalysisStepKind.Score:
                    var scoring = summary!.Score();
                    var previousTargets = SegmentWriter.Write(service, request.AnalysisId, scoring.Groups);
                    model = new PersistedModel(scoring.Model, previousTargets);
                    next = AnalysisPlan.AfterScoring(
                        state, summary.CustomersOf(CustomerType.Contact), summary.CustomersOf(CustomerType.Account));
                    summary = null; // the model replaces it in the cursor
                    break;
                case AnalysisStepKind.WritePage:
                    next = WritingUnit.Write(service, state, step, model!.Model);
                    break;
                case AnalysisStepKind.WriteSegments:
                    // The segments were written with the scores (customers point at them); now they become the target base.
                    SegmentWriter.FlagTargets(service, model!.Model.Targets, model.PreviousTargets);
                    next = AnalysisPlan.AfterSegmentsWritten(state);
                    AnalysisProgress.Completed(service, request.AnalysisId, next, model, nowUtc, start);
                    log.SavedCursor = AnalysisCursor.Write(next, model);
                    if (request.Strategy is not null) AnalysisProgress.PointStrategyAt(service, request.Strategy, request.AnalysisId);
                    return next;
                default:
                    return state;
            }

            if (AnalysisPlan.EndsUnit(state, next, pagesInUnit))
            {
                if (request.Depth > DeepestRequeue)
                {
                    var message = PausedMessage.For(LanguageOf(service, request));
                    AnalysisProgress.Pause(service, request.AnalysisId, next, model, summary, message, start);
                }
                else
                {
                    AnalysisProgress.Requeue(service, request.AnalysisId, next, model, summary, start);
                }

                log.SavedCursor = AnalysisCursor.Write(next, model, summary);
                return next;
            }

            if (AnalysisPlan.IsSaveDue(state, next))
            {
                AnalysisProgress.Save(service, request.AnalysisId, next, model, start);
                log.SavedCursor = AnalysisCursor.Write(next, model);
                start = null;
            }

            state = next;
        }
    }

    /// <summary>
    /// One page of either pass: the customers (one request) and their invoice-line aggregate (one request), folded into the
    /// summary. Only this page's metrics are held, and only until the next page.
    /// </summary>
    private static AnalysisState Fold(IOrganizationService service, AnalysisState state, AnalysisStep step, PortfolioSummary summary)
    {
        var page = CustomerPageReader.Read(service, step.Table, step.PagingCookie);
        var metrics = new CustomerMetricsAccumulator(summary.Window);
        foreach (var customer in page.Customers) metrics.AddCustomer(customer.Customer);
        var ids = page.Customers.Select(c => c.Customer.Id).ToList();
        foreach (var purchases in InvoiceLineAggregate.Read(service, step.Table, ids, summary.Window)) metrics.AddPurchases(purchases);
        var firstPass = step.Kind == AnalysisStepKind.ReadPage;
        foreach (var customer in metrics.Build())
        {
            if (firstPass) summary.AddFirstPass(customer);
            else summary.AddSecondPass(customer);
        }

        return firstPass
            ? AnalysisPlan.AfterPageRead(state, page.Customers.Count, page.MoreRecords, page.PagingCookie)
            : AnalysisPlan.AfterPageTotalled(state, page.Customers.Count, page.MoreRecords, page.PagingCookie);
    }

    /// <summary>The row's values first, then the environment variables (one query), then the documented defaults.</summary>
    private static PortfolioSettings Settings(IOrganizationService service, AnalysisRequest request)
    {
        var variables = EnvironmentVariables.Read(service, EnvironmentVariableNames.AnalysisWindowMonths,
            EnvironmentVariableNames.ParetoThresholdPercent);
        var months = request.WindowMonths
            ?? variables.Int(EnvironmentVariableNames.AnalysisWindowMonths, PortfolioSettings.Default.WindowMonths);
        var pareto = request.ParetoThresholdPercent
            ?? variables.Decimal(EnvironmentVariableNames.ParetoThresholdPercent, PortfolioSettings.Default.ParetoThresholdPercent);
        if (months < 1 || months > MaximumWindowMonths)
        {
            throw new BusinessRuleException(new LocalizedText(
                Format("The analysis window must be 1 to {0} months, but it is {1}. "
                    + "Correct it on the analysis or in the environment variable {2}.",
                    MaximumWindowMonths, months, EnvironmentVariableNames.AnalysisWindowMonths),
                Format("La ventana del análisis debe ser de 1 a {0} meses, pero es {1}. "
                    + "Corríjala en el análisis o en la variable de entorno {2}.",
                    MaximumWindowMonths, months, EnvironmentVariableNames.AnalysisWindowMonths)));
        }

        if (pareto <= 0m || pareto > 100m)
        {
            throw new BusinessRuleException(new LocalizedText(
                Format("The target profit share must be above 0 and at most 100%, but it is {0}. "
                    + "Correct it on the analysis or in the environment variable {1}.",
                    pareto, EnvironmentVariableNames.ParetoThresholdPercent),
                Format("La cuota de beneficio objetivo debe ser mayor que 0 y como máximo 100 %, pero es {0}. "
                    + "Corríjala en el análisis o en la variable de entorno {1}.",
                    pareto, EnvironmentVariableNames.ParetoThresholdPercent)));
        }

        return new PortfolioSettings { WindowMonths = months, ParetoThresholdPercent = pareto };
    }

    private static string Format(string text, params object[] values) => string.Format(CultureInfo.InvariantCulture, text, values);
}
