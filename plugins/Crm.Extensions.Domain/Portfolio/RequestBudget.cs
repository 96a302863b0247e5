using System;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// The most Dataverse requests an analysis of N customers may make: ceil(N/1000) + ceil(N/5000) × k + c.
/// How the plan spends them (the plugin must not exceed any line; Plugins/Portfolio/README.md maps each to its code):
/// <list type="bullet">
/// <item>Start: <see cref="StartRequests"/> (environment variables, count of contacts, count of accounts).</item>
/// <item>Per read page of 5,000: <see cref="ReadPageRequests"/> (customer page, invoice-line aggregate for that page)
/// plus one progress save (the first one also marks the run Running).</item>
/// <item>Scoring: <see cref="ScoringRequests"/> (existing cx_customersegment rows), one CreateMultiple of the groups,
/// plus one progress save.</item>
/// <item>Per write batch of 1,000 with at least one changed row: one UpdateMultiple; unchanged batches cost nothing.
/// A progress save every 5,000 written rows and at the end of each table.</item>
/// <item>Segments: one UpdateMultiple handing the target flags over to this analysis, then one save that completes it.</item>
/// </list>
/// k = 3 + 1: per 5,000 customers, two reads and a save while reading and one save while writing.
/// c = 13: start (3), scoring with its CreateMultiple and save (3), target flags and the final save (2), plus the partial
/// last page and batch of the second customer table (one page with its save, 3; one batch, 1; one writing save, 1).
/// A table without rows costs one page and its save (2), less than the partial page it stands for.
/// </summary>
public static class RequestBudget
{
    public const int ReadPageSize = 5000;
    public const int WriteBatchSize = 1000;
    public const int StartRequests = 3;
    public const int ReadPageRequests = 2;
    public const int ScoringRequests = 1;
    public const int SegmentWriteRequests = 1;
    public const int ProgressSaveRequests = 1;

    /// <summary>k: requests per 5,000 customers on top of the write batches.</summary>
    public const int RequestsPerReadPage = ReadPageRequests + ProgressSaveRequests + ProgressSaveRequests;

    /// <summary>c: requests that do not grow with N.</summary>
    public const int FixedRequests = 13;

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
