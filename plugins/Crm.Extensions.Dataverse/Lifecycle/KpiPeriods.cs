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

    /// <summary>The month of <paramref name="text"/>; refused when malformed or after the month of <paramref name="nowUtc"/>.</summary>
    public static KpiPeriod Parse(string? text, DateTime nowUtc)
    {
        if (text is null || text.Length != 7
            || !DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var month))
        {
            throw new BusinessRuleException(Malformed);
        }

        if (month.Year * 12 + month.Month > nowUtc.Year * 12 + nowUtc.Month)
        {
            // A future month has no facts yet, and its snapshot would become every strategy's latest one.
            throw new BusinessRuleException(new LocalizedText(
                $"The period {text} has not started yet. Give the current month or an earlier one.",
                $"El periodo {text} aún no ha empezado. Indique el mes actual o uno anterior."));
        }

        return KpiPeriod.Month(month.Year, month.Month);
    }
}
