using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Intimacy;

/// <summary>The day's greetings, each owner as a reference (user or team) and the contacts blocked from loyalty.</summary>
public sealed record BirthdaysOfTheDay(
    DateTime LocalDate, IReadOnlyList<BirthdayGreeting> Greetings, IReadOnlyDictionary<Guid, EntityReference> Owners,
    IReadOnlyCollection<Guid> LoyaltyBlocked);

/// <summary>
/// The active contacts whose birthday falls on a day. A query cannot compare month and day of a date column, so every
/// active contact with a birth date is read in 5,000-row pages by a key cursor on the id (<see cref="QueryPages"/>) and each row
/// is checked by the domain calendar (29 February on 28 February in other years) as it arrives; only the day's are kept.
/// </summary>
public static class BirthdayContactsReader
{
    public static BirthdaysOfTheDay Read(IOrganizationService service, DateTime localDate)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var query = new QueryExpression(Contact.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(Contact.Fields.BirthDate, Contact.Fields.OwnerId, Contact.Fields.FullName,
                Contact.Fields.LoyaltyBlocked),
            Orders = { new OrderExpression(Contact.Fields.ContactId, OrderType.Ascending) },
        };
        query.Criteria.AddCondition(Contact.Fields.BirthDate, ConditionOperator.NotNull);
        query.Criteria.AddCondition(Contact.Fields.StateCode, ConditionOperator.Equal, 0);

        var day = localDate.Date;
        var today = new List<BirthdayContact>();
        var owners = new Dictionary<Guid, EntityReference>();
        var blocked = new HashSet<Guid>();
        foreach (var row in QueryPages.AllByKey(service, query, Contact.Fields.ContactId).Select(row => row.ToEntity<Contact>()))
        {
            if (row.BirthDate is not { } born || !BirthdayCalendar.IsBirthday(born, day)) continue;
            today.Add(ToContact(row));
            if (row.OwnerId is { } owner) owners[owner.Id] = owner;
            if (row.LoyaltyBlocked == true) blocked.Add(row.Id);
        }

        return new BirthdaysOfTheDay(day, BirthdayGreetings.On(today, day), owners, blocked);
    }

    private static BirthdayContact ToContact(Contact row) =>
        new(row.Id, row.OwnerId?.Id ?? Guid.Empty, row.BirthDate) { Name = row.FullName ?? string.Empty };
}
