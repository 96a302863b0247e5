using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Intimacy;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using TaskTable = Crm.Extensions.EarlyBound.Task;

namespace Crm.Extensions.Plugins.Tests.Intimacy;

/// <summary>
/// One call of cx_ProcessBirthdays greets exactly the contacts the domain calendar picks from the whole base, however many
/// 5,000-row pages the reader crosses (it reads by a key cursor on the contact id). The base is seeded at random: birth
/// dates clustered around the day (so many match, 29 February included), some contacts without a birth date, some
/// inactive; owners spread over a few users. At 20,000 contacts the reader crosses four pages; each owner's task holds
/// exactly the greetings the domain gives that owner.
/// </summary>
public sealed class ProcessBirthdaysPropertyTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public ProcessBirthdaysPropertyTests() => _data = new DataProducer(_crm);

    [Theory]
    [InlineData(5300, 5300)]
    [InlineData(20_000, 20_000)]
    public void Should_GreetEveryContactTheDomainPicks_When_TheBaseCrossesMoreThanOnePage(int seed, int contacts)
    {
        var random = new Random(seed);
        var day = _crm.Clock.UtcNow.Date;
        var owners = Enumerable.Range(0, 4).Select(i => _crm.CreateUser("Owner " + i)).ToList();
        var active = new List<BirthdayContact>();
        for (var i = 0; i < contacts; i++)
        {
            var roll = random.NextDouble();
            DateTime? born = roll < 0.1 ? null : roll < 0.12
                ? new DateTime(2000, 2, 29) : day.AddYears(-random.Next(18, 80)).AddDays(random.Next(-3, 4));
            var inactive = random.NextDouble() < 0.05;
            var owner = owners[random.Next(owners.Count)];
            var contact = _data.Contact(c =>
            {
                c.BirthDate = born;
                c.OwnerId = new EntityReference(SystemUser.EntityLogicalName, owner);
                if (inactive) c[Contact.Fields.StateCode] = new OptionSetValue(1);
            });
            if (!inactive && born is { } date) active.Add(new BirthdayContact(contact.Id, owner, date));
        }

        var expected = BirthdayGreetings.On(active.Where(c => BirthdayCalendar.IsBirthday(c.BirthDate!.Value, day)), day);

        var response = _crm.Service.Execute(new OrganizationRequest(ProcessBirthdays.ApiName) { [ProcessBirthdays.DateParameter] = day });

        Assert.True(expected.Count > 50, "the seed must give the day plenty of birthdays");
        Assert.Equal(expected.Count, response[ProcessBirthdays.GreetedOutput]);
        var tasks = BirthdayGreetings.TasksByOwner(expected, day);
        Assert.Equal(tasks.Count, response[ProcessBirthdays.TasksOutput]);
        foreach (var task in tasks)
        {
            var stored = _crm.Get(TaskTable.EntityLogicalName, DeterministicId.From(task.TaskKey))!;
            Assert.Equal(task.OwnerId, stored.GetAttributeValue<EntityReference>("ownerid").Id);
            var subject = stored.GetAttributeValue<string>(TaskTable.Fields.Subject);
            Assert.Contains($": {task.Greetings.Count} customer(s)", subject, StringComparison.Ordinal);
        }
    }
}
