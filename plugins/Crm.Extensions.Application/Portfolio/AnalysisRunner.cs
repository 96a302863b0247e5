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
/// Runs an analysis by <see cref="AnalysisPlan"/>, one async execution per unit of work. The first execution reads every
/// page of 5,000 customers with its invoice-line aggregate (quintiles need the whole base), scores, writes the segments and
/// persists the compact <see cref="ScoringModel"/> in the cursor. Every later execution re-reads one page, scores its
/// customers from the model, writes the changed ones in batches of at most 1,000, saves the cursor and sets the status back
/// to Queued, so the Update step runs the next unit as a new system job; the last one flags the target segments and
/// completes. A persisted cursor resumes (<see cref="AnalysisPlan.Resume"/>: writing continues from the model; reading
/// restarts, and rows already written compare equal and are not written again); a Completed cursor does nothing.
/// README.md in the Portfolio plugin folder lists every request and its reason.
/// </summary>
public static class AnalysisRunner
{
    public const int MaximumWindowMonths = 120;

    /// <summary>
    /// The deepest execution that may queue the next unit. Dataverse treats a chain of plugin executions that reaches depth 8
    /// within an hour as an infinite loop and aborts it; a unit queued from depth d runs at d + 1 and its requests at d + 2,
    /// so d ≤ 6. A unit at a greater depth saves its cursor and pauses (status Paused, with a message): queuing it again
    /// (a user or a flow, from depth 1) continues the chain. With the first unit at depth 2, that is six writing pages
    /// (30,000 customers) per chain.
    /// </summary>
    public const int DeepestRequeue = 6;

    public static readonly LocalizedText PausedMessage = new(
        "It paused before Dataverse's limit of 8 chained runs per hour. Choose Resume to continue where it stopped.",
        "Se detuvo antes del límite de Dataverse de 8 ejecuciones encadenadas por hora. Elija Reanudar para continuar donde se quedó.");

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
        var state = persisted is null
            ? AnalysisPlan.Start(CustomerCounter.Count(service, CustomerType.Contact) + CustomerCounter.Count(service, CustomerType.Account))
            : AnalysisPlan.Resume(persisted, modelKept: model is not null);
        PortfolioSettings? settings = null;
        RunStart? start = null;
        if (state.Phase == AnalysisPhase.Reading)
        {
            // Only a run that (re)reads the base needs the settings and a window of its own; writing units keep the model's.
            settings = Settings(service, request);
            start = new RunStart(AnalysisWindow.EndingAt(nowUtc, settings.WindowMonths), nowUtc);
            model = null;
        }

        var work = new WorkingSet(start?.Window ?? model!.Model.Window);
        while (true)
        {
            var step = AnalysisPlan.NextStep(state);
            AnalysisState next;
            switch (step.Kind)
            {
                case AnalysisStepKind.ReadPage:
                    next = work.ReadPage(service, state, step);
                    break;
                case AnalysisStepKind.Score:
                    var result = work.Score(settings!);
                    var previousTargets = SegmentWriter.Write(service, request.AnalysisId, result.Groups);
                    model = new PersistedModel(ScoringModel.From(result, work.Window), previousTargets);
                    next = AnalysisPlan.AfterScoring(state, result.Customers.Count(c => c.Customer.Type == CustomerType.Contact), result.Customers.Count(c => c.Customer.Type == CustomerType.Account));
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

            if (AnalysisPlan.EndsUnit(state, next))
            {
                if (request.Depth > DeepestRequeue)
                {
                    AnalysisProgress.Pause(service, request.AnalysisId, next, model!, PausedMessage.For(LanguageOf(service, request)));
                }
                else
                {
                    AnalysisProgress.Requeue(service, request.AnalysisId, next, model!, start);
                }

                log.SavedCursor = AnalysisCursor.Write(next, model);
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

    /// <summary>The row's values first, then the environment variables (one query), then the documented defaults.</summary>
    private static PortfolioSettings Settings(IOrganizationService service, AnalysisRequest request)
    {
        var variables = EnvironmentVariables.Read(service, EnvironmentVariableNames.AnalysisWindowMonths, EnvironmentVariableNames.ParetoThresholdPercent);
        var months = request.WindowMonths ?? variables.Int(EnvironmentVariableNames.AnalysisWindowMonths, PortfolioSettings.Default.WindowMonths);
        var pareto = request.ParetoThresholdPercent ?? variables.Decimal(EnvironmentVariableNames.ParetoThresholdPercent, PortfolioSettings.Default.ParetoThresholdPercent);
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

    /// <summary>The first execution's working set: one small record per customer of the base, kept until scoring.</summary>
    private sealed class WorkingSet
    {
        private readonly CustomerMetricsAccumulator _metrics;

        public WorkingSet(AnalysisWindow window)
        {
            Window = window;
            _metrics = new CustomerMetricsAccumulator(window);
        }

        public AnalysisWindow Window { get; }

        public AnalysisState ReadPage(IOrganizationService service, AnalysisState state, AnalysisStep step)
        {
            var page = CustomerPageReader.Read(service, step.Table, step.PagingCookie);
            foreach (var customer in page.Customers) _metrics.AddCustomer(customer.Customer);
            foreach (var purchases in InvoiceLineAggregate.Read(service, step.Table, page.Customers.Select(c => c.Customer.Id).ToList(), Window)) _metrics.AddPurchases(purchases);
            return AnalysisPlan.AfterPageRead(state, page.Customers.Count, page.MoreRecords, page.PagingCookie);
        }

        public PortfolioResult Score(PortfolioSettings settings) => PortfolioScorer.Score(_metrics.Build(), settings);
    }
}
