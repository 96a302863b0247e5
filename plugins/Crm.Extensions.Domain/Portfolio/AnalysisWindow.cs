using System;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>The half-open period [Start, End) whose paid invoices count as behaviour.</summary>
public sealed record AnalysisWindow
{
    public AnalysisWindow(DateTime startUtc, DateTime endUtc)
    {
        if (endUtc <= startUtc)
        {
            throw new ArgumentException("The window must end after it starts.", nameof(endUtc));
        }

        StartUtc = startUtc;
        EndUtc = endUtc;
    }

    public DateTime StartUtc { get; }

    public DateTime EndUtc { get; }

    /// <summary>The last <paramref name="months"/> calendar months up to <paramref name="asOfUtc"/> (the analysis run time).</summary>
    public static AnalysisWindow EndingAt(DateTime asOfUtc, int months)
    {
        if (months < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, "The window needs at least one month.");
        }

        return new AnalysisWindow(asOfUtc.AddMonths(-months), asOfUtc);
    }

    public bool Contains(DateTime instantUtc) => instantUtc >= StartUtc && instantUtc < EndUtc;

    /// <summary>Whole days from the purchase to the end of the window: 0 means it happened on the last day.</summary>
    public int DaysBeforeEnd(DateTime instantUtc)
    {
        var days = (EndUtc.Date - instantUtc.Date).Days;
        return days < 0 ? 0 : days;
    }
}
