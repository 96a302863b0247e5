using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Ledger;
using static Crm.Extensions.Domain.Tests.Loyalty.LoyaltyFixture;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class LedgerReplayTests
{
    [Fact]
    public void Should_KeepPointsPendingUntilTheVestInstant_When_TheReturnWindowIsOpen()
    {
        var ledger = new List<LedgerEntry>();
        Pay(ledger, Invoice(Day(2025, 1, 10), 100m));

        var justBefore = BalancesOn(ledger, Day(2025, 1, 24).AddTicks(-1));
        var atVest = BalancesOn(ledger, Day(2025, 1, 24));

        Assert.Equal(new LedgerBalances(0, 100, 0), justBefore);
        Assert.Equal(new LedgerBalances(100, 0, 0), atVest);
    }

    [Fact]
    public void Should_TakeTheOldestExpiringLotFirst_When_PointsAreRedeemed()
    {
        var ledger = new List<LedgerEntry>();
        var january = Pay(ledger, Invoice(Day(2025, 1, 1), 100m)).Single();            // expires 2026-01-15
        var shortBonus = Bonus(ledger, "bonus:spring", 100, Day(2025, 2, 1), days: 60);  // expires 2025-04-02
        var march = Pay(ledger, Invoice(Day(2025, 3, 1), 100m)).Single();              // expires 2026-03-15
        ledger.Add(LedgerEntries.Redeem(Customer, Guid.NewGuid(), 150, Day(2025, 3, 20), "Gift"));

        var lots = LedgerReplay.Replay(ledger, Day(2025, 3, 20)).Lots.ToDictionary(lot => lot.Entry.Id);

        Assert.Equal(0, lots[shortBonus.Id].Remaining);
        Assert.Equal(LedgerEntryStatus.Redeemed, lots[shortBonus.Id].Status);
        Assert.Equal(50, lots[january.Id].Remaining);
        Assert.Equal(100, lots[march.Id].Remaining);
    }

    [Fact]
    public void Should_ExpireWhatIsLeftOfEachLotOldestFirst_When_SeveralLotsExpire()
    {
        var ledger = new List<LedgerEntry>();
        var first = Bonus(ledger, "bonus:a", 100, Day(2025, 1, 1), days: 30);   // expires 2025-01-31
        var second = Bonus(ledger, "bonus:b", 100, Day(2025, 1, 5), days: 60);  // expires 2025-03-06
        var third = Bonus(ledger, "bonus:c", 100, Day(2025, 1, 10), days: 365); // expires 2026-01-10
        ledger.Add(LedgerEntries.Redeem(Customer, Guid.NewGuid(), 130, Day(2025, 1, 20), "Gift"));

        var result = LedgerProcessor.Process(ledger, Day(2025, 3, 10), warningDays: 30);

        Assert.Equal(new[] { second.Id }, result.ExpiryEntries.Select(entry => entry.LotId.GetValueOrDefault()));
        var expiry = result.ExpiryEntries.Single();
        Assert.Equal(-70, expiry.Points);
        Assert.Equal(Day(2025, 3, 6), expiry.OccurredOn);
        Assert.Equal(SourceKeys.Expire(second.Id, Day(2025, 3, 6)), expiry.SourceKey);
        Assert.Contains(result.StatusChanges, change => change.EntryId == first.Id && change.To == LedgerEntryStatus.Redeemed);
        Assert.Contains(result.StatusChanges, change => change.EntryId == second.Id && change.To == LedgerEntryStatus.Expired);
        // The untouched lot is only filled in (its row was written without remaining points): still available, all 100 left.
        Assert.DoesNotContain(result.StatusChanges,
            change => change.EntryId == third.Id && (change.To != LedgerEntryStatus.Available || change.Remaining != 100));
        Assert.Equal(new LedgerBalances(100, 0, 0), result.Balances[Customer]);
    }

    [Fact]
    public void Should_StillBeSpendableJustBeforeExpiry_When_TheExpiryInstantIsExclusive()
    {
        var ledger = new List<LedgerEntry>();
        Bonus(ledger, "bonus:a", 100, Day(2025, 1, 1), days: 30);

        Assert.Equal(100, BalancesOn(ledger, Day(2025, 1, 31).AddTicks(-1)).Available);
        Assert.Equal(0, BalancesOn(ledger, Day(2025, 1, 31)).Available);
    }

    [Fact]
    public void Should_GiveAStableDistinctIdPerKey_When_RowsArePlannedAgain()
    {
        Assert.Equal(DeterministicId.From("earn:x"), DeterministicId.From("earn:x"));
        Assert.NotEqual(DeterministicId.From("earn:x"), DeterministicId.From("earn:y"));
    }

    internal static LedgerEntry Bonus(List<LedgerEntry> ledger, string key, int points, DateTime on, int days)
    {
        var program = new ProgramSettings { Expiry = ExpiryPolicy.AfterDays(days) };
        var entry = LedgerEntries.Bonus(Customer, key, points, on, new LocalizedText("Bonus.", "Bonificación."), program);
        ledger.Add(entry);
        return entry;
    }
}
