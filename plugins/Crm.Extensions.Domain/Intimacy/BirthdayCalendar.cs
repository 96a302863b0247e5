using System;

namespace Crm.Extensions.Domain.Intimacy;

/// <summary>
/// Birthdays in the user's calendar. Someone born on 29 February celebrates on 28 February in non-leap years: the
/// greeting stays in their birth month and no year passes without one. Age increases on that same day, so the
/// greeting and the age always agree.
/// </summary>
public static class BirthdayCalendar
{
    /// <summary>Today's date where the user is (time zones decide whose "today" the daily flow greets).</summary>
    public static DateTime LocalToday(IClock clock, TimeZoneInfo userTimeZone)
    {
        if (clock is null)
        {
            throw new ArgumentNullException(nameof(clock));
        }

        if (userTimeZone is null)
        {
            throw new ArgumentNullException(nameof(userTimeZone));
        }

        var utc = DateTime.SpecifyKind(clock.UtcNow, DateTimeKind.Utc);
        return TimeZoneInfo.ConvertTimeFromUtc(utc, userTimeZone).Date;
    }

    /// <summary>The date of the birthday in <paramref name="year"/>.</summary>
    public static DateTime BirthdayIn(DateTime birthDate, int year)
    {
        var day = birthDate.Month == 2 && birthDate.Day == 29 && !DateTime.IsLeapYear(year) ? 28 : birthDate.Day;
        return new DateTime(year, birthDate.Month, day, 0, 0, 0, DateTimeKind.Unspecified);
    }

    public static bool IsBirthday(DateTime birthDate, DateTime localDate) =>
        birthDate.Date <= localDate.Date && BirthdayIn(birthDate, localDate.Year) == localDate.Date;

    /// <summary>Whole years on <paramref name="localDate"/>.</summary>
    public static int AgeOn(DateTime birthDate, DateTime localDate)
    {
        if (birthDate.Date > localDate.Date)
        {
            throw new ArgumentOutOfRangeException(nameof(birthDate), birthDate, "The birth date is after the date asked.");
        }

        var age = localDate.Year - birthDate.Year;
        return localDate.Date < BirthdayIn(birthDate, localDate.Year) ? age - 1 : age;
    }
}
