using System;
using System.Linq;
using Crm.Extensions.Domain.Lifecycle;

namespace Crm.Extensions.Domain.Tests.Lifecycle;

public sealed class PurchaseFactsTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private static readonly LifecycleThresholds Defaults = LifecycleThresholds.Default;

    [Fact]
    public void Should_CountTheInvoiceOnce_When_TheSamePaymentArrivesTwice()
    {
        var invoice = Guid.NewGuid();

        var facts = PurchaseFacts.None.WithPaid(invoice, Now, Defaults).WithPaid(invoice, Now.AddMinutes(1), Defaults);

        Assert.Equal(1, facts.TotalPaid);
        Assert.True(facts.Counts(invoice));
        Assert.Single(facts.Recent);
    }

    [Fact]
    public void Should_GiveTheSameFactsAsTheInvoiceHistory_When_InvoicesArePaidOneByOne()
    {
        var paid = new[] { Now.AddMonths(-14), Now.AddMonths(-6), Now.AddDays(-3) }.Select(on => new PaidPurchase(Guid.NewGuid(), on))
            .ToList();

        var incremental = paid.Aggregate(PurchaseFacts.None,
            (facts, purchase) => facts.WithPaid(purchase.InvoiceId, purchase.PaidOnUtc, Defaults));
        var fromHistory = PurchaseFacts.FromHistory(paid, null, Now, Defaults);

        Assert.Equal(fromHistory.ToLifecycleFacts(Now, Defaults), incremental.ToLifecycleFacts(Now, Defaults));
        Assert.Equal(new CustomerLifecycleFacts(3, 2, Now.AddDays(-3), null), incremental.ToLifecycleFacts(Now, Defaults));
    }

    [Fact]
    public void Should_CountAnInvoicePaidExactlyAWindowAgo_When_TheWindowEdgeIsReached()
    {
        var facts = PurchaseFacts.FromHistory(
            new[] { new PaidPurchase(Guid.NewGuid(), Now.AddMonths(-12)), new PaidPurchase(Guid.NewGuid(), Now) }, null, Now, Defaults);

        Assert.Equal(2, facts.ToLifecycleFacts(Now, Defaults).PaidPurchasesInLoyalWindow);
        Assert.Equal(1, facts.ToLifecycleFacts(Now.AddDays(1), Defaults).PaidPurchasesInLoyalWindow);
    }

    [Fact]
    public void Should_KeepTheLatestPurchaseDate_When_ItIsOlderThanTheWindow()
    {
        var last = Now.AddMonths(-20);

        var facts = PurchaseFacts.FromHistory(
            new[] { new PaidPurchase(Guid.NewGuid(), Now.AddMonths(-30)), new PaidPurchase(Guid.NewGuid(), last) }, 9, Now, Defaults);

        var lifecycle = facts.ToLifecycleFacts(Now, Defaults);
        Assert.Equal(new CustomerLifecycleFacts(2, 0, last, 9), lifecycle);
        Assert.Single(facts.Recent);
    }

    [Fact]
    public void Should_ReadBackWhatItStored_When_TheRecentInvoicesAreFormatted()
    {
        var facts = PurchaseFacts.FromHistory(
            new[] { new PaidPurchase(Guid.NewGuid(), Now.AddDays(-40)), new PaidPurchase(Guid.NewGuid(), Now) }, null, Now, Defaults);

        var read = PurchaseFacts.ParseRecent(facts.FormatRecent());

        Assert.Equal(facts.Recent, read);
    }

    [Fact]
    public void Should_SkipALineThatIsNotAnInvoiceAndADate_When_TheStoredTextWasEditedByHand()
    {
        var invoice = Guid.NewGuid();

        var read = PurchaseFacts.ParseRecent("garbage\n" + invoice.ToString("D") + "|2026-11-20T09:00:00.0000000Z\nx|y\n");

        var purchase = Assert.Single(read);
        Assert.Equal(new PaidPurchase(invoice, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc)), purchase);
    }

    [Fact]
    public void Should_KeepTheNewestInvoicesWithinTheColumnSize_When_TheWindowHoldsTooManyToStore()
    {
        var paid = Enumerable.Range(0, 2000).Select(i => new PaidPurchase(Guid.NewGuid(), Now.AddMinutes(-i))).ToList();

        var text = PurchaseFacts.FromHistory(paid, null, Now, Defaults).FormatRecent();

        Assert.True(text.Length <= PurchaseFacts.MaxStoredLength);
        Assert.Contains(paid[0].InvoiceId.ToString("D"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(paid[1999].InvoiceId.ToString("D"), text, StringComparison.Ordinal);
    }
}
