using System;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// The most Dataverse requests an analysis of N customers may make: ceil(N/1000) + ceil(N/5000) × k + c.
/// How the plan spends them (the plugin must not exceed any line; Plugins/Portfolio/README.md maps each to its code):
/// <list type="bullet">
/// <item>Start: <see cref="StartRequests"/> (environment variables, count of contacts, count of accounts).</item>
/// <item>Per read page of 5,000: <see cref="ReadPageRequests"/> (customer page, then the invoice-line aggregate for that
/// page in up to two result pages: the aggregate groups by customer × invoice × product cost, and Dataverse returns
/// grouped rows 5,000 at a time) plus one progress save (the first one also marks the run Running).</item>
/// <item>Scoring: <see cref="ScoringRequests"/> (existing cx_customersegment rows, one CreateMultiple of the groups),
/// plus one progress save.</item>
/// <item>Per write batch of 1,000 with at least one changed row: one UpdateMultiple; unchanged batches cost nothing.
/// A progress save every 5,000 written rows and at the end of each table.</item>
/// <item>Segments: <see cref="SegmentWriteRequests"/> (one UpdateMultiple handing the target flags over to this
/// analysis), then one save that completes it.</item>
/// </list>
/// k = 3 + 1 + 1: per 5,000 customers, three reads and a save while reading and one save while writing.
/// c = 16: start (3), scoring and its save (3), target flags and the final save (2), the partial last page of the second
/// customer table with its save (4), its partial batch (1) and its writing save (1), and 2 more that only an empty base
/// needs (each empty table still reads one page and saves).
/// Assumption: the customers of one page have at most 10,000 (customer, invoice, product cost) groups in the window, two
/// invoices each on average; every further 5,000 groups costs one aggregate page beyond this budget.
/// </summary>
public static class RequestBudget
{
    public const int ReadPageSize = 5000;
    public const int WriteBatchSize = 1000;
    public const int StartRequests = 3;
    public const int ReadPageRequests = 3;
    public const int ScoringRequests = 2;
    public const int SegmentWriteRequests = 1;
    public const int ProgressSaveRequests = 1;

    /// <summary>k: requests per 5,000 customers on top of the write batches.</summary>
    public const int RequestsPerReadPage = ReadPageRequests + ProgressSaveRequests + ProgressSaveRequests;

    /// <summary>c: requests that do not grow with N.</summary>
    public const int FixedRequests = 16;

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
