using System;
using System.Globalization;

namespace Crm.Extensions.Domain.Lifecycle;

/// <summary>The half-open period [Start, End) a KPI snapshot measures.</summary>
public sealed record KpiPeriod
{
    public KpiPeriod(DateTime startUtc, DateTime endUtc)
    {
        if (endUtc <= startUtc)
        {
            throw new ArgumentException("The period must end after it starts.", nameof(endUtc));
        }

        StartUtc = startUtc;
        EndUtc = endUtc;
    }

    public DateTime StartUtc { get; }

    public DateTime EndUtc { get; }

    /// <summary>
    /// The alternate-key value of cx_kpisnapshot: the ISO 8601 interval "2026-11-01/2026-12-01". Snapshotting the same
    /// period twice upserts the same row, so cx_SnapshotKpis is idempotent.
    /// </summary>
    public string IdempotencyKey =>
        StartUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "/" + EndUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static KpiPeriod Month(int year, int month)
    {
        var start = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
        return new KpiPeriod(start, start.AddMonths(1));
    }
}
