using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Crm.Extensions.Domain.Intimacy;

/// <summary>A contact as cx_ProcessBirthdays reads it.</summary>
public sealed record BirthdayContact(Guid ContactId, Guid OwnerId, DateTime? BirthDate);

/// <summary>One greeting task to create and one bonus to request.</summary>
/// <param name="BonusIdempotencyKey">"{contact id}-{year}": the loyalty ledger grants the birthday bonus once per key.</param>
public sealed record BirthdayGreeting(Guid ContactId, Guid OwnerId, int Age, string BonusIdempotencyKey);

public static class BirthdayGreetings
{
    /// <summary>Contacts whose birthday is today in the user's time zone, ordered by owner then contact for stable task creation.</summary>
    public static IReadOnlyList<BirthdayGreeting> ForToday(IEnumerable<BirthdayContact> contacts, IClock clock, TimeZoneInfo userTimeZone)
    {
        var today = BirthdayCalendar.LocalToday(clock, userTimeZone);
        return contacts
            .Where(c => c.BirthDate is { } born && BirthdayCalendar.IsBirthday(born, today))
            .OrderBy(c => c.OwnerId)
            .ThenBy(c => c.ContactId)
            .Select(c => new BirthdayGreeting(c.ContactId, c.OwnerId, BirthdayCalendar.AgeOn(c.BirthDate!.Value, today), BonusKey(c.ContactId, today.Year)))
            .ToList();
    }

    /// <summary>The yearly idempotency key of the birthday bonus: the same contact and year always give the same key.</summary>
    public static string BonusKey(Guid contactId, int year) =>
        contactId.ToString("D", CultureInfo.InvariantCulture) + "-" + year.ToString("0000", CultureInfo.InvariantCulture);
}
