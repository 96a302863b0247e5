using System;
using Crm.Extensions.Application.Intimacy;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Workflows.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Tests.Intimacy;

public sealed class IsBirthdayTodayTests
{
    private readonly WorkflowRunner _workflow = new();

    private BirthdayToday Check(EntityReference? contact)
        => _workflow.Run(context => Application.Intimacy.IsBirthdayToday.Run(context, context.Workflow.UserId, contact));

    private void SetUserTimeZone(int code) =>
        _workflow.Crm.Service.Update(
            new Entity(UserSettings.EntityLogicalName, _workflow.UserId) { [UserSettings.Fields.TimeZoneCode] = code });

    [Fact]
    public void Should_AnswerTrueWithTheAge_When_TheContactWasBornOnThisDayOfTheWorkflowClock()
    {
        _workflow.Crm.Clock.Set(new DateTime(2025, 3, 10, 12, 0, 0, DateTimeKind.Utc));
        var contact = _workflow.Data.Contact(c => c.BirthDate = new DateTime(1990, 3, 10));

        var answer = Check(contact.ToEntityReference());

        Assert.True(answer.IsBirthday);
        Assert.Equal(35, answer.Age);
    }

    [Fact]
    public void Should_AnswerFalseWithTheCurrentAge_When_TheBirthdayIsTomorrow()
    {
        _workflow.Crm.Clock.Set(new DateTime(2025, 3, 9, 12, 0, 0, DateTimeKind.Utc));
        var contact = _workflow.Data.Contact(c => c.BirthDate = new DateTime(1990, 3, 10));

        var answer = Check(contact.ToEntityReference());

        Assert.False(answer.IsBirthday);
        Assert.Equal(34, answer.Age);
    }

    [Fact]
    public void Should_GreetOnTheTwentyEighth_When_BornOnLeapDayInACommonYear()
    {
        _workflow.Crm.Clock.Set(new DateTime(2025, 2, 28, 12, 0, 0, DateTimeKind.Utc));
        var contact = _workflow.Data.Contact(c => c.BirthDate = new DateTime(2000, 2, 29));

        var answer = Check(contact.ToEntityReference());

        Assert.True(answer.IsBirthday);
        Assert.Equal(25, answer.Age);
    }

    [Fact]
    public void Should_UseUtc_When_TheUserHasNoTimeZone()
    {
        _workflow.Crm.Clock.Set(new DateTime(2025, 3, 10, 23, 30, 0, DateTimeKind.Utc));
        var contact = _workflow.Data.Contact(c => c.BirthDate = new DateTime(1990, 3, 10));

        Assert.True(Check(contact.ToEntityReference()).IsBirthday);
    }

    [Fact]
    public void Should_UseTheUsersDate_When_TheirTimeZoneIsAlreadyTomorrow()
    {
        _workflow.Crm.Clock.Set(new DateTime(2025, 3, 9, 20, 0, 0, DateTimeKind.Utc));
        SetUserTimeZone(235);
        var contact = _workflow.Data.Contact(c => c.BirthDate = new DateTime(1990, 3, 10));

        var answer = Check(contact.ToEntityReference());

        Assert.True(answer.IsBirthday);
        Assert.Equal(35, answer.Age);
    }

    [Fact]
    public void Should_AnswerFalseWithAgeZero_When_TheContactHasNoBirthDate()
    {
        var contact = _workflow.Data.Contact();

        var answer = Check(contact.ToEntityReference());

        Assert.False(answer.IsBirthday);
        Assert.Equal(0, answer.Age);
    }

    [Fact]
    public void Should_RefuseWithAClearMessage_When_NoContactIsGiven()
    {
        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Check(null));

        Assert.Equal(Application.Intimacy.IsBirthdayToday.ContactRequired.English, refusal.Message);
    }

    [Fact]
    public void Should_RefuseWithAClearMessage_When_TheRecordIsNotAContact()
    {
        var account = _workflow.Data.Account();

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Check(account.ToEntityReference()));

        Assert.Equal(Application.Intimacy.IsBirthdayToday.ContactRequired.English, refusal.Message);
    }
}
