using System;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Query;

/// <summary>
/// The fiscal operators over the configured <see cref="FiscalCalendar"/>. Last/Next X fiscal years or periods are the X
/// whole years or periods before or after the current one; InFiscalPeriod matches that period of any fiscal year.
/// </summary>
internal static class FiscalDates
{
    public static bool IsFiscal(ConditionOperator op)
        => op is >= ConditionOperator.ThisFiscalYear and <= ConditionOperator.InOrAfterFiscalPeriodAndYear;

    public static bool Matches(ConditionOperator op, DateTime date, object?[] values, DateTime now, FiscalCalendar calendar)
    {
        int Value(int index) => Convert.ToInt32(
            values.ElementAtOrDefault(index) ?? throw new ArgumentException($"{op} needs {index + 1} value(s)."),
            CultureInfo.InvariantCulture);
        var year = calendar.FiscalYearOf(now);
        var months = calendar.MonthsPerPeriod;
        var thisPeriod = calendar.PeriodStartFrom(now, 0);

        (DateTime Start, DateTime End) range = op switch
        {
            ConditionOperator.ThisFiscalYear => (calendar.YearStart(year), calendar.YearStart(year + 1)),
            ConditionOperator.LastFiscalYear => (calendar.YearStart(year - 1), calendar.YearStart(year)),
            ConditionOperator.NextFiscalYear => (calendar.YearStart(year + 1), calendar.YearStart(year + 2)),
            ConditionOperator.LastXFiscalYears => (calendar.YearStart(year - Value(0)), calendar.YearStart(year)),
            ConditionOperator.NextXFiscalYears => (calendar.YearStart(year + 1), calendar.YearStart(year + 1 + Value(0))),
            ConditionOperator.ThisFiscalPeriod => (thisPeriod, thisPeriod.AddMonths(months)),
            ConditionOperator.LastFiscalPeriod => (thisPeriod.AddMonths(-months), thisPeriod),
            ConditionOperator.NextFiscalPeriod => (thisPeriod.AddMonths(months), thisPeriod.AddMonths(2 * months)),
            ConditionOperator.LastXFiscalPeriods => (thisPeriod.AddMonths(-months * Value(0)), thisPeriod),
            ConditionOperator.NextXFiscalPeriods => (thisPeriod.AddMonths(months), thisPeriod.AddMonths(months * (1 + Value(0)))),
            ConditionOperator.InFiscalYear => (calendar.YearStart(Value(0)), calendar.YearStart(Value(0) + 1)),
            ConditionOperator.InFiscalPeriodAndYear => (calendar.PeriodStart(Value(1), Value(0)),
                calendar.PeriodStart(Value(1), Value(0)).AddMonths(months)),
            ConditionOperator.InOrBeforeFiscalPeriodAndYear => (DateTime.MinValue,
                calendar.PeriodStart(Value(1), Value(0)).AddMonths(months)),
            ConditionOperator.InOrAfterFiscalPeriodAndYear => (calendar.PeriodStart(Value(1), Value(0)), DateTime.MaxValue),
            ConditionOperator.InFiscalPeriod => (DateTime.MinValue, DateTime.MinValue),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a fiscal operator."),
        };

        if (op == ConditionOperator.InFiscalPeriod) return calendar.PeriodOf(date) == Value(0);
        return date >= range.Start && date < range.End;
    }
}
