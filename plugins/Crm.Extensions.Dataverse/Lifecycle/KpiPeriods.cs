using System;
using System.Globalization;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Dataverse.Lifecycle;

/// <summary>
/// Reads the Period parameter of cx_SnapshotKpis: a calendar month written "yyyy-MM", from <see cref="FirstYear"/> up to the
/// current month (by the operation's clock). A later month has no data yet, and a snapshot of it would become every
/// strategy's "latest" one; a month near the end of the calendar would overflow the period arithmetic.
/// </summary>
public static class KpiPeriods
{
    /// <summary>The earliest year accepted: far enough back for any history, far enough from DateTime.MinValue for the windows.</summary>
    public const int FirstYear = 1900;

    private static readonly LocalizedText Malformed = new(
        "Give the period as a year and a month, like 2026-11.",
        "Indique el periodo como año y mes, por ejemplo 2026-11.");

    /// <summary>The month of <paramref name="text"/>; refused when malformed or after the month of <paramref name="nowUtc"/>.</summary>
    public static KpiPeriod Parse(string? text, DateTime nowUtc)
    {
        if (text is null || text.Length != 7
            || !DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var month))
        {
            throw new BusinessRuleException(Malformed);
        }

        var current = nowUtc.Year * 12 + nowUtc.Month;
        var asked = month.Year * 12 + month.Month;
        if (month.Year < FirstYear || asked > current)
        {
            var latest = nowUtc.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            throw new BusinessRuleException(new LocalizedText(
                $"KPIs can be taken for months from {FirstYear}-01 up to the current month, {latest}; {text} is outside that range.",
                $"Los KPI se pueden tomar para meses desde {FirstYear}-01 hasta el mes actual, {latest}; {text} está fuera de ese " +
                $"intervalo."));
        }

        return KpiPeriod.Month(month.Year, month.Month);
    }
}
