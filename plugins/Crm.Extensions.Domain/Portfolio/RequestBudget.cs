using System;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// The most Dataverse requests an analysis of N customers may make: ceil(N/1000) + ceil(N/5000) × k + ceil(N/20000) + c.
/// How the plan spends them (the plugin must not exceed any line; Plugins/Portfolio/README.md maps each to its code):
/// <list type="bullet">
/// <item>Start: <see cref="StartRequests"/> (environment variables, count of contacts, count of accounts).</item>
/// <item>Per page of 5,000, three times (first pass, second pass, writing): <see cref="ReadPageRequests"/> (customer page,
/// then the invoice-line aggregate for that page: grouped by customer alone over each line's kept cost, so at most 5,000
/// rows, one result page).</item>
/// <item>Per reading unit (at most <see cref="AnalysisPlan.PagesPerReadingUnit"/> pages of either pass): one save that
/// stores the cursor with the summary and queues the next unit; the unit that finishes the second pass scores instead and
/// its save carries the model.</item>
/// <item>Scoring: <see cref="ScoringRequests"/> (existing cx_customersegment rows, one CreateMultiple of new groups) and
/// <see cref="SegmentWriteRequests"/> (one UpdateMultiple of the kept rows).</item>
/// <item>Per writing unit (one page of 5,000, its own async execution): the page and its aggregate read again, one
/// UpdateMultiple per batch of 1,000 with at least one changed row (unchanged batches cost nothing), and one save that
/// stores the cursor and queues the next unit.</item>
/// <item>Last unit: <see cref="SegmentWriteRequests"/> (one UpdateMultiple handing the target flags over to this
/// analysis), its save completes the analysis, and one Update of the strategy when the analysis names one.</item>
/// </list>
/// k = 3 × 2 + 1 = 7: per 5,000 customers, two reads in each pass and again while writing, and the writing unit's save.
/// ceil(N/20,000): the reading units' saves (eight pages of the two passes, so four pages of the base, per unit).
/// c = 18: start (3), scoring (3), the last unit's save, target flags, completion and strategy (3 beyond the writing
/// saves), the partial last page of the second customer table (3 × 2 reads and a save: 7, its partial batch: 1) and one
/// more reading unit (1).
/// No assumption on purchase behaviour: the aggregate has one row per customer, however many invoices, lines or products.
/// </summary>
public static class RequestBudget
{
    public const int ReadPageSize = 5000;
    public const int WriteBatchSize = 1000;
    public const int StartRequests = 3;
    public const int ReadPageRequests = 2;
    public const int ScoringRequests = 2;
    public const int SegmentWriteRequests = 1;
    public const int ProgressSaveRequests = 1;
    public const int StrategyRequests = 1;

    /// <summary>The passes over every page: the first (R, F, monetary buckets), the second (candidates, totals), the writing.</summary>
    public const int ReadsOfEachPage = 3;

    /// <summary>k: requests per 5,000 customers on top of the write batches and the reading units' saves.</summary>
    public const int RequestsPerReadPage = (ReadsOfEachPage * ReadPageRequests) + ProgressSaveRequests;

    /// <summary>Customers per reading unit's save: its pages cover both passes, so half as many customers.</summary>
    public const int CustomersPerReadingSave = ReadPageSize * AnalysisPlan.PagesPerReadingUnit / 2;

    /// <summary>c: requests that do not grow with N.</summary>
    public const int FixedRequests = 18;

    /// <summary>
    /// The most requests one writing unit makes, whatever N: its page and aggregate (2), five batches (5), its save (1),
    /// and on the last unit the target flags, the strategy and the completing save (3).
    /// </summary>
    public const int MaxRequestsPerWritingUnit =
        ReadPageRequests + (ReadPageSize / WriteBatchSize) + ProgressSaveRequests + SegmentWriteRequests + StrategyRequests
            + ProgressSaveRequests;

    /// <summary>
    /// The most requests one reading unit makes, whatever N: the start (3, first unit only), its pages (8 × 2), the
    /// scoring (3) and its save (1); for an empty base the same unit also completes (target flags, completion, strategy).
    /// </summary>
    public const int MaxRequestsPerReadingUnit =
        StartRequests + (AnalysisPlan.PagesPerReadingUnit * ReadPageRequests) + ScoringRequests + SegmentWriteRequests
        + ProgressSaveRequests
        + SegmentWriteRequests + ProgressSaveRequests + StrategyRequests;

    /// <summary>The most requests any single plug-in execution of the analysis makes, at any N (the bound is about 30).</summary>
    public const int MaxRequestsPerUnit =
        MaxRequestsPerReadingUnit > MaxRequestsPerWritingUnit ? MaxRequestsPerReadingUnit : MaxRequestsPerWritingUnit;

    public static long For(long customers)
    {
        if (customers < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(customers), customers, "The number of customers cannot be negative.");
        }

        return CeilingDivide(customers, WriteBatchSize)
            + (CeilingDivide(customers, ReadPageSize) * RequestsPerReadPage)
            + CeilingDivide(customers, CustomersPerReadingSave)
            + FixedRequests;
    }

    private static long CeilingDivide(long value, long divisor) => (value + divisor - 1) / divisor;
}
