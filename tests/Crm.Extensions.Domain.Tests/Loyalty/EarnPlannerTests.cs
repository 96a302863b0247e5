using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Ledger;
using static Crm.Extensions.Domain.Tests.Loyalty.LoyaltyFixture;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class EarnPlannerTests
{
    [Fact]
    public void Should_EarnFlooredPointsPerLine_When_AnInvoiceIsPaid()
    {
        var ledger = new List<LedgerEntry>();
        var invoice = Invoice(Day(2025, 1, 10), 10.99m, 100m);

        var earned = Pay(ledger, invoice, multiplier: 1.5m);

        Assert.Equal(new[] { 16, 150 }, earned.Select(entry => entry.Points));
        Assert.Equal("earn:" + invoice.Lines[0].LineId.ToString("D"), earned[0].SourceKey);
        Assert.All(earned, entry => Assert.Equal(LedgerEntryStatus.Pending, entry.Status));
        Assert.All(earned, entry => Assert.True(entry.IsQualifying));
        Assert.Equal(Day(2025, 1, 24), earned[0].VestsOn);
        Assert.Equal(Day(2026, 1, 24), earned[0].ExpiresOn);
        Assert.Equal(1.5m, earned[1].EarnRate);
    }

    [Fact]
    public void Should_EarnNothing_When_TheLineFamilyIsExcluded()
    {
        var program = new ProgramSettings { ExcludedFamilyIds = new[] { Family } };

        var earned = Pay(new List<LedgerEntry>(), Invoice(Day(2025, 1, 10), 500m), program);

        Assert.Empty(earned);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-25)]
    public void Should_EarnNothing_When_TheLineAmountIsNotPositive(int amount)
    {
        Assert.Equal(0, EarnPlanner.PointsFor(amount, 1m, 2m));
    }

    [Fact]
    public void Should_WriteNoSecondEntry_When_TheSamePaidInvoiceIsReplayed()
    {
        var ledger = new List<LedgerEntry>();
        var invoice = Invoice(Day(2025, 1, 10), 40m, 60m);
        Pay(ledger, invoice);

        var replay = Pay(ledger, invoice);

        Assert.Empty(replay);
        Assert.Equal(100, BalancesOn(ledger, Day(2025, 1, 10)).Pending);
    }

    [Fact]
    public void Should_AwardOnlyUpToTheCapAndSaySo_When_APaidInvoiceWouldExceedIt()
    {
        var program = new ProgramSettings { MaxBalance = 100 };
        var ledger = new List<LedgerEntry>();
        Pay(ledger, Invoice(Day(2025, 1, 10), 90m), program);

        var plan = EarnPlanner.Plan(Invoice(Day(2025, 2, 1), 30m, 20m), program, 1m, ledger);

        Assert.Equal(new[] { 10 }, plan.Entries.Select(entry => entry.Points));
        Assert.NotNull(plan.CapNotice);
        Assert.Contains("40 points were not awarded", plan.CapNotice!.English, StringComparison.Ordinal);
        Assert.Contains("No se otorgaron 40 puntos", plan.CapNotice.Spanish, StringComparison.Ordinal);
        Assert.Contains("limited to 10 points", plan.Entries[0].Reason.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseInBothLanguages_When_ABonusWouldExceedTheBalanceCap()
    {
        var program = new ProgramSettings { MaxBalance = 100 };
        var ledger = new List<LedgerEntry>();
        Pay(ledger, Invoice(Day(2025, 1, 10), 90m), program);
        var balances = BalancesOn(ledger, Day(2025, 2, 1));

        var refusal = Assert.Throws<BusinessRuleException>(() => BalanceCap.EnsureRoom(balances, program.MaxBalance, 11));

        Assert.Contains("above the program maximum of 100", refusal.Text.English, StringComparison.Ordinal);
        Assert.Contains("Add at most 10 points", refusal.Text.English, StringComparison.Ordinal);
        Assert.Contains("por encima del máximo del programa, 100", refusal.Text.Spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_AcceptACreditThatExactlyFills_When_TheCapIsReached()
    {
        var balances = new LedgerBalances(60, 30, 0);

        BalanceCap.EnsureRoom(balances, 100, 10);

        Assert.Equal(0, BalanceCap.RoomFor(balances with { Available = 70 }, 100));
        Assert.Equal(int.MaxValue, BalanceCap.RoomFor(balances, null));
    }
}
