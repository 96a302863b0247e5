using System;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// The pure state machine of a paged, resumable analysis: Reading (first pass: contacts, then accounts, 5,000 per page) →
/// Totalling (second pass, the same pages) → Scoring → WritingCustomers (contacts, then accounts, one re-read page of 5,000
/// per unit, written in batches of 1,000) → WritingSegments → Completed. The two passes fold their pages into a
/// <see cref="PortfolioSummary"/> saved with the cursor; each reading unit takes at most <see cref="PagesPerReadingUnit"/>
/// pages, one at a time.
/// The plugin asks <see cref="NextStep"/>, does it, reports with the matching After… method, persists the state
/// whenever <see cref="IsSaveDue"/> says so, and ends its async execution (queuing the next) when <see cref="EndsUnit"/>
/// says so. Out-of-order reports are programming errors (InvalidOperationException).
/// </summary>
public static class AnalysisPlan
{
    /// <summary>Customer pages one writing unit (one async execution) re-reads and writes: 5,000 rows, five batches.</summary>
    public const int PagesPerWritingUnit = 1;

    /// <summary>
    /// Pages of either pass one reading unit reads (one at a time: 2 requests each), so 16 reads, plus the start (3), the
    /// scoring (3) and the save that queues the next unit stay under 30 requests whatever N.
    /// </summary>
    public const int PagesPerReadingUnit = 8;

    public static AnalysisState Start(int expectedCustomers) =>
        new(AnalysisPhase.Reading, CustomerType.Contact, 1, null, NotNegative(expectedCustomers, nameof(expectedCustomers)), 0, 0, 0, 0, 0,
            0, 1);

    /// <summary>
    /// Continues an analysis from its persisted cursor. Writing continues where it stopped when the plugin still has the
    /// scoring model persisted with the cursor (<paramref name="modelKept"/>); both passes and the scoring continue when it
    /// has the summary saved with it (<paramref name="summaryKept"/>). Otherwise (a cursor of an older version, which kept
    /// per-customer metrics in memory only) reading restarts at page 1, keeping the attempt count. Restarting is safe: rows
    /// written before compare equal and are not written again.
    /// </summary>
    public static AnalysisState Resume(AnalysisState state, bool modelKept, bool summaryKept = false)
    {
        Require(state);
        if (state.Phase == AnalysisPhase.Completed
            || (modelKept && state.Phase is AnalysisPhase.WritingCustomers or AnalysisPhase.WritingSegments)
            || (summaryKept && state.Phase is AnalysisPhase.Reading or AnalysisPhase.Totalling or AnalysisPhase.Scoring))
        {
            return state;
        }

        return Start(state.ExpectedCustomers) with { Attempt = state.Attempt };
    }

    /// <summary>The state a failed execution leaves: the same cursor, one more attempt (the next run is a restart).</summary>
    public static AnalysisState AfterFailure(AnalysisState state)
    {
        Require(state);
        return state with { Attempt = state.Attempt + 1 };
    }

    /// <summary>
    /// True when the async execution must save <paramref name="next"/>, queue the next execution and stop: after
    /// <see cref="PagesPerReadingUnit"/> pages of the two passes (<paramref name="pagesInUnit"/>, counted by the plugin)
    /// while pages are left, after scoring (when there is something to write) and after every
    /// <see cref="PagesPerWritingUnit"/> written page except the last (the last unit goes on to the segments and completes).
    /// So every execution is bounded independently of N.
    /// </summary>
    public static bool EndsUnit(AnalysisState previous, AnalysisState next, int pagesInUnit = 0)
    {
        Require(previous);
        Require(next);
        if (next.Phase is AnalysisPhase.Reading or AnalysisPhase.Totalling) return pagesInUnit >= PagesPerReadingUnit;
        return next.Phase == AnalysisPhase.WritingCustomers
            && (previous.Phase == AnalysisPhase.Scoring || previous.Phase == AnalysisPhase.WritingCustomers);
    }

    public static AnalysisStep NextStep(AnalysisState state)
    {
        Require(state);
        return state.Phase switch
        {
            AnalysisPhase.Reading => new AnalysisStep(AnalysisStepKind.ReadPage, state.Table, state.PageNumber, state.PagingCookie, 0,
                RequestBudget.ReadPageSize),
            AnalysisPhase.Totalling => new AnalysisStep(
                AnalysisStepKind.TotalPage, state.Table, state.PageNumber, state.PagingCookie, 0, RequestBudget.ReadPageSize),
            AnalysisPhase.Scoring => new AnalysisStep(AnalysisStepKind.Score, state.Table, 0, null, 0, 0),
            AnalysisPhase.WritingCustomers => new AnalysisStep(
                AnalysisStepKind.WritePage, state.Table, state.PageNumber, state.PagingCookie, state.WrittenInTable,
                RequestBudget.ReadPageSize),
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
            : read with { Phase = AnalysisPhase.Totalling, Table = CustomerType.Contact, PageNumber = 1, PagingCookie = null };
    }

    /// <summary>A page of the second pass was folded into the summary: the same walk, then scoring.</summary>
    public static AnalysisState AfterPageTotalled(AnalysisState state, int rowsRead, bool moreRecords, string? nextPagingCookie)
    {
        Expect(state, AnalysisPhase.Totalling);
        var read = state with { CustomersTotalled = state.CustomersTotalled + NotNegative(rowsRead, nameof(rowsRead)) };
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
            PageNumber = 1,
            PagingCookie = null,
            ContactsToWrite = NotNegative(contacts, nameof(contacts)),
            AccountsToWrite = NotNegative(accounts, nameof(accounts)),
            WrittenInTable = 0,
        };
        return SkipEmptyTables(scored);
    }

    /// <summary>
    /// A re-read page was written. Its row count may differ from the count at scoring when customers were added or
    /// removed in between; the table ends when the platform says there are no more records.
    /// </summary>
    public static AnalysisState AfterPageWritten(AnalysisState state, int rowsInPage, int rowsChanged, bool moreRecords,
        string? nextPagingCookie)
    {
        Expect(state, AnalysisPhase.WritingCustomers);
        if (rowsInPage < 0 || rowsInPage > RequestBudget.ReadPageSize || rowsChanged < 0 || rowsChanged > rowsInPage)
        {
            throw new ArgumentOutOfRangeException(nameof(rowsInPage), rowsInPage, "The page does not match the plan.");
        }

        var written = state with
        {
            WrittenInTable = state.WrittenInTable + rowsInPage,
            CustomersWritten = state.CustomersWritten + rowsInPage,
            CustomersChanged = state.CustomersChanged + rowsChanged,
        };
        if (moreRecords)
        {
            return written with { PageNumber = state.PageNumber + 1, PagingCookie = nextPagingCookie };
        }

        return state.Table == CustomerType.Contact
            ? SkipEmptyTables(written with { Table = CustomerType.Account, PageNumber = 1, PagingCookie = null, WrittenInTable = 0 })
            : written with { Phase = AnalysisPhase.WritingSegments, PageNumber = 0, PagingCookie = null };
    }

    public static AnalysisState AfterSegmentsWritten(AnalysisState state)
    {
        Expect(state, AnalysisPhase.WritingSegments);
        return state with { Phase = AnalysisPhase.Completed };
    }

    /// <summary>
    /// True when the plugin must persist <paramref name="next"/> without ending the execution: after every page written
    /// and at every phase or table change of the writing. The two passes save only when their unit ends (the summary
    /// travels with that save), so a crash loses at most one unit of reading or one written page.
    /// </summary>
    public static bool IsSaveDue(AnalysisState previous, AnalysisState next)
    {
        Require(previous);
        Require(next);
        if (next.Phase is AnalysisPhase.Reading or AnalysisPhase.Totalling or AnalysisPhase.Scoring) return false;
        return previous.Phase != next.Phase
            || previous.Table != next.Table
            || previous.PageNumber != next.PageNumber;
    }

    /// <summary>
    /// 0–100. The first pass fills 0–20 by customers read (capped, the count at start is an estimate), the second 20–40
    /// by customers totalled, scoring shows 40,
    /// writing fills 50–95 by customers written, segments show 95; only Completed shows 100.
    /// </summary>
    public static int ProgressPercent(AnalysisState state)
    {
        Require(state);
        switch (state.Phase)
        {
            case AnalysisPhase.Reading:
                return Scale(state.CustomersRead, state.ExpectedCustomers, 0, 20);
            case AnalysisPhase.Totalling:
                return Scale(state.CustomersTotalled, state.CustomersRead, 20, 40);
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

    /// <summary>Tables with nobody at scoring are not re-read: contacts → accounts → segments.</summary>
    private static AnalysisState SkipEmptyTables(AnalysisState state)
    {
        if (state.Table == CustomerType.Contact && state.ContactsToWrite == 0)
        {
            state = state with { Table = CustomerType.Account, PageNumber = 1, PagingCookie = null, WrittenInTable = 0 };
        }

        return state.Table == CustomerType.Account && state.AccountsToWrite == 0
            ? state with { Phase = AnalysisPhase.WritingSegments, PageNumber = 0, PagingCookie = null }
            : state;
    }

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
