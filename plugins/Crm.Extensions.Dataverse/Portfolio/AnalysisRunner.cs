using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>What the async step knows of the analysis row (from its post-image): inputs, the persisted cursor and the strategy it serves.</summary>
public sealed record AnalysisRequest(Guid AnalysisId, int? WindowMonths, decimal? ParetoThresholdPercent, string? Cursor, EntityReference? Strategy = null);

/// <summary>
/// Runs an analysis by <see cref="AnalysisPlan"/>: each unit of work is one bounded step (a page of 5,000 customers with its
/// invoice-line aggregate, the scoring, a batch of at most 1,000 changed customers, the segments), and the cursor is saved
/// whenever the plan says so. A persisted cursor resumes (<see cref="AnalysisPlan.Resume"/>: the per-customer working set
/// lives only in memory, so reading restarts while rows already written compare equal and are not written again); a
/// Completed cursor does nothing. README.md in the Portfolio plugin folder lists every request and its reason.
/// </summary>
public static class AnalysisRunner
{
    public const int MaximumWindowMonths = 120;

    public static AnalysisState Run(IOrganizationService service, AnalysisRequest request, DateTime nowUtc)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (request is null) throw new ArgumentNullException(nameof(request));

        var persisted = AnalysisCursor.Read(request.Cursor);
        if (persisted?.Phase == AnalysisPhase.Completed)
        {
            AnalysisProgress.AlreadyCompleted(service, request.AnalysisId);
            return persisted;
        }

        var settings = Settings(service, request);
        var window = AnalysisWindow.EndingAt(nowUtc, settings.WindowMonths);
        var state = persisted is null
            ? AnalysisPlan.Start(CustomerCounter.Count(service, CustomerType.Contact) + CustomerCounter.Count(service, CustomerType.Account))
            : AnalysisPlan.Resume(persisted, workingSetKept: false);
        RunStart? start = new RunStart(window, nowUtc);

        var work = new WorkingSet(window);
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
                    work.Score(settings);
                    work.PreviousTargets = SegmentWriter.Write(service, request.AnalysisId, work.Result!.Groups);
                    next = AnalysisPlan.AfterScoring(state, work.Contacts.Count, work.Accounts.Count);
                    break;
                case AnalysisStepKind.WriteBatch:
                    next = AnalysisPlan.AfterBatchWritten(state, step.Size, work.WriteBatch(service, request.AnalysisId, step));
                    break;
                case AnalysisStepKind.WriteSegments:
                    // The segments were written with the scores (customers point at them); now they become the target base.
                    SegmentWriter.FlagTargets(service, work.Result!.Groups, work.PreviousTargets);
                    next = AnalysisPlan.AfterSegmentsWritten(state);
                    AnalysisProgress.Completed(service, request.AnalysisId, next, work.Result!, nowUtc, start);
                    if (request.Strategy is not null) AnalysisProgress.PointStrategyAt(service, request.Strategy, request.AnalysisId);
                    return next;
                default:
                    return state;
            }

            if (AnalysisPlan.IsSaveDue(state, next))
            {
                AnalysisProgress.Save(service, request.AnalysisId, next, start);
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
            throw new InvalidPluginExecutionException(string.Format(CultureInfo.InvariantCulture,
                "The analysis window must be 1 to {0} months, but it is {1}. Correct it on the analysis or in the environment variable {2}.",
                MaximumWindowMonths, months, EnvironmentVariableNames.AnalysisWindowMonths));
        }

        if (pareto <= 0m || pareto > 100m)
        {
            throw new InvalidPluginExecutionException(string.Format(CultureInfo.InvariantCulture,
                "The target profit share must be above 0 and at most 100%, but it is {0}. Correct it on the analysis or in the environment variable {1}.",
                pareto, EnvironmentVariableNames.ParetoThresholdPercent));
        }

        return new PortfolioSettings { WindowMonths = months, ParetoThresholdPercent = pareto };
    }

    /// <summary>Everything the run holds in memory between its units of work.</summary>
    private sealed class WorkingSet
    {
        private readonly AnalysisWindow _window;
        private readonly CustomerMetricsAccumulator _metrics;
        private readonly Dictionary<CustomerKey, PortfolioColumns> _stored = new();
        private readonly Dictionary<CustomerKey, DateTime> _lastPurchase = new();

        public WorkingSet(AnalysisWindow window)
        {
            _window = window;
            _metrics = new CustomerMetricsAccumulator(window);
        }

        public PortfolioResult? Result { get; private set; }

        /// <summary>Target segments of earlier analyses, unflagged when this one completes.</summary>
        public IReadOnlyList<Guid> PreviousTargets { get; set; } = Array.Empty<Guid>();

        public List<CustomerPortfolioResult> Contacts { get; } = new();

        public List<CustomerPortfolioResult> Accounts { get; } = new();

        public AnalysisState ReadPage(IOrganizationService service, AnalysisState state, AnalysisStep step)
        {
            var page = CustomerPageReader.Read(service, step.Table, step.PageNumber, step.PagingCookie);
            foreach (var customer in page.Customers)
            {
                _metrics.AddCustomer(customer.Customer);
                _stored[customer.Customer] = customer.Stored;
            }

            var lines = InvoiceLineAggregate.Read(service, step.Table, page.Customers.Select(c => c.Customer.Id).ToList(), _window);
            foreach (var line in lines)
            {
                _metrics.AddLine(line);
                if (!_lastPurchase.TryGetValue(line.Customer, out var last) || line.InvoicedOnUtc > last) _lastPurchase[line.Customer] = line.InvoicedOnUtc;
            }

            return AnalysisPlan.AfterPageRead(state, page.Customers.Count, page.MoreRecords, page.PagingCookie);
        }

        public void Score(PortfolioSettings settings)
        {
            Result = PortfolioScorer.Score(_metrics.Build(), settings);
            foreach (var customer in Result.Customers) (customer.Customer.Type == CustomerType.Contact ? Contacts : Accounts).Add(customer);
        }

        /// <summary>Writes the changed rows of the batch the plan asks for; returns how many changed.</summary>
        public int WriteBatch(IOrganizationService service, Guid analysisId, AnalysisStep step)
        {
            var results = step.Table == CustomerType.Contact ? Contacts : Accounts;
            var changed = new List<Entity>();
            for (var i = step.Offset; i < step.Offset + step.Size; i++)
            {
                var result = results[i];
                var columns = PortfolioColumns.FromResult(result, _lastPurchase.TryGetValue(result.Customer, out var last) ? last : null);
                if (_stored.TryGetValue(result.Customer, out var stored) && stored == columns) continue;
                changed.Add(columns.ToUpdate(result.Customer, SegmentWriter.IdOf(new SegmentGroup(result.Customer.Type, result.Segment))));
            }

            CustomerWriter.Write(service, CustomerPageReader.TableOf(step.Table), changed);
            return changed.Count;
        }
    }
}
