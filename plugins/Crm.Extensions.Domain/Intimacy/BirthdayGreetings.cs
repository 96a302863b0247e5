using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Ledger;

namespace Crm.Extensions.Domain.Intimacy;

/// <summary>A contact as cx_ProcessBirthdays reads it.</summary>
public sealed record BirthdayContact(Guid ContactId, Guid OwnerId, DateTime? BirthDate)
{
    /// <summary>Shown in the owner's greeting task.</summary>
    public string Name { get; init; } = string.Empty;
}

/// <summary>One greeting task to create and one bonus to request.</summary>
/// <param name="BonusIdempotencyKey">The ledger's source key of the birthday bonus: granted once per key.</param>
public sealed record BirthdayGreeting(Guid ContactId, Guid OwnerId, int Age, string BonusIdempotencyKey)
{
    public string Name { get; init; } = string.Empty;
}

/// <summary>One task per owner and day, listing that owner's birthday contacts.</summary>
/// <param name="TaskKey">"birthday-greetings:{owner}:{yyyy-MM-dd}": a re-run the same day finds the same task.</param>
public sealed record OwnerGreetingTask(Guid OwnerId, DateTime LocalDate, string TaskKey, IReadOnlyList<BirthdayGreeting> Greetings);

public static class BirthdayGreetings
{
    /// <summary>Contacts whose birthday falls on <paramref name="localDate"/> (29 February on 28 February in other years).</summary>
    public static IReadOnlyList<BirthdayGreeting> On(IEnumerable<BirthdayContact> contacts, DateTime localDate)
    {
        if (contacts is null)
        {
            throw new ArgumentNullException(nameof(contacts));
        }

        var day = localDate.Date;
        return contacts
            .Where(c => c.BirthDate is { } born && BirthdayCalendar.IsBirthday(born, day))
            .OrderBy(c => c.OwnerId)
            .ThenBy(c => c.ContactId)
            .Select(
                c => new BirthdayGreeting(c.ContactId, c.OwnerId, BirthdayCalendar.AgeOn(c.BirthDate!.Value, day),
                    BonusKey(c.ContactId, day.Year)) { Name = c.Name })
            .ToList();
    }

    /// <summary>Groups the day's greetings into one task per owner.</summary>
    public static IReadOnlyList<OwnerGreetingTask> TasksByOwner(IEnumerable<BirthdayGreeting> greetings, DateTime localDate)
    {
        if (greetings is null)
        {
            throw new ArgumentNullException(nameof(greetings));
        }

        var day = localDate.Date;
        return greetings
            .GroupBy(g => g.OwnerId)
            .OrderBy(group => group.Key)
            .Select(group => new OwnerGreetingTask(group.Key, day, TaskKey(group.Key, day), group.OrderBy(g => g.ContactId).ToList()))
            .ToList();
    }

    /// <summary>
    /// The yearly idempotency key of the birthday bonus: the loyalty ledger's own source key (<see cref="SourceKeys.Birthday"/>).
    /// </summary>
    public static string BonusKey(Guid contactId, int year) => SourceKeys.Birthday(contactId, year);

    public static string TaskKey(Guid ownerId, DateTime localDate) =>
        "birthday-greetings:" + ownerId.ToString("D", CultureInfo.InvariantCulture) + ":"
            + localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
