using System;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Tiers;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class TierIncentivesTests
{
    private static readonly Guid BasePrices = Guid.NewGuid();
    private static readonly TierDefinition Silver = new(Guid.NewGuid(), "Silver", 1) { PriceListId = Guid.NewGuid(),
        MarketingListId = Guid.NewGuid() };
    private static readonly TierDefinition Gold = new(Guid.NewGuid(), "Gold", 2) { PriceListId = Guid.NewGuid(),
        MarketingListId = Guid.NewGuid() };

    [Fact]
    public void Should_SwitchPriceListAndMoveLists_When_TheTierChanges()
    {
        var plan = TierIncentives.For(Silver, Gold, optedOutOfMarketing: false, BasePrices);

        Assert.Equal(new TierIncentivePlan(Gold.PriceListId, Silver.MarketingListId, Gold.MarketingListId), plan);
    }

    [Fact]
    public void Should_RemoveButNeverAdd_When_TheCustomerOptedOut()
    {
        var plan = TierIncentives.For(Silver, Gold, optedOutOfMarketing: true, BasePrices);

        Assert.Equal(Silver.MarketingListId, plan.ListToLeave);
        Assert.Null(plan.ListToJoin);
    }

    [Fact]
    public void Should_RestoreTheBasePriceList_When_TheCustomerLosesEveryTier()
    {
        var plan = TierIncentives.For(Gold, null, optedOutOfMarketing: false, BasePrices);

        Assert.Equal(new TierIncentivePlan(BasePrices, Gold.MarketingListId, null), plan);
    }

    [Fact]
    public void Should_DoNothing_When_TheTierStaysTheSame()
    {
        Assert.True(TierIncentives.For(Gold, Gold, optedOutOfMarketing: false, BasePrices).IsEmpty);
    }
}
