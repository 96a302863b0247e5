using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Ledger;
using static Crm.Extensions.Domain.Tests.Loyalty.LoyaltyFixture;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class BonusPlannerTests
{
    [Fact]
    public void Should_CreditTheBirthdayOncePerYear_When_TheBatchRunsTwice()
    {
        var ledger = new List<LedgerEntry>();

        var first = BonusPlanner.Birthday(Customer, 2025, 200, Day(2025, 4, 2), Program, ledger)!;
        ledger.Add(first);
        var again = BonusPlanner.Birthday(Customer, 2025, 200, Day(2025, 4, 3), Program, ledger);

        Assert.Equal($"birthday:{Customer}:2025", first.SourceKey);
        Assert.False(first.IsQualifying);
        Assert.Null(again);
        Assert.Equal(200, BalancesOn(ledger, Day(2025, 4, 3)).Available);
    }

    [Fact]
    public void Should_RefuseTheWholeBonus_When_ItWouldExceedTheBalanceCap()
    {
        var program = new ProgramSettings { MaxBalance = 250 };
        var ledger = new List<LedgerEntry> {
            BonusPlanner.Birthday(Customer, 2024, 200, Day(2024, 4, 2), program, new List<LedgerEntry>())! };

        var refusal = Assert.Throws<BusinessRuleException>(
            () => BonusPlanner.Birthday(Customer, 2025, 100, Day(2025, 1, 2), program, ledger));

        Assert.Contains("Add at most 50 points", refusal.Text.English, StringComparison.Ordinal);
        Assert.Contains("Sume como mucho 50 puntos", refusal.Text.Spanish, StringComparison.Ordinal);
    }
}
