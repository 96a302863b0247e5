using System;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Intimacy;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Intimacy;

/// <summary>
/// cx_ProcessBirthdays runs for today, or back to the program's birthday catch-up days (cx_birthdaybackfilldays, 0 to 31),
/// never further: back-dated calls one to five years back would otherwise credit five birthday bonuses to one contact.
/// </summary>
public sealed class BirthdayDateBoundsTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public BirthdayDateBoundsTests() => _data = new DataProducer(_crm);

    private DateTime Today => _crm.Clock.UtcNow.Date;

    private OrganizationResponse Process(DateTime date, IOrganizationService? service = null) =>
        (service ?? _crm.Service).Execute(new OrganizationRequest(ProcessBirthdays.ApiName) { [ProcessBirthdays.DateParameter] = date });

    [Fact]
    public void Should_RefuseEveryCallAndGrantNothing_When_TheDatesAreOneToFiveYearsBack()
    {
        _data.Program(p => p.BirthdayBonusPoints = 200);
        _data.Contact(c => c.BirthDate = Today.AddYears(-30));

        for (var years = 1; years <= 5; years++)
        {
            var back = Today.AddYears(-years);
            var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Process(back));
            Assert.Contains("Birthdays can be processed only for today", refusal.Detail.Message);
        }

        Assert.Equal(0, _crm.Count(LoyaltyTransaction.EntityLogicalName));
        Assert.Equal(0, _crm.Count(Task.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseInSpanish_When_ASpanishUserAsksForAPastDate()
    {
        _data.Program(p => p.BirthdayBonusPoints = 200);
        var user = _crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Process(Today.AddDays(-10), _crm.ServiceAs(user)));

        Assert.Contains("Los cumpleaños solo se pueden procesar para hoy", refusal.Detail.Message);
    }

    [Fact]
    public void Should_GrantTheMissedBonusOnce_When_TheDateIsWithinTheProgramsCatchUpDays()
    {
        _data.Program(p => { p.BirthdayBonusPoints = 200; p[LoyaltyProgram.Fields.BirthdayBackfillDays] = 7; });
        _data.Contact(c => c.BirthDate = Today.AddDays(-5).AddYears(-30));

        var first = Process(Today.AddDays(-5));
        var again = Process(Today.AddDays(-5));

        Assert.Equal(1, first[ProcessBirthdays.BonusesOutput]);
        Assert.Equal(0, again[ProcessBirthdays.BonusesOutput]);
        Assert.Equal(1, _crm.Count(LoyaltyTransaction.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseAndGrantNothing_When_TheDateIsBeyondTheProgramsCatchUpDays()
    {
        _data.Program(p => { p.BirthdayBonusPoints = 200; p[LoyaltyProgram.Fields.BirthdayBackfillDays] = 7; });
        _data.Contact(c => c.BirthDate = Today.AddDays(-9).AddYears(-30));

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Process(Today.AddDays(-9)));

        Assert.Contains("up to 7 days back", refusal.Detail.Message);
        Assert.Equal(0, _crm.Count(LoyaltyTransaction.EntityLogicalName));
    }
}
