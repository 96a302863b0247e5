using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Ledger;
using static Crm.Extensions.Domain.Tests.Loyalty.LoyaltyFixture;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class ReturnPlannerTests
{
    [Fact]
    public void Should_CancelOnlyThatInvoicesPendingPoints_When_ItIsCancelledInsideTheReturnWindow()
    {
        var ledger = new List<LedgerEntry>();
        Pay(ledger, Invoice(Day(2025, 1, 1), 100m));
        var second = Invoice(Day(2025, 3, 1), 30m, 20m);
        var secondLots = Pay(ledger, second);

        var reversals = ReturnPlanner.PlanCancellation(second.InvoiceId, ledger, Day(2025, 3, 5));
        ledger.AddRange(reversals);

        Assert.Equal(new[] { -30, -20 }, reversals.Select(entry => entry.Points));
        Assert.Equal("reverse:" + second.Lines[0].LineId.ToString("D"), reversals[0].SourceKey);
        Assert.Equal(new LedgerBalances(100, 0, 0), BalancesOn(ledger, Day(2025, 3, 5)));
        Assert.All(secondLots, lot => Assert.Equal(LedgerEntryStatus.Reversed, Lot(ledger, Day(2025, 3, 5), lot.Id).Status));
    }

    [Fact]
    public void Should_WriteNothing_When_TheCancellationIsReplayed()
    {
        var ledger = new List<LedgerEntry>();
        var invoice = Invoice(Day(2025, 1, 1), 30m, 20m);
        Pay(ledger, invoice);
        ledger.AddRange(ReturnPlanner.PlanCancellation(invoice.InvoiceId, ledger, Day(2025, 1, 3)));

        Assert.Empty(ReturnPlanner.PlanCancellation(invoice.InvoiceId, ledger, Day(2025, 1, 3)));
        Assert.Equal(LedgerBalances.Empty, BalancesOn(ledger, Day(2025, 1, 3)));
    }

    [Fact]
    public void Should_TakeOtherUnvestedPointsBeforeAvailableOnes_When_TheReturnedLineWasAlreadySpent()
    {
        var ledger = new List<LedgerEntry>();
        var january = Invoice(Day(2025, 1, 1), 100m);
        Pay(ledger, january);                                                          // vests 2025-01-15
        var bonus = LedgerReplayTests.Bonus(ledger, "bonus:welcome", 50, Day(2025, 2, 1), days: 365);
        ledger.Add(LedgerEntries.Redeem(Customer, Guid.NewGuid(), 100, Day(2025, 2, 10), "Gift")); // the January lot expires first
        var march = Pay(ledger, Invoice(Day(2025, 3, 1), 80m)).Single();             // pending until 2025-03-15

        ledger.AddRange(ReturnPlanner.PlanCancellation(january.InvoiceId, ledger, Day(2025, 3, 5)));

        var asOf = Day(2025, 3, 5);
        Assert.Equal(0, Lot(ledger, asOf, march.Id).Remaining);
        Assert.Equal(30, Lot(ledger, asOf, bonus.Id).Remaining);
        Assert.Equal(new LedgerBalances(30, 0, 0), BalancesOn(ledger, asOf));
    }

    /// <summary>
    /// The decision: a return never leaves the customer with points bought by goods they gave back. When the
    /// returned line's points were already redeemed and nothing else covers them, the balance goes negative and
    /// the next vesting points pay the debt (Square's allow_negative_balance, Siebel's point "loan").
    /// </summary>
    [Fact]
    public void Should_LetTheBalanceGoNegativeUntilNewPointsVest_When_APartialReturnFollowsAPartialRedemption()
    {
        var ledger = new List<LedgerEntry>();
        var invoice = Invoice(Day(2025, 1, 1), 100m, 50m);
        Pay(ledger, invoice);
        ledger.Add(LedgerEntries.Redeem(Customer, Guid.NewGuid(), 120, Day(2025, 2, 1), "Gift"));

        var reversal = ReturnPlanner.PlanPartialReturn(invoice.Lines[0].LineId, Guid.NewGuid(), 60m, ledger, Day(2025, 2, 5));
        ledger.Add(reversal!);

        Assert.Equal(-60, reversal!.Points);
        Assert.Equal(new LedgerBalances(-30, 0, 30), BalancesOn(ledger, Day(2025, 2, 5)));

        var next = Pay(ledger, Invoice(Day(2025, 2, 10), 50m)).Single();            // vests 2025-02-24
        Assert.Equal(new LedgerBalances(-30, 50, 30), BalancesOn(ledger, Day(2025, 2, 23)));
        Assert.Equal(new LedgerBalances(20, 0, 0), BalancesOn(ledger, Day(2025, 2, 24)));
        Assert.Equal(20, Lot(ledger, Day(2025, 2, 24), next.Id).Remaining);
    }

    [Fact]
    public void Should_ReverseExactlyToThePoint_When_ALineIsReturnedInSeveralParts()
    {
        var ledger = new List<LedgerEntry>();
        var invoice = Invoice(Day(2025, 1, 1), 100m);
        var line = invoice.Lines[0].LineId;
        Pay(ledger, invoice, multiplier: 1.5m);                                        // 150 points
        var firstReturn = Guid.NewGuid();

        var first = ReturnPlanner.PlanPartialReturn(line, firstReturn, 30m, ledger, Day(2025, 1, 3))!;
        ledger.Add(first);
        var replayed = ReturnPlanner.PlanPartialReturn(line, firstReturn, 30m, ledger, Day(2025, 1, 3));
        var second = ReturnPlanner.PlanPartialReturn(line, Guid.NewGuid(), 70m, ledger, Day(2025, 1, 6))!;
        ledger.Add(second);

        Assert.Equal(-45, first.Points);                                                // keeps floor(70 × 1.5) = 105
        Assert.Null(replayed);
        Assert.Equal(-105, second.Points);
        Assert.Equal(LedgerBalances.Empty, BalancesOn(ledger, Day(2025, 1, 6)));
    }

    [Fact]
    public void Should_ReverseNothing_When_TheReturnedLineEarnedNoPoints()
    {
        var ledger = new List<LedgerEntry>();
        var invoice = Invoice(Day(2025, 1, 1), 0m);
        Pay(ledger, invoice);

        Assert.Empty(ReturnPlanner.PlanCancellation(invoice.InvoiceId, ledger, Day(2025, 1, 2)));
        Assert.Null(ReturnPlanner.PlanPartialReturn(invoice.Lines[0].LineId, Guid.NewGuid(), 1m, ledger, Day(2025, 1, 2)));
    }

    [Fact]
    public void Should_ReverseOnlyWhatIsLeft_When_AnInvoiceIsCancelledAfterAPartialReturn()
    {
        var ledger = new List<LedgerEntry>();
        var invoice = Invoice(Day(2025, 1, 1), 100m);
        Pay(ledger, invoice);
        ledger.Add(ReturnPlanner.PlanPartialReturn(invoice.Lines[0].LineId, Guid.NewGuid(), 25m, ledger, Day(2025, 1, 2))!);

        var rest = Assert.Single(ReturnPlanner.PlanCancellation(invoice.InvoiceId, ledger, Day(2025, 1, 3)));

        Assert.Equal(-75, rest.Points);
        Assert.Equal(75m, rest.BaseAmount);
    }

    [Fact]
    public void Should_RefuseInBothLanguages_When_TheReturnedAmountIsNegative()
    {
        var refusal = Assert.Throws<BusinessRuleException>(() =>
            ReturnPlanner.PlanPartialReturn(Guid.NewGuid(), Guid.NewGuid(), -1m, new List<LedgerEntry>(), Day(2025, 1, 1)));

        Assert.Equal("El importe devuelto no puede ser negativo.", refusal.Text.Spanish);
    }
}
