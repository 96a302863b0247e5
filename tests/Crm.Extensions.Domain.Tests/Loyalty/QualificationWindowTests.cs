using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Tiers;
using static Crm.Extensions.Domain.Tests.Loyalty.LoyaltyFixture;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class QualificationWindowTests
{
    private static readonly DateTime AsOf = Day(2025, 6, 1);

    [Fact]
    public void Should_CountAPurchase_When_ItWasPaidExactlyOneWindowAgo()
    {
        Assert.True(QualificationWindow.Contains(Day(2024, 6, 1), AsOf, 12));
        Assert.True(QualificationWindow.Contains(AsOf, AsOf, 12));
    }

    [Fact]
    public void Should_IgnoreAPurchase_When_ItWasPaidOneTickBeforeTheWindowOrAfterTheEvaluation()
    {
        Assert.False(QualificationWindow.Contains(Day(2024, 6, 1).AddTicks(-1), AsOf, 12));
        Assert.False(QualificationWindow.Contains(AsOf.AddTicks(1), AsOf, 12));
    }

    [Fact]
    public void Should_MeasureSpendTransactionsAndNetQualifyingPoints_When_PurchasesFallInAndOutOfTheWindow()
    {
        var ledger = new List<LedgerEntry>();
        var old = Invoice(Day(2024, 5, 31), 400m);
        var kept = Invoice(Day(2024, 6, 1), 300m);
        var returned = Invoice(Day(2025, 3, 1), 200m);
        Pay(ledger, old);
        Pay(ledger, kept);
        Pay(ledger, returned);
        ledger.Add(ReturnPlanner.PlanPartialReturn(returned.Lines[0].LineId, Guid.NewGuid(), 50m, ledger, Day(2025, 3, 5))!);
        var purchases = new[]
        {
            new PurchaseActivity(old.InvoiceId, old.PaidOn, 400m),
            new PurchaseActivity(kept.InvoiceId, kept.PaidOn, 300m),
            new PurchaseActivity(returned.InvoiceId, returned.PaidOn, 150m),
        };

        var measures = QualificationWindow.Measure(purchases, ledger, AsOf, 12);

        Assert.Equal(450m, measures.Spend);
        Assert.Equal(2, measures.TransactionCount);
        Assert.Equal(450, measures.QualifyingPoints);
        Assert.Equal(450, QualificationWindow.QualifyingPoints(ledger.Where(entry => entry.Kind != LedgerEntryKind.Redeem), AsOf, 12));
    }
}
