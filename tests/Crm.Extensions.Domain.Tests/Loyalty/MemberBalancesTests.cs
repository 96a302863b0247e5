using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Rewards;
using static Crm.Extensions.Domain.Tests.Loyalty.LoyaltyFixture;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class MemberBalancesTests
{
    [Fact]
    public void Should_ReportAvailablePendingAndQualifyingPoints_When_RedemptionsDoNotReduceQualification()
    {
        var ledger = new List<LedgerEntry>();
        Pay(ledger, Invoice(Day(2024, 5, 1), 1_000m));                                // outside the window on 2025-06-01
        Pay(ledger, Invoice(Day(2025, 1, 1), 300m));
        Pay(ledger, Invoice(Day(2025, 5, 25), 40m));                                  // still pending on 2025-06-01
        ledger.Add(LedgerEntries.Redeem(Customer, Guid.NewGuid(), 1_200, Day(2025, 2, 1), "Trip"));

        var balances = MemberBalances.From(ledger, Day(2025, 6, 1), Program);

        Assert.Equal(new MemberBalances(100, 40, 340, 0), balances);
    }

    [Fact]
    public void Should_RefuseTheSecondRedemption_When_TwoRedemptionsCompeteForOneBalance()
    {
        var ledger = new List<LedgerEntry>();
        Pay(ledger, Invoice(Day(2025, 1, 1), 600m));
        var reward = new CatalogReward(Guid.NewGuid(), "Voucher", RewardKind.FixedVoucher, 500);
        using var codes = new VoucherCodeGenerator();
        var asOf = Day(2025, 2, 1);

        var first = RedemptionPlanner.Plan(reward, new RedeemingMember(Customer, null, BalancesOn(ledger, asOf).Available, 0),
            Guid.NewGuid(), asOf, codes);
        ledger.Add(first.RedeemEntry);
        var second = RedemptionCheck.Check(reward, new RedeemingMember(Customer, null, BalancesOn(ledger, asOf).Available, 1), asOf);

        Assert.Equal(RedemptionRefusalCode.InsufficientBalance, Assert.Single(second).Code);
    }
}
