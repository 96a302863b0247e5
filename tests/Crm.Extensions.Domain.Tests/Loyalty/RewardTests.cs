using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Rewards;
using static Crm.Extensions.Domain.Tests.Loyalty.LoyaltyFixture;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class RewardTests
{
    private static readonly CatalogReward Lounge = new(Guid.NewGuid(), "VIP lounge", RewardKind.EventInvitation, 500)
    {
        MinimumTierRank = 2,
        PerMemberLimit = 1,
        ValidFrom = Day(2025, 1, 1),
        ValidUntil = Day(2025, 12, 31),
    };

    [Fact]
    public void Should_AllowTheRedemption_When_EveryConditionHolds()
    {
        Assert.Empty(RedemptionCheck.Check(Lounge, new RedeemingMember(Customer, 2, 500, 0), Day(2025, 6, 1)));
    }

    [Fact]
    public void Should_ReturnEveryRefusalWithItsOwnMessage_When_SeveralConditionsFail()
    {
        var inactive = Lounge with { IsActive = false };

        var refusals = RedemptionCheck.Check(inactive, new RedeemingMember(Customer, 1, 499, 1), Day(2026, 1, 1));

        Assert.Equal(
            new[] { RedemptionRefusalCode.Inactive, RedemptionRefusalCode.Expired, RedemptionRefusalCode.TierTooLow,
                RedemptionRefusalCode.InsufficientBalance, RedemptionRefusalCode.LimitReached },
            refusals.Select(refusal => refusal.Code));
        Assert.Equal(refusals.Count, refusals.Select(refusal => refusal.Message.English).Distinct().Count());
        Assert.Equal(refusals.Count, refusals.Select(refusal => refusal.Message.Spanish).Distinct().Count());
        Assert.Contains("costs 500 points; the customer has 499 available", refusals[3].Message.English, StringComparison.Ordinal);
        Assert.Contains("cuesta 500 puntos; el cliente tiene 499 disponibles", refusals[3].Message.Spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseAsOutOfStockInBothLanguages_When_NoUnitIsLeft()
    {
        var refusal = Assert.Single(
            RedemptionCheck.Check(Lounge with { Stock = 0 }, new RedeemingMember(Customer, 2, 500, 0), Day(2025, 6, 1)));

        Assert.Equal(RedemptionRefusalCode.OutOfStock, refusal.Code);
        Assert.Equal("The reward \"VIP lounge\" is out of stock: every unit has been redeemed.", refusal.Message.English);
        Assert.Equal("La recompensa \"VIP lounge\" está agotada: se han canjeado todas sus unidades.", refusal.Message.Spanish);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    public void Should_AllowTheRedemption_When_TheStockIsUnlimitedOrHasAUnitLeft(int? stock)
    {
        Assert.Empty(RedemptionCheck.Check(Lounge with { Stock = stock }, new RedeemingMember(Customer, 2, 500, 0), Day(2025, 6, 1)));
    }

    [Fact]
    public void Should_RefuseAsNotYetValid_When_RedeemedBeforeTheWindowOpens()
    {
        var refusal = Assert.Single(RedemptionCheck.Check(Lounge, new RedeemingMember(Customer, 3, 900, 0), Day(2024, 12, 31)));

        Assert.Equal(RedemptionRefusalCode.NotYetValid, refusal.Code);
        Assert.Contains("a partir del 2025-01-01", refusal.Message.Spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_AcceptBothEdgesOfTheValidityWindow_When_RedeemedOnTheFirstOrLastInstant()
    {
        var member = new RedeemingMember(Customer, 2, 500, 0);

        Assert.Empty(RedemptionCheck.Check(Lounge, member, Day(2025, 1, 1)));
        Assert.Empty(RedemptionCheck.Check(Lounge, member, Day(2025, 12, 31)));
        Assert.Single(RedemptionCheck.Check(Lounge, member, Day(2025, 12, 31).AddTicks(1)));
    }

    [Fact]
    public void Should_ThrowOneBilingualRefusal_When_PlanningARedemptionThatFails()
    {
        using var codes = new VoucherCodeGenerator();

        var refusal = Assert.Throws<BusinessRuleException>(() =>
            RedemptionPlanner.Plan(Lounge, new RedeemingMember(Customer, 1, 0, 0), Guid.NewGuid(), Day(2025, 6, 1), codes));

        Assert.Contains("needs a higher loyalty tier", refusal.Text.English, StringComparison.Ordinal);
        Assert.Contains("requiere un nivel de fidelización superior", refusal.Text.Spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PlanTheRedemptionAndItsRedeemEntry_When_TheMemberMayRedeem()
    {
        using var codes = new VoucherCodeGenerator();
        var redemptionId = Guid.NewGuid();

        var plan = RedemptionPlanner.Plan(Lounge, new RedeemingMember(Customer, 2, 800, 0), redemptionId, Day(2025, 6, 1), codes);

        Assert.Equal(VoucherCodeGenerator.Length, plan.Redemption.VoucherCode.Length);
        Assert.Equal(-500, plan.RedeemEntry.Points);
        Assert.Equal("redeem:" + redemptionId.ToString("D"), plan.RedeemEntry.SourceKey);
        Assert.Equal(LedgerEntryKind.Redeem, plan.RedeemEntry.Kind);
    }

    [Fact]
    public void Should_ProduceNoDuplicateAndOnlyAlphabetCharacters_When_Generating10000Codes()
    {
        using var generator = new VoucherCodeGenerator();
        var codes = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(codes.Add(generator.Next()));
        }

        Assert.All(codes, code => Assert.Equal(12, code.Length));
        Assert.All(codes, code => Assert.All(code, symbol => Assert.Contains(symbol, VoucherCodeGenerator.Alphabet)));
        Assert.Equal(VoucherCodeGenerator.Alphabet.Length, codes.SelectMany(code => code).Distinct().Count());
    }

    [Fact]
    public void Should_LeaveOutLookAlikeCharacters_When_DefiningTheAlphabet()
    {
        Assert.Equal(31, VoucherCodeGenerator.Alphabet.Length);
        Assert.Equal(31, VoucherCodeGenerator.Alphabet.Distinct().Count());
        Assert.All("0O1IL", symbol => Assert.DoesNotContain(symbol, VoucherCodeGenerator.Alphabet));
    }
}
