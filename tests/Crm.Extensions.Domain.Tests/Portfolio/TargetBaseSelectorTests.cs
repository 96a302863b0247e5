using System;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Domain.Tests.Portfolio;

public sealed class TargetBaseSelectorTests
{
    private static readonly SegmentGroup Champions = new(CustomerType.Contact, RfmSegment.Champions);
    private static readonly SegmentGroup Loyal = new(CustomerType.Contact, RfmSegment.Loyal);
    private static readonly SegmentGroup AtRisk = new(CustomerType.Contact, RfmSegment.AtRisk);
    private static readonly SegmentGroup LoyalAccounts = new(CustomerType.Account, RfmSegment.Loyal);
    private static readonly SegmentGroup Hibernating = new(CustomerType.Contact, RfmSegment.Hibernating);

    [Fact]
    public void Should_TakeTheFewestGroups_When_TheyReachTheThreshold()
    {
        var selected = TargetBaseSelector.Select(
            new[] { new GroupProfit(Loyal, 300m), new GroupProfit(Champions, 500m), new GroupProfit(AtRisk, 150m),
                new GroupProfit(Hibernating, 50m) }, 80m);

        Assert.Equal(new[] { Champions, Loyal }, selected);
    }

    [Fact]
    public void Should_IncludeTheGroupThatCrossesTheLine_When_CumulativeProfitFallsShort()
    {
        var selected = TargetBaseSelector.Select(
            new[] { new GroupProfit(Champions, 500m), new GroupProfit(Loyal, 290m), new GroupProfit(AtRisk, 210m) }, 80m);

        Assert.Equal(new[] { Champions, Loyal, AtRisk }, selected);
    }

    [Fact]
    public void Should_NeverSelectALossMakingGroup_When_ProfitIsNegative()
    {
        var selected = TargetBaseSelector.Select(
            new[] { new GroupProfit(Champions, 100m), new GroupProfit(Hibernating, -500m), new GroupProfit(AtRisk, 0m) }, 100m);

        Assert.Equal(new[] { Champions }, selected);
    }

    [Fact]
    public void Should_SelectNothing_When_NoGroupMakesAProfit()
    {
        Assert.Empty(TargetBaseSelector.Select(new[] { new GroupProfit(Champions, -1m), new GroupProfit(Loyal, 0m) }, 80m));
    }

    [Fact]
    public void Should_BreakTiesBySegmentThenType_When_ProfitsAreEqual()
    {
        var selected = TargetBaseSelector.Select(
            new[] { new GroupProfit(LoyalAccounts, 100m), new GroupProfit(Loyal, 100m), new GroupProfit(Champions, 100m) }, 50m);

        Assert.Equal(new[] { Champions, Loyal }, selected);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100.01)]
    public void Should_Refuse_When_TheThresholdIsNotAPercentage(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => TargetBaseSelector.Select(new[] { new GroupProfit(Champions, 1m) }, (decimal)threshold));
    }
}
