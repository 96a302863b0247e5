using System;
using System.Linq;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.Domain.Tests.Common;

namespace Crm.Extensions.Domain.Tests.Intimacy;

public sealed class BirthdayTests
{
    private static readonly DateTime LeapDayBirth = new(2000, 2, 29);

    [Fact]
    public void Should_CelebrateOnTheTwentyEighth_When_ALeapDayBabyMeetsANonLeapYear()
    {
        Assert.True(BirthdayCalendar.IsBirthday(LeapDayBirth, new DateTime(2027, 2, 28)));
        Assert.False(BirthdayCalendar.IsBirthday(LeapDayBirth, new DateTime(2027, 3, 1)));
    }

    [Fact]
    public void Should_CelebrateOnTheTwentyNinth_When_TheYearIsLeap()
    {
        Assert.True(BirthdayCalendar.IsBirthday(LeapDayBirth, new DateTime(2028, 2, 29)));
        Assert.False(BirthdayCalendar.IsBirthday(LeapDayBirth, new DateTime(2028, 2, 28)));
    }

    [Fact]
    public void Should_TurnAYearOlderOnTheGreetingDay_When_BornOnALeapDay()
    {
        Assert.Equal(26, BirthdayCalendar.AgeOn(LeapDayBirth, new DateTime(2027, 2, 27)));
        Assert.Equal(27, BirthdayCalendar.AgeOn(LeapDayBirth, new DateTime(2027, 2, 28)));
        Assert.Equal(28, BirthdayCalendar.AgeOn(LeapDayBirth, new DateTime(2028, 2, 29)));
    }

    [Fact]
    public void Should_CountWholeYears_When_TheBirthdayHasNotComeYet()
    {
        Assert.Equal(35, BirthdayCalendar.AgeOn(new DateTime(1990, 12, 1), new DateTime(2026, 11, 30)));
        Assert.Equal(36, BirthdayCalendar.AgeOn(new DateTime(1990, 12, 1), new DateTime(2026, 12, 1)));
    }

    [Fact]
    public void Should_HandleTheFirstYear_When_TheContactIsABaby()
    {
        Assert.True(BirthdayCalendar.IsBirthday(new DateTime(2026, 1, 1), new DateTime(2027, 1, 1)));
        Assert.Equal(0, BirthdayCalendar.AgeOn(new DateTime(2026, 1, 1), new DateTime(2026, 6, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => BirthdayCalendar.AgeOn(new DateTime(2027, 1, 1), new DateTime(2026, 1, 1)));
    }

    [Fact]
    public void Should_UseTheUsersDate_When_UtcIsStillYesterday()
    {
        // 23:30 UTC on 27 Feb is already 28 Feb in Madrid (UTC+1 in winter).
        var clock = FixedClock.At(2027, 2, 27, 23, 30);
        var madrid = TimeZoneInfo.CreateCustomTimeZone("Test+1", TimeSpan.FromHours(1), "Test+1", "Test+1");

        Assert.Equal(new DateTime(2027, 2, 28), BirthdayCalendar.LocalToday(clock, madrid));
        Assert.Equal(new DateTime(2027, 2, 27), BirthdayCalendar.LocalToday(clock, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Should_PickOnlyTodaysBirthdaysWithAgeAndKey_When_ProcessingContacts()
    {
        var clock = FixedClock.At(2027, 2, 28, 8);
        var owner = new Guid("00000000-0000-0000-0000-00000000000a");
        var leap = new Guid("11111111-1111-1111-1111-111111111111");
        var contacts = new[]
        {
            new BirthdayContact(leap, owner, LeapDayBirth),
            new BirthdayContact(Guid.NewGuid(), owner, new DateTime(1980, 3, 1)),
            new BirthdayContact(Guid.NewGuid(), owner, null),
        };

        var greeting = Assert.Single(BirthdayGreetings.On(contacts, BirthdayCalendar.LocalToday(clock, TimeZoneInfo.Utc)));

        Assert.Equal(new BirthdayGreeting(leap, owner, 27, "birthday:11111111-1111-1111-1111-111111111111:2027"), greeting);
    }

    [Fact]
    public void Should_GiveOneKeyPerContactAndYear_When_TheFlowRunsTwice()
    {
        var contact = Guid.NewGuid();

        Assert.Equal(BirthdayGreetings.BonusKey(contact, 2026), BirthdayGreetings.BonusKey(contact, 2026));
        Assert.NotEqual(BirthdayGreetings.BonusKey(contact, 2026), BirthdayGreetings.BonusKey(contact, 2027));
    }

    [Fact]
    public void Should_OrderGreetingsByOwner_When_SeveralOwnersHaveBirthdays()
    {
        var clock = FixedClock.At(2026, 5, 5);
        var ownerB = new Guid("00000000-0000-0000-0000-00000000000b");
        var ownerA = new Guid("00000000-0000-0000-0000-00000000000a");
        var contacts = new[]
        {
            new BirthdayContact(Guid.NewGuid(), ownerB, new DateTime(1970, 5, 5)),
            new BirthdayContact(Guid.NewGuid(), ownerA, new DateTime(1971, 5, 5)),
        };

        var owners = BirthdayGreetings.On(contacts, BirthdayCalendar.LocalToday(clock, TimeZoneInfo.Utc)).Select(g => g.OwnerId).ToList();

        Assert.Equal(new[] { ownerA, ownerB }, owners);
    }

    [Fact]
    public void Should_GroupOneTaskPerOwnerWithADailyKey_When_SeveralContactsShareAnOwner()
    {
        var day = new DateTime(2026, 5, 5);
        var ownerA = new Guid("00000000-0000-0000-0000-00000000000a");
        var ownerB = new Guid("00000000-0000-0000-0000-00000000000b");
        var contacts = new[]
        {
            new BirthdayContact(Guid.NewGuid(), ownerB, new DateTime(1970, 5, 5)),
            new BirthdayContact(Guid.NewGuid(), ownerA, new DateTime(1971, 5, 5)),
            new BirthdayContact(Guid.NewGuid(), ownerA, new DateTime(1972, 5, 5)),
        };

        var tasks = BirthdayGreetings.TasksByOwner(BirthdayGreetings.On(contacts, day), day);

        Assert.Equal(new[] { 2, 1 }, tasks.Select(t => t.Greetings.Count).ToArray());
        Assert.Equal("birthday-greetings:00000000-0000-0000-0000-00000000000a:2026-05-05", tasks[0].TaskKey);
        Assert.NotEqual(tasks[0].TaskKey, BirthdayGreetings.TaskKey(ownerA, day.AddDays(1)));
    }

    [Fact]
    public void Should_UseTheLedgersSourceKey_When_AskingForTheBonus()
    {
        var contact = Guid.NewGuid();

        Assert.Equal(Crm.Extensions.Domain.Loyalty.Ledger.SourceKeys.Birthday(contact, 2026), BirthdayGreetings.BonusKey(contact, 2026));
    }
}
