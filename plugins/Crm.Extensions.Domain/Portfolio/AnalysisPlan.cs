using System;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// The pure state machine of a paged, resumable analysis: Reading (contacts, then accounts, 5,000 per page) →
/// Scoring → WritingCustomers (contacts, then accounts, 1,000 per batch) → WritingSegments → Completed.
/// The plugin asks <see cref="NextStep"/>, does it, reports with the matching After… method, and persists the state
/// whenever <see cref="IsSaveDue"/> says so. Out-of-order reports are programming errors (InvalidOperationException).
/// </summary>
public static class AnalysisPlan
{
    /// <summary>Rows written between two progress saves while writing (five batches).</summary>
    public const int WriteSaveInterval = 5 * RequestBudget.WriteBatchSize;

    public static AnalysisState Start(int expectedCustomers) =>
        new(AnalysisPhase.Reading, CustomerType.Contact, 1, null, NotNegative(expectedCustomers, nameof(expectedCustomers)), 0, 0, 0, 0, 0, 0, 1);

    /// <summary>
    /// Continues an interrupted analysis. Reading and scoring keep their working set (per-customer metrics) in memory,
    /// so unless the plugin kept it (<paramref name="workingSetKept"/>) reading restarts at page 1. Restarting is safe:
    /// rows written before the interruption compare equal and are not written again.
    /// </summary>
    public static AnalysisState Resume(AnalysisState state, bool workingSetKept)
    {
        Require(state);
        if (state.Phase == AnalysisPhase.Completed || workingSetKept)
        {
            return state;
        }

        return Start(state.ExpectedCustomers) with { Attempt = state.Attempt + 1 };
    }

    public static AnalysisStep NextStep(AnalysisState state)
    {
        Require(state);
        return state.Phase switch
        {
            AnalysisPhase.Reading => new AnalysisStep(AnalysisStepKind.ReadPage, state.Table, state.PageNumber, state.PagingCookie, 0, RequestBudget.ReadPageSize),
            AnalysisPhase.Scoring => new AnalysisStep(AnalysisStepKind.Score, state.Table, 0, null, 0, 0),
            AnalysisPhase.WritingCustomers => new AnalysisStep(
                AnalysisStepKind.WriteBatch, state.Table, 0, null, state.WrittenInTable, Math.Min(RequestBudget.WriteBatchSize, ToWrite(state, state.Table) - state.WrittenInTable)),
            AnalysisPhase.WritingSegments => new AnalysisStep(AnalysisStepKind.WriteSegments, state.Table, 0, null, 0, 0),
            _ => new AnalysisStep(AnalysisStepKind.Done, state.Table, 0, null, 0, 0),
        };
    }

    public static AnalysisState AfterPageRead(AnalysisState state, int rowsRead, bool moreRecords, string? nextPagingCookie)
    {
        Expect(state, AnalysisPhase.Reading);
        var read = state with { CustomersRead = state.CustomersRead + NotNegative(rowsRead, nameof(rowsRead)) };
        if (moreRecords)
        {
            return read with { PageNumber = state.PageNumber + 1, PagingCookie = nextPagingCookie };
        }

        return state.Table == CustomerType.Contact
            ? read with { Table = CustomerType.Account, PageNumber = 1, PagingCookie = null }
            : read with { Phase = AnalysisPhase.Scoring, PageNumber = 0, PagingCookie = null };
    }

    public static AnalysisState AfterScoring(AnalysisState state, int contacts, int accounts)
    {
        Expect(state, AnalysisPhase.Scoring);
        var scored = state with
        {
            Phase = AnalysisPhase.WritingCustomers,
            Table = CustomerType.Contact,
            ContactsToWrite = NotNegative(contacts, nameof(contacts)),
            AccountsToWrite = NotNegative(accounts, nameof(accounts)),
            WrittenInTable = 0,
        };
        return SkipFinishedTables(scored);
    }

    public static AnalysisState AfterBatchWritten(AnalysisState state, int rowsInBatch, int rowsChanged)
    {
        Expect(state, AnalysisPhase.WritingCustomers);
        if (rowsChanged < 0 || rowsChanged > rowsInBatch || state.WrittenInTable + rowsInBatch > ToWrite(state, state.Table))
        {
            throw new ArgumentOutOfRangeException(nameof(rowsInBatch), rowsInBatch, "The batch does not match the plan.");
        }

        return SkipFinishedTables(state with
        {
            WrittenInTable = state.WrittenInTable + rowsInBatch,
            CustomersWritten = state.CustomersWritten + rowsInBatch,
            CustomersChanged = state.CustomersChanged + rowsChanged,
        });
    }

    public static AnalysisState AfterSegmentsWritten(AnalysisState state)
    {
        Expect(state, AnalysisPhase.WritingSegments);
        return state with { Phase = AnalysisPhase.Completed };
    }

    /// <summary>
    /// True when the plugin must persist <paramref name="next"/>: after every page read, at every phase or table
    /// change, and every <see cref="WriteSaveInterval"/> rows written. A crash therefore loses at most one page or
    /// five batches of work.
    /// </summary>
    public static bool IsSaveDue(AnalysisState previous, AnalysisState next)
    {
        Require(previous);
        Require(next);
        return previous.Phase != next.Phase
            || previous.Table != next.Table
            || previous.PageNumber != next.PageNumber
            || previous.WrittenInTable / WriteSaveInterval != next.WrittenInTable / WriteSaveInterval;
    }

    /// <summary>
    /// 0–100. Reading fills 0–40 by customers read (capped, the count at start is an estimate), scoring shows 40,
    /// writing fills 50–95 by customers written, segments show 95; only Completed shows 100.
    /// </summary>
    public static int ProgressPercent(AnalysisState state)
    {
        Require(state);
        switch (state.Phase)
        {
            case AnalysisPhase.Reading:
                return Scale(state.CustomersRead, state.ExpectedCustomers, 0, 40);
            case AnalysisPhase.Scoring:
                return 40;
            case AnalysisPhase.WritingCustomers:
                return Scale(state.CustomersWritten, state.ContactsToWrite + state.AccountsToWrite, 50, 95);
            case AnalysisPhase.WritingSegments:
                return 95;
            default:
                return 100;
        }
    }

    private static AnalysisState SkipFinishedTables(AnalysisState state)
    {
        if (state.Table == CustomerType.Contact && state.WrittenInTable >= state.ContactsToWrite)
        {
            state = state with { Table = CustomerType.Account, WrittenInTable = 0 };
        }

        return state.Table == CustomerType.Account && state.WrittenInTable >= state.AccountsToWrite
            ? state with { Phase = AnalysisPhase.WritingSegments }
            : state;
    }

    private static int ToWrite(AnalysisState state, CustomerType table) =>
        table == CustomerType.Contact ? state.ContactsToWrite : state.AccountsToWrite;

    private static int Scale(int done, int total, int from, int to)
    {
        if (total <= 0)
        {
            return from;
        }

        var ratio = done >= total ? 1m : (decimal)done / total;
        return from + (int)Math.Floor(ratio * (to - from));
    }

    private static void Expect(AnalysisState state, AnalysisPhase phase)
    {
        Require(state);
        if (state.Phase != phase)
        {
            throw new InvalidOperationException("The analysis is in phase " + state.Phase + ", not " + phase + ".");
        }
    }

    private static void Require(AnalysisState state)
    {
        if (state is null)
        {
            throw new ArgumentNullException(nameof(state));
        }
    }

    private static int NotNegative(int value, string name) =>
        value < 0 ? throw new ArgumentOutOfRangeException(name, value, "Counts cannot be negative.") : value;
}
