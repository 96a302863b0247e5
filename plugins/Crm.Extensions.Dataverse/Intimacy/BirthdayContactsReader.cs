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
    DateTime LocalDate, IReadOnlyList<BirthdayGreeting> Greetings, IReadOnlyDictionary<Guid, EntityReference> Owners, IReadOnlyCollection<Guid> LoyaltyBlocked);

/// <summary>
/// The active contacts whose birthday falls on a day. A query cannot compare month and day of a date column, so every
/// active contact with a birth date is read in 5,000-row pages with paging cookies and each page is filtered by the
/// domain calendar (29 February on 28 February in other years) before the next one is read.
/// </summary>
public static class BirthdayContactsReader
{
    public const int PageSize = 5000;

    public static BirthdaysOfTheDay Read(IOrganizationService service, DateTime localDate)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var query = new QueryExpression(Contact.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(Contact.Fields.BirthDate, Contact.Fields.OwnerId, Contact.Fields.FullName, Contact.Fields.LoyaltyBlocked),
            PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 },
            Orders = { new OrderExpression(Contact.Fields.ContactId, OrderType.Ascending) },
        };
        query.Criteria.AddCondition(Contact.Fields.BirthDate, ConditionOperator.NotNull);
        query.Criteria.AddCondition(Contact.Fields.StateCode, ConditionOperator.Equal, 0);

        var greetings = new List<BirthdayGreeting>();
        var owners = new Dictionary<Guid, EntityReference>();
        var blocked = new HashSet<Guid>();
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            var today = BirthdayGreetings.On(page.Entities.Select(ToContact), localDate);
            var rows = page.Entities.ToDictionary(row => row.Id);
            foreach (var greeting in today)
            {
                var row = rows[greeting.ContactId];
                if (row.GetAttributeValue<EntityReference>(Contact.Fields.OwnerId) is { } owner) owners[owner.Id] = owner;
                if (row.GetAttributeValue<bool?>(Contact.Fields.LoyaltyBlocked) == true) blocked.Add(row.Id);
            }

            greetings.AddRange(today);
            if (!page.MoreRecords)
            {
                return new BirthdaysOfTheDay(localDate.Date, greetings.OrderBy(g => g.OwnerId).ThenBy(g => g.ContactId).ToList(), owners, blocked);
            }

            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    private static BirthdayContact ToContact(Entity row) =>
        new(row.Id, row.GetAttributeValue<EntityReference>(Contact.Fields.OwnerId)?.Id ?? Guid.Empty, row.GetAttributeValue<DateTime?>(Contact.Fields.BirthDate))
        {
            Name = row.GetAttributeValue<string>(Contact.Fields.FullName) ?? string.Empty,
        };
}
