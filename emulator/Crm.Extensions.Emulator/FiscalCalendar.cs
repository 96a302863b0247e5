using System;

namespace Crm.Extensions.Emulator;

/// <summary>
/// The organization's fiscal calendar, used by the fiscal condition operators. The default is the calendar year with
/// monthly periods (fiscal year 2025 = January to December 2025, period 3 = March). A fiscal year is named after the
/// calendar year it starts in. Dates are compared in UTC, like the relative-date operators.
/// </summary>
public sealed class FiscalCalendar
{
    public FiscalCalendar(int startMonth = 1, int monthsPerPeriod = 1)
    {
        if (startMonth is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(startMonth), startMonth, "A fiscal year starts in month 1 to 12.");
        if (monthsPerPeriod is not (1 or 2 or 3 or 4 or 6 or 12))
        {
            throw new ArgumentOutOfRangeException(nameof(monthsPerPeriod), monthsPerPeriod,
                "Fiscal periods are 1, 2, 3, 4, 6 or 12 months long.");
        }

        StartMonth = startMonth;
        MonthsPerPeriod = monthsPerPeriod;
    }

    public static FiscalCalendar CalendarYearMonthly { get; } = new();

    public int StartMonth { get; }

    public int MonthsPerPeriod { get; }

    public int PeriodsPerYear => 12 / MonthsPerPeriod;

    public int FiscalYearOf(DateTime date) => date.Month >= StartMonth ? date.Year : date.Year - 1;

    /// <summary>1-based period of the fiscal year <paramref name="date"/> falls in.</summary>
    public int PeriodOf(DateTime date) => (((date.Month - StartMonth) + 12) % 12 / MonthsPerPeriod) + 1;

    public DateTime YearStart(int fiscalYear) => new(fiscalYear, StartMonth, 1, 0, 0, 0, DateTimeKind.Utc);

    public DateTime PeriodStart(int fiscalYear, int period) => YearStart(fiscalYear).AddMonths((period - 1) * MonthsPerPeriod);

    /// <summary>Start of the period <paramref name="offset"/> periods after the one containing <paramref name="date"/>.</summary>
    public DateTime PeriodStartFrom(DateTime date, int offset)
        => PeriodStart(FiscalYearOf(date), PeriodOf(date)).AddMonths(offset * MonthsPerPeriod);
}
