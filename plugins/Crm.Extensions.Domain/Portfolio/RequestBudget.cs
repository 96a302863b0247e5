using System;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// The most Dataverse requests an analysis of N customers may make: ceil(N/1000) + ceil(N/5000) × k + c.
/// How the plan spends them (the plugin must not exceed any line; Plugins/Portfolio/README.md maps each to its code):
/// <list type="bullet">
/// <item>Start: <see cref="StartRequests"/> (environment variables, count of contacts, count of accounts).</item>
/// <item>Per read page of 5,000: <see cref="ReadPageRequests"/> (customer page, then the invoice-line aggregate for that
/// page: grouped by customer alone over each line's kept cost, so at most 5,000 rows, one result page) plus one progress
/// save (the first one also marks the run Running).</item>
/// <item>Scoring: <see cref="ScoringRequests"/> (existing cx_customersegment rows, one CreateMultiple of the groups),
/// plus one save that persists the scoring model and queues the first writing unit.</item>
/// <item>Per writing unit (one page of 5,000, its own async execution): the page and its aggregate read again
/// (<see cref="ReadPageRequests"/>), one UpdateMultiple per batch of 1,000 with at least one changed row (unchanged
/// batches cost nothing), and one save that stores the cursor and queues the next unit.</item>
/// <item>Last unit: <see cref="SegmentWriteRequests"/> (one UpdateMultiple handing the target flags over to this
/// analysis), its save completes the analysis, and one Update of the strategy when the analysis names one.</item>
/// </list>
/// k = 2 + 1 + 2 + 1 = 6: per 5,000 customers, two reads and a save while reading, the same page's two reads again
/// and its save (which queues the next unit) while writing.
/// c = 16: start (3), scoring and its save (3), target flags, the strategy and the final save (3), the partial last page
/// of the second customer table read (3) and written (3), and its partial batch (1).
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

    /// <summary>k: requests per 5,000 customers on top of the write batches.</summary>
    public const int RequestsPerReadPage = ReadPageRequests + ProgressSaveRequests + ReadPageRequests + ProgressSaveRequests;

    /// <summary>c: requests that do not grow with N.</summary>
    public const int FixedRequests = 16;

    /// <summary>
    /// The most requests one writing unit (one async execution after the first) makes, whatever N: its page and aggregate
    /// (2), five batches (5), its save (1), and on the last unit the target flags, the strategy and the completing save (3).
    /// </summary>
    public const int MaxRequestsPerWritingUnit =
        ReadPageRequests + (ReadPageSize / WriteBatchSize) + ProgressSaveRequests + SegmentWriteRequests + StrategyRequests + ProgressSaveRequests;

    /// <summary>
    /// The most requests the first execution (reading and scoring) makes for <paramref name="pages"/> customer pages:
    /// it reads the whole base, because quintiles need it.
    /// </summary>
    public static long FirstExecutionRequests(long pages) =>
        StartRequests + (pages * (ReadPageRequests + ProgressSaveRequests)) + ScoringRequests + ProgressSaveRequests
        + SegmentWriteRequests + ProgressSaveRequests + StrategyRequests;

    public static long For(long customers)
    {
        if (customers < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(customers), customers, "The number of customers cannot be negative.");
        }

        return CeilingDivide(customers, WriteBatchSize)
            + (CeilingDivide(customers, ReadPageSize) * RequestsPerReadPage)
            + FixedRequests;
    }

    private static long CeilingDivide(long value, long divisor) => (value + divisor - 1) / divisor;
}
