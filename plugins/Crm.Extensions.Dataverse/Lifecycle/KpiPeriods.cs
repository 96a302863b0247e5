using System;
using System.Globalization;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Dataverse.Lifecycle;

/// <summary>Reads the Period parameter of cx_SnapshotKpis: a calendar month written "yyyy-MM".</summary>
public static class KpiPeriods
{
    private static readonly LocalizedText Malformed = new(
        "Give the period as a year and a month, like 2026-11.",
        "Indique el periodo como año y mes, por ejemplo 2026-11.");

    public static KpiPeriod Parse(string? text)
    {
        if (text is null || text.Length != 7
            || !DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var month))
        {
            throw new BusinessRuleException(Malformed);
        }

        return KpiPeriod.Month(month.Year, month.Month);
    }
}
