using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Ledger;
using static Crm.Extensions.Domain.Tests.Loyalty.LoyaltyFixture;

namespace Crm.Extensions.Domain.Tests.Loyalty;

/// <summary>
/// A ledger row stores its reason in English only; LedgerReasons gives the statement the Spanish sentence back. Every reason
/// the product words is built here by its own factory, so a template that drifts from its factory fails.
/// </summary>
public sealed class LedgerReasonsTests
{
    private static readonly ProgramSettings Program = new();

    public static TheoryData<string> ProductReasons()
    {
        var invoice = new PaidInvoice(Guid.NewGuid(), Customer, Day(2025, 3, 1), new List<PaidInvoiceLine>());
        var line = new PaidInvoiceLine(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 120m);
        var earned = LedgerEntries.Earn(invoice, line, 120, 1m, Program, capped: false);
        var entries = new[]
        {
            earned,
            LedgerEntries.Earn(invoice, line, 80, 1m, Program, capped: true),
            LedgerEntries.Reverse(earned, "return:1", 120, 120m, Day(2025, 3, 5)),
            LedgerEntries.Redeem(Customer, Guid.NewGuid(), 300, Day(2025, 4, 1), "Spa \"Deluxe\" day"),
            LedgerEntries.Refund(Customer, Guid.NewGuid(), 300, Day(2025, 4, 2), "Spa day", Program),
            LedgerEntries.Expire(earned, 120, Day(2026, 3, 1)),
            BonusPlanner.Birthday(Customer, 2025, 50, Day(2025, 5, 5), Program, Array.Empty<LedgerEntry>())!,
        };
        var data = new TheoryData<string>();
        foreach (var entry in entries) data.Add(entry.Reason.English + "|" + entry.Reason.Spanish);
        return data;
    }

    [Theory]
    [MemberData(nameof(ProductReasons))]
    public void Should_GiveTheProductsOwnSpanishSentence_When_TheStoredReasonIsOneTheProductWrote(string reason)
    {
        var parts = reason.Split('|');

        Assert.Equal(new LocalizedText(parts[0], parts[1]), LedgerReasons.Localize(parts[0]));
    }

    [Fact]
    public void Should_ShowTheTextAsTyped_When_TheReasonIsAnAdjustmentNote()
    {
        const string note = "Goodwill after the delayed delivery.";

        Assert.Equal(new LocalizedText(note, note), LedgerReasons.Localize(note));
    }

    [Fact]
    public void Should_NotMatchATemplate_When_TheSentenceOnlyStartsLikeOne()
    {
        const string note = "Purchase on invoice line. Checked by hand.";

        Assert.Equal(note, LedgerReasons.Localize(note).Spanish);
    }
}
