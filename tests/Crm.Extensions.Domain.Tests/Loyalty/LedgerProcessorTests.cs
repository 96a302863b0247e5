using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Ledger;
using static Crm.Extensions.Domain.Tests.Loyalty.LoyaltyFixture;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class LedgerProcessorTests
{
    [Fact]
    public void Should_VestOnceAndReportNothingTheSecondTime_When_TheBatchIsReplayed()
    {
        var ledger = new List<LedgerEntry>();
        var lot = Pay(ledger, Invoice(Day(2025, 1, 1), 100m)).Single();

        var first = LedgerProcessor.Process(ledger, Day(2025, 1, 15), Program);
        var applied = Apply(ledger, first);
        var second = LedgerProcessor.Process(applied, Day(2025, 1, 15), warningDays: 30);

        Assert.Equal(new[] { lot.Id }, first.VestedLotIds);
        Assert.Empty(second.StatusChanges);
        Assert.Empty(second.ExpiryEntries);
        Assert.Equal(new LedgerBalances(100, 0, 0), second.Balances[Customer]);
    }

    [Fact]
    public void Should_FillInRemainingPointsOnceAndThenNothing_When_LotsWereWrittenBeforeTheLedgerKeptThem()
    {
        var ledger = new List<LedgerEntry>();
        var lot = LedgerReplayTests.Bonus(ledger, "bonus:a", 100, Day(2025, 1, 1), days: 365);
        ledger.Add(LedgerEntries.Redeem(Customer, System.Guid.NewGuid(), 30, Day(2025, 1, 5), "Gift"));

        var first = LedgerProcessor.Process(ledger, Day(2025, 1, 10), warningDays: 30);
        var second = LedgerProcessor.Process(Apply(ledger, first), Day(2025, 1, 10), warningDays: 30);

        var filled = Assert.Single(first.StatusChanges);
        Assert.Equal((lot.Id, LedgerEntryStatus.Available, 70), (filled.EntryId, filled.To, filled.Remaining));
        Assert.Empty(second.StatusChanges);
    }

    [Fact]
    public void Should_NotVestYet_When_TheBatchRunsTheDayBeforeTheReturnWindowCloses()
    {
        var ledger = new List<LedgerEntry>();
        Pay(ledger, Invoice(Day(2025, 1, 1), 100m));

        Assert.Empty(LedgerProcessor.Process(ledger, Day(2025, 1, 14), warningDays: 30).VestedLotIds);
    }

    [Fact]
    public void Should_WriteEachExpiryRowOnce_When_TheBatchRunsAgain()
    {
        var ledger = new List<LedgerEntry>();
        LedgerReplayTests.Bonus(ledger, "bonus:a", 100, Day(2025, 1, 1), days: 30);

        var first = LedgerProcessor.Process(ledger, Day(2025, 2, 1), warningDays: 30);
        var second = LedgerProcessor.Process(Apply(ledger, first), Day(2025, 2, 2), warningDays: 30);

        Assert.Single(first.ExpiryEntries);
        Assert.Empty(second.ExpiryEntries);
        Assert.Empty(second.StatusChanges);
    }

    [Fact]
    public void Should_WarnOncePerLotFromExactlyTheWarningDay_When_PointsAreAboutToExpire()
    {
        var ledger = new List<LedgerEntry>();
        var lot = LedgerReplayTests.Bonus(ledger, "bonus:a", 100, Day(2025, 1, 1), days: 60); // expires 2025-03-02

        var dayBefore = LedgerProcessor.Process(ledger, Day(2025, 1, 31).AddTicks(-1), warningDays: 30);
        var onTheDay = LedgerProcessor.Process(ledger, Day(2025, 1, 31), warningDays: 30);
        var sameDayAgain = LedgerProcessor.Process(ledger, Day(2025, 1, 31), warningDays: 30);
        var afterFlagging = LedgerProcessor.Process(Apply(ledger, onTheDay), Day(2025, 2, 1), warningDays: 30);

        Assert.Empty(dayBefore.Warnings);
        var warning = Assert.Single(onTheDay.Warnings);
        Assert.Equal(Customer, warning.CustomerId);
        Assert.Equal(100, warning.Points);
        Assert.Equal(new[] { lot.Id }, warning.LotIds);
        Assert.Equal(Day(2025, 3, 2), warning.FirstExpiresOn);
        Assert.Contains("2025-03-02", warning.Message.Spanish, System.StringComparison.Ordinal);
        Assert.Equal(warning.TaskKey, sameDayAgain.Warnings.Single().TaskKey);
        Assert.Empty(afterFlagging.Warnings);
    }

    [Fact]
    public void Should_KeepEachCustomersBalanceApart_When_TheBatchCoversSeveralCustomers()
    {
        var ledger = new List<LedgerEntry>();
        Pay(ledger, Invoice(Day(2025, 1, 1), 100m));
        var other = Invoice(Day(2025, 1, 1), 70m) with { CustomerId = System.Guid.NewGuid() };
        Pay(ledger, other);

        var result = LedgerProcessor.Process(ledger, Day(2025, 2, 1), warningDays: 30);

        Assert.Equal(100, result.Balances[Customer].Available);
        Assert.Equal(70, result.Balances[other.CustomerId].Available);
        Assert.Equal(2, result.VestedLotIds.Count());
    }

    /// <summary>What the plugin does with a result: update statuses and remaining points, upsert expiry rows, flag warned lots.</summary>
    private static List<LedgerEntry> Apply(List<LedgerEntry> ledger, LedgerProcessResult result)
    {
        var warned = new HashSet<System.Guid>(result.Warnings.SelectMany(warning => warning.LotIds));
        var changes = result.StatusChanges.ToDictionary(change => change.EntryId);
        return ledger
            .Select(entry => entry with
            {
                Status = changes.TryGetValue(entry.Id, out var change) ? change.To : entry.Status,
                Remaining = changes.TryGetValue(entry.Id, out var kept) ? kept.Remaining : entry.Remaining,
                ExpiryWarned = entry.ExpiryWarned || warned.Contains(entry.Id),
            })
            .Concat(result.ExpiryEntries)
            .ToList();
    }
}
