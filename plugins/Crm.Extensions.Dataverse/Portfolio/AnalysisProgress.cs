using System;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>What the first save of a run records besides the cursor.</summary>
public sealed record RunStart(AnalysisWindow Window, DateTime StartedOnUtc);

/// <summary>
/// Saves where an analysis is on its cx_portfolioanalysis row, one Update each: the cursor (the serialized
/// <see cref="AnalysisState"/>), progress %, counts; and at the ends the status, totals and the error text. Status is only
/// written when it changes, because the re-trigger step listens to it.
/// </summary>
public static class AnalysisProgress
{
    /// <summary>
    /// Saves the cursor. The run's first save (<paramref name="start"/> given) also marks it Running with its window and
    /// start time and clears an earlier error: it is folded into the first progress save so starting costs no request.
    /// </summary>
    public static void Save(IOrganizationService service, Guid analysisId, AnalysisState state, PersistedModel? model, RunStart? start)
    {
        var row = Saved(analysisId, state, model, null);
        if (start is not null)
        {
            row[PortfolioAnalysis.Fields.AnalysisStatus] = new OptionSetValue((int)PortfolioAnalysis.AnalysisStatusChoice.Running);
            row[PortfolioAnalysis.Fields.WindowStart] = start.Window.StartUtc;
            row[PortfolioAnalysis.Fields.WindowEnd] = start.Window.EndUtc;
            row[PortfolioAnalysis.Fields.StartedOn] = start.StartedOnUtc;
        }

        Update(service, row);
    }

    /// <summary>
    /// Ends an async execution that leaves work: saves the cursor (with the summary of the passes while reading, the model
    /// once scored) and sets the status back to Queued, which the Update step (filtered on the status) picks up as a new
    /// system job. One Update for both.
    /// </summary>
    public static void Requeue(
        IOrganizationService service, Guid analysisId, AnalysisState state, PersistedModel? model, PortfolioSummary? summary,
        RunStart? start)
    {
        var row = Saved(analysisId, state, model, summary);
        if (start is not null)
        {
            row[PortfolioAnalysis.Fields.WindowStart] = start.Window.StartUtc;
            row[PortfolioAnalysis.Fields.WindowEnd] = start.Window.EndUtc;
            row[PortfolioAnalysis.Fields.StartedOn] = start.StartedOnUtc;
        }

        row[PortfolioAnalysis.Fields.AnalysisStatus] = new OptionSetValue((int)PortfolioAnalysis.AnalysisStatusChoice.Queued);
        Update(service, row);
    }

    /// <summary>
    /// Ends an execution too deep to queue the next one (see <see cref="AnalysisRunner.DeepestRequeue"/>): the cursor and
    /// model are saved like a re-queue, but the status is Paused with <paramref name="message"/>, so the user sees why it
    /// stopped and that Resume continues.
    /// </summary>
    public static void Pause(
        IOrganizationService service, Guid analysisId, AnalysisState state, PersistedModel? model, PortfolioSummary? summary,
        string message, RunStart? start)
    {
        var row = Saved(analysisId, state, model, summary);
        if (start is not null)
        {
            row[PortfolioAnalysis.Fields.WindowStart] = start.Window.StartUtc;
            row[PortfolioAnalysis.Fields.WindowEnd] = start.Window.EndUtc;
            row[PortfolioAnalysis.Fields.StartedOn] = start.StartedOnUtc;
        }

        row[PortfolioAnalysis.Fields.AnalysisStatus] = new OptionSetValue((int)PortfolioAnalysis.AnalysisStatusChoice.Paused);
        row[PortfolioAnalysis.Fields.ErrorMessage] = message;
        Update(service, row);
    }

    /// <summary>The closing save; when the run never saved before (an empty base), it carries the start too.</summary>
    public static void Completed(IOrganizationService service, Guid analysisId, AnalysisState state, PersistedModel model,
        DateTime completedOn, RunStart? start)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        var revenue = model.Model.TotalRevenue;
        var profit = model.Model.TotalProfit;
        var row = Saved(analysisId, state, model, null);
        if (start is not null)
        {
            row[PortfolioAnalysis.Fields.WindowStart] = start.Window.StartUtc;
            row[PortfolioAnalysis.Fields.WindowEnd] = start.Window.EndUtc;
            row[PortfolioAnalysis.Fields.StartedOn] = start.StartedOnUtc;
        }

        row[PortfolioAnalysis.Fields.AnalysisStatus] = new OptionSetValue((int)PortfolioAnalysis.AnalysisStatusChoice.Completed);
        row[PortfolioAnalysis.Fields.CustomerCount] = state.ContactsToWrite + state.AccountsToWrite;
        row[PortfolioAnalysis.Fields.TotalRevenue] = new Money(Math.Round(revenue, 2, MidpointRounding.AwayFromZero));
        row[PortfolioAnalysis.Fields.TotalProfit] = new Money(Math.Round(profit, 2, MidpointRounding.AwayFromZero));
        row[PortfolioAnalysis.Fields.CompletedOn] = completedOn;
        Update(service, row);
    }

    /// <summary>
    /// The strategy the analysis serves now shows it as its latest analysis, the one that defines the target base (one
    /// Update, only when the analysis names a strategy; the budget's constant part has room for it).
    /// </summary>
    public static void PointStrategyAt(IOrganizationService service, EntityReference strategy, Guid analysisId)
    {
        if (strategy is null) throw new ArgumentNullException(nameof(strategy));
        Update(service, new Entity(CrmStrategy.EntityLogicalName, strategy.Id)
        {
            [CrmStrategy.Fields.PortfolioAnalysisId] = new EntityReference(PortfolioAnalysis.EntityLogicalName, analysisId),
        });
    }

    /// <summary>Marks a Completed analysis that was queued again as Completed once more, and nothing else.</summary>
    public static void AlreadyCompleted(IOrganizationService service, Guid analysisId) =>
        Update(service, new Entity(PortfolioAnalysis.EntityLogicalName, analysisId)
        {
            [PortfolioAnalysis.Fields.AnalysisStatus] = new OptionSetValue((int)PortfolioAnalysis.AnalysisStatusChoice.Completed),
        });

    /// <summary>
    /// Queues a paused or failed analysis again (the Resume command, cx_ResumePortfolioAnalysis): the saved cursor stays,
    /// so the Update step continues where the analysis stopped; the old message goes. One Update.
    /// </summary>
    public static void Resume(IOrganizationService service, Guid analysisId) =>
        Update(service, new Entity(PortfolioAnalysis.EntityLogicalName, analysisId)
        {
            [PortfolioAnalysis.Fields.AnalysisStatus] = new OptionSetValue((int)PortfolioAnalysis.AnalysisStatusChoice.Queued),
            [PortfolioAnalysis.Fields.ErrorMessage] = null,
        });

    /// <summary>
    /// Plain text for the user. The cursor stays where it was last saved, with one more attempt counted, so queuing the
    /// analysis again resumes it; <paramref name="cursor"/> is that saved cursor (null when none was saved yet: kept as is).
    /// </summary>
    public static void Failed(IOrganizationService service, Guid analysisId, string message, string? cursor = null)
    {
        var row = new Entity(PortfolioAnalysis.EntityLogicalName, analysisId)
        {
            [PortfolioAnalysis.Fields.AnalysisStatus] = new OptionSetValue((int)PortfolioAnalysis.AnalysisStatusChoice.Failed),
            [PortfolioAnalysis.Fields.ErrorMessage] = message.Length > ErrorMessageLength
                ? message.Substring(0, ErrorMessageLength) : message,
        };
        if (AnalysisCursor.Read(cursor) is { } state)
        {
            row[PortfolioAnalysis.Fields.Cursor] = AnalysisCursor.Write(
                AnalysisPlan.AfterFailure(state), AnalysisCursor.ReadModel(cursor), AnalysisCursor.ReadSummary(cursor));
        }

        Update(service, row);
    }

    private const int ErrorMessageLength = 4000;

    private static Entity Saved(Guid analysisId, AnalysisState state, PersistedModel? model, PortfolioSummary? summary) => new(
        PortfolioAnalysis.EntityLogicalName, analysisId)
    {
        [PortfolioAnalysis.Fields.Cursor] = AnalysisCursor.Write(state, model, summary),
        [PortfolioAnalysis.Fields.ErrorMessage] = null, // a unit that saves is running again: an earlier failure is over
        [PortfolioAnalysis.Fields.ProgressPercent] = (decimal)AnalysisPlan.ProgressPercent(state),
        [PortfolioAnalysis.Fields.CustomerCount] = state.Phase switch
        {
            AnalysisPhase.Reading => Math.Max(state.ExpectedCustomers, state.CustomersRead),
            AnalysisPhase.Scoring or AnalysisPhase.Totalling => state.CustomersRead,
            _ => state.ContactsToWrite + state.AccountsToWrite,
        },
        [PortfolioAnalysis.Fields.ProcessedCount] = state.Phase switch
        {
            AnalysisPhase.Reading => state.CustomersRead,
            AnalysisPhase.Totalling or AnalysisPhase.Scoring => state.CustomersTotalled,
            _ => state.CustomersWritten,
        },
        [PortfolioAnalysis.Fields.ChangedCount] = state.CustomersChanged,
    };

    private static void Update(IOrganizationService service, Entity row)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        service.Update(row);
    }
}
