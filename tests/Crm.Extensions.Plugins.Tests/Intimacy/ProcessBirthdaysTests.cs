using System;
using System.Linq;
using System.ServiceModel;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Intimacy;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Intimacy;

public sealed class ProcessBirthdaysTests
{
    private const int BonusPoints = 200;
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public ProcessBirthdaysTests() => _data = new DataProducer(_crm);

    private DateTime Today => _crm.Clock.UtcNow.Date;

    private OrganizationResponse Process(DateTime? date = null, IOrganizationService? service = null) =>
        (service ?? _crm.Service).Execute(new OrganizationRequest(ProcessBirthdays.ApiName) { [ProcessBirthdays.DateParameter] = date });

    private LoyaltyProgram ProgramWithBirthdayBonus() => _data.Program(p => p.BirthdayBonusPoints = BonusPoints);

    private Contact BornOn(DateTime birthDate, Guid? owner = null) => _data.Contact(c =>
    {
        c.BirthDate = birthDate;
        if (owner is { } user) c.OwnerId = new EntityReference(SystemUser.EntityLogicalName, user);
    });

    private LoyaltyTransaction[] Bonuses()
        => _crm.All(LoyaltyTransaction.EntityLogicalName).Select(row => row.ToEntity<LoyaltyTransaction>()).ToArray();

    [Fact]
    public void Should_CreateOneTaskPerOwnerAndOneBonusPerMember_When_ContactsHaveTheirBirthdayToday()
    {
        ProgramWithBirthdayBonus();
        var ana = _crm.CreateUser("Ana Owner");
        var bruno = _crm.CreateUser("Bruno Owner");
        var first = BornOn(Today.AddYears(-30), ana);
        var second = BornOn(Today.AddYears(-41), ana);
        var third = BornOn(Today.AddYears(-25), bruno);
        BornOn(Today.AddYears(-30).AddDays(1), bruno);
        _crm.ResetObservations();

        var response = Process();

        Assert.Equal(3, response[ProcessBirthdays.GreetedOutput]);
        Assert.Equal(2, response[ProcessBirthdays.TasksOutput]);
        Assert.Equal(3, response[ProcessBirthdays.BonusesOutput]);
        var tasks = _crm.All(Task.EntityLogicalName).Select(row => row.ToEntity<Task>()).ToList();
        Assert.Equal(new[] { ana, bruno }.OrderBy(id => id), tasks.Select(t => t.OwnerId!.Id).OrderBy(id => id));
        Assert.Contains(first.Id.ToString("D"), tasks.Single(t => t.OwnerId!.Id == ana).Description);
        Assert.Contains(second.Id.ToString("D"), tasks.Single(t => t.OwnerId!.Id == ana).Description);
        Assert.Equal(
            new[] { first, second, third }.Select(c => SourceKeys.Birthday(c.Id, Today.Year)).OrderBy(k => k, StringComparer.Ordinal),
            Bonuses().Select(b => b.SourceKey).OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(Bonuses(), bonus => Assert.Equal(BonusPoints, bonus.Points));
        Assert.Equal(BonusPoints, _crm.Get(Contact.EntityLogicalName, first.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(ProcessBirthdays).FullName && s.Stage == 30);
    }

    [Fact]
    public void Should_CreateNothingTwice_When_TheFlowRunsAgainTheSameDay()
    {
        ProgramWithBirthdayBonus();
        BornOn(Today.AddYears(-30));
        BornOn(Today.AddYears(-31));
        Process();
        _crm.ResetObservations();

        var again = Process();

        Assert.Equal(2, again[ProcessBirthdays.GreetedOutput]);
        Assert.Equal(0, again[ProcessBirthdays.TasksOutput]);
        Assert.Equal(0, again[ProcessBirthdays.BonusesOutput]);
        Assert.Equal(1, _crm.Count(Task.EntityLogicalName));
        Assert.Equal(2, _crm.Count(LoyaltyTransaction.EntityLogicalName));
        Assert.Equal(0,
            _crm.Requests.PluginCount("CreateMultiple") + _crm.Requests.PluginCount("Create") + _crm.Requests.PluginCount("Update"));
    }

    [Fact]
    public void Should_GreetLeapDayBirthdaysOnTheTwentyEighth_When_TheYearIsNotALeapYear()
    {
        ProgramWithBirthdayBonus();
        _crm.Clock.Set(new DateTime(2027, 2, 28, 9, 0, 0, DateTimeKind.Utc));
        var leapling = BornOn(new DateTime(2000, 2, 29));
        BornOn(new DateTime(2000, 3, 1));

        var response = Process();

        Assert.Equal(1, response[ProcessBirthdays.GreetedOutput]);
        Assert.Equal(SourceKeys.Birthday(leapling.Id, 2027), Assert.Single(Bonuses()).SourceKey);
    }

    [Fact]
    public void Should_WaitForTheTwentyNinth_When_TheYearIsALeapYear()
    {
        ProgramWithBirthdayBonus();
        _crm.Clock.Set(new DateTime(2028, 2, 28, 9, 0, 0, DateTimeKind.Utc));
        BornOn(new DateTime(2000, 2, 29));

        Assert.Equal(0, Process()[ProcessBirthdays.GreetedOutput]);
        Assert.Equal(1, Process(new DateTime(2028, 2, 29))[ProcessBirthdays.GreetedOutput]);
        Assert.Single(Bonuses());
    }

    [Fact]
    public void Should_GrantANewBonus_When_TheNextBirthdayComesAYearLater()
    {
        ProgramWithBirthdayBonus();
        var contact = BornOn(Today.AddYears(-30));
        Process();

        _crm.Clock.Set(_crm.Clock.UtcNow.AddYears(1));
        var response = Process();

        Assert.Equal(1, response[ProcessBirthdays.BonusesOutput]);
        Assert.Equal(
            new[] { SourceKeys.Birthday(contact.Id, Today.Year - 1), SourceKeys.Birthday(contact.Id, Today.Year) },
            Bonuses().Select(b => b.SourceKey).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(2, _crm.Count(Task.EntityLogicalName));
    }

    [Fact]
    public void Should_GreetWithoutABonus_When_TheContactIsBlockedFromLoyaltyOrNoProgramIsActive()
    {
        BornOn(Today.AddYears(-30));

        var withoutProgram = Process();
        ProgramWithBirthdayBonus();
        _data.Contact(c => { c.BirthDate = Today.AddYears(-20); c.LoyaltyBlocked = true; });
        var blocked = Process();

        Assert.Equal(0, withoutProgram[ProcessBirthdays.BonusesOutput]);
        Assert.Equal(1, blocked[ProcessBirthdays.BonusesOutput]);
        Assert.Equal(2, blocked[ProcessBirthdays.GreetedOutput]);
        Assert.Single(Bonuses());
    }

    [Fact]
    public void Should_RefuseAndWriteNothing_When_TheDateIsInTheFuture()
    {
        ProgramWithBirthdayBonus();
        BornOn(Today.AddDays(3).AddYears(-30));

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Process(Today.AddDays(3)));

        Assert.Contains(Application.Intimacy.ProcessBirthdays.FutureDate.English, fault.Message);
        Assert.Equal(0, _crm.Count(Task.EntityLogicalName));
        Assert.Equal(0, _crm.Count(LoyaltyTransaction.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseInSpanish_When_ASpanishUserAsksForAFutureDate()
    {
        var user = _crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Process(Today.AddDays(2), _crm.ServiceAs(user)));

        Assert.Contains(Application.Intimacy.ProcessBirthdays.FutureDate.Spanish, fault.Message);
        Assert.Equal(0, _crm.Count(Task.EntityLogicalName));
    }

    [Fact]
    public void Should_ReadEveryPage_When_MoreThanFiveThousandContactsHaveABirthDate()
    {
        ProgramWithBirthdayBonus();
        var rows = Enumerable.Range(0, 5_001)
            .Select(i => new Contact { LastName = "C" + i, BirthDate = Today.AddYears(-30).AddDays(1 + (i % 300)) }).ToArray();
        _crm.Seed(rows);
        var last = BornOn(Today.AddYears(-30));
        _crm.ResetObservations();

        var response = Process();

        Assert.Equal(1, response[ProcessBirthdays.GreetedOutput]);
        Assert.Equal(SourceKeys.Birthday(last.Id, Today.Year), Assert.Single(Bonuses()).SourceKey);
        Assert.True(_crm.Requests.PluginCount("RetrieveMultiple") >= 2);
    }
}
