using System;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Query;

/// <summary>
/// The relative-date operators as ranges [start, end) in UTC, from the emulator's clock (weeks start on Sunday,
/// the en-US default). Dataverse evaluates them in the user's time zone; the emulator's users are all on UTC.
/// </summary>
internal static class RelativeDates
{
    public static bool TryRange(ConditionOperator op, object?[] values, DateTime now, out DateTime start, out DateTime end)
    {
        var today = now.Date;
        var weekStart = today.AddDays(-(int)today.DayOfWeek);
        var monthStart = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var yearStart = new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        int X() => Convert.ToInt32(values.FirstOrDefault() ?? 0, CultureInfo.InvariantCulture);
        DateTime D() => Convert.ToDateTime(values.FirstOrDefault(), CultureInfo.InvariantCulture).Date;

        (start, end) = op switch
        {
            ConditionOperator.Yesterday => (today.AddDays(-1), today),
            ConditionOperator.Today => (today, today.AddDays(1)),
            ConditionOperator.Tomorrow => (today.AddDays(1), today.AddDays(2)),
            ConditionOperator.Last7Days => (now.AddDays(-7), now),
            ConditionOperator.Next7Days => (now, now.AddDays(7)),
            ConditionOperator.LastWeek => (weekStart.AddDays(-7), weekStart),
            ConditionOperator.ThisWeek => (weekStart, weekStart.AddDays(7)),
            ConditionOperator.NextWeek => (weekStart.AddDays(7), weekStart.AddDays(14)),
            ConditionOperator.LastMonth => (monthStart.AddMonths(-1), monthStart),
            ConditionOperator.ThisMonth => (monthStart, monthStart.AddMonths(1)),
            ConditionOperator.NextMonth => (monthStart.AddMonths(1), monthStart.AddMonths(2)),
            ConditionOperator.LastYear => (yearStart.AddYears(-1), yearStart),
            ConditionOperator.ThisYear => (yearStart, yearStart.AddYears(1)),
            ConditionOperator.NextYear => (yearStart.AddYears(1), yearStart.AddYears(2)),
            ConditionOperator.LastXHours => (now.AddHours(-X()), now),
            ConditionOperator.NextXHours => (now, now.AddHours(X())),
            ConditionOperator.LastXDays => (today.AddDays(-X()), now),
            ConditionOperator.NextXDays => (now, today.AddDays(X() + 1)),
            ConditionOperator.LastXWeeks => (today.AddDays(-7 * X()), now),
            ConditionOperator.NextXWeeks => (now, today.AddDays(7 * X() + 1)),
            ConditionOperator.LastXMonths => (today.AddMonths(-X()), now),
            ConditionOperator.NextXMonths => (now, today.AddMonths(X()).AddDays(1)),
            ConditionOperator.LastXYears => (today.AddYears(-X()), now),
            ConditionOperator.NextXYears => (now, today.AddYears(X()).AddDays(1)),
            ConditionOperator.OlderThanXMinutes => (DateTime.MinValue, now.AddMinutes(-X())),
            ConditionOperator.OlderThanXHours => (DateTime.MinValue, now.AddHours(-X())),
            ConditionOperator.OlderThanXDays => (DateTime.MinValue, today.AddDays(-X())),
            ConditionOperator.OlderThanXWeeks => (DateTime.MinValue, today.AddDays(-7 * X())),
            ConditionOperator.OlderThanXMonths => (DateTime.MinValue, today.AddMonths(-X())),
            ConditionOperator.OlderThanXYears => (DateTime.MinValue, today.AddYears(-X())),
            ConditionOperator.On => (D(), D().AddDays(1)),
            ConditionOperator.OnOrBefore => (DateTime.MinValue, D().AddDays(1)),
            ConditionOperator.OnOrAfter => (D(), DateTime.MaxValue),
            _ => (DateTime.MinValue, DateTime.MinValue),
        };
        return end != DateTime.MinValue;
    }
}
