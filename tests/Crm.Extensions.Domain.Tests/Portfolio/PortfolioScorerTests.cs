using System.Linq;
using Crm.Extensions.Domain.Portfolio;
using static Crm.Extensions.Domain.Tests.Portfolio.PortfolioTestData;

namespace Crm.Extensions.Domain.Tests.Portfolio;

public sealed class PortfolioScorerTests
{
    [Fact]
    public void Should_ScoreSegmentAndTarget_When_TheBaseIsVaried()
    {
        // Ten contacts: contact i bought i times, i × 100 of revenue at 40% cost, (10 − i) × 30 days ago.
        var metrics = Enumerable.Range(1, 10)
            .Select(i => Buyer(Contact(i), orders: i, revenue: i * 100m, cost: i * 40m, recencyDays: (10 - i) * 30))
            .ToList();

        var result = PortfolioScorer.Score(metrics, PortfolioSettings.Default);

        var best = result.Customers.Single(c => c.Customer == Contact(10));
        Assert.Equal((5, 5, 5), (best.RecencyScore!.Value, best.FrequencyScore!.Value, best.MonetaryScore!.Value));
        Assert.Equal(RfmSegment.Champions, best.Segment);
        var worst = result.Customers.Single(c => c.Customer == Contact(1));
        Assert.Equal(RfmSegment.Hibernating, worst.Segment);
        Assert.True(best.IsTarget);
        Assert.False(worst.IsTarget);
        Assert.Equal(0.1m, result.ChurnRate);
    }

    [Fact]
    public void Should_ComputeGroupTotalsAndShares_When_TypesAndSegmentsMix()
    {
        var metrics = new[]
        {
            Buyer(Contact(1), 1, 100m, 20m), Buyer(Contact(2), 1, 100m, 20m),
            Buyer(Account(3), 1, 100m, 20m), CustomerMetrics.Prospect(Account(4)),
        };

        var result = PortfolioScorer.Score(metrics, PortfolioSettings.Default);

        // Everyone who bought is equal: R3 F3 → Need attention; the prospect is Prospect.
        var contacts = result.Groups.Single(g => g.Group == new SegmentGroup(CustomerType.Contact, RfmSegment.NeedAttention));
        Assert.Equal((2, 200m, 160m), (contacts.Customers, contacts.Revenue, contacts.Profit));
        Assert.Equal(66.67m, contacts.ProfitSharePercent);
        var prospects = result.Groups.Single(g => g.Group.Segment == RfmSegment.Prospect);
        Assert.Equal((1, 0m, false), (prospects.Customers, prospects.ProfitSharePercent, prospects.IsTarget));
        Assert.Equal(3, result.Groups.Count);
    }

    [Fact]
    public void Should_SegmentNeedAttention_When_ThereIsASingleCustomer()
    {
        var result = PortfolioScorer.Score(new[] { Buyer(Contact(1), 3, 900m, 100m) }, PortfolioSettings.Default);

        var only = Assert.Single(result.Customers);
        Assert.Equal(RfmSegment.NeedAttention, only.Segment);
        Assert.True(only.IsTarget);
        Assert.Equal(100m, Assert.Single(result.Groups).ProfitSharePercent);
    }

    [Fact]
    public void Should_GiveEveryoneTheSameSegment_When_AllCustomersAreEqual()
    {
        var metrics = Enumerable.Range(1, 7).Select(i => Buyer(Contact(i), 2, 50m, 10m, 30)).ToList();

        var result = PortfolioScorer.Score(metrics, PortfolioSettings.Default);

        Assert.All(result.Customers, c => Assert.Equal(RfmSegment.NeedAttention, c.Segment));
        Assert.All(result.Customers,
            c => Assert.Equal((3, 3, 3), (c.RecencyScore!.Value, c.FrequencyScore!.Value, c.MonetaryScore!.Value)));
    }

    [Fact]
    public void Should_LeaveScoresEmptyAndTargetNothing_When_NobodyBought()
    {
        var result = PortfolioScorer.Score(new[] { CustomerMetrics.Prospect(Contact(1)) }, PortfolioSettings.Default);

        var prospect = Assert.Single(result.Customers);
        Assert.Equal(RfmSegment.Prospect, prospect.Segment);
        Assert.Null(prospect.RecencyScore);
        Assert.False(prospect.IsTarget);
        Assert.Equal(0m, prospect.HistoricClv);
    }

    [Fact]
    public void Should_NotTargetLossMakers_When_AGroupLosesMoney()
    {
        var metrics = new[]
        {
            Buyer(Contact(1), 5, 1000m, 100m, recencyDays: 1),
            Buyer(Contact(2), 1, 1000m, 1500m, recencyDays: 700),
        };

        var result = PortfolioScorer.Score(metrics, PortfolioSettings.Default with { ParetoThresholdPercent = 100m });

        var loser = result.Customers.Single(c => c.Customer == Contact(2));
        Assert.False(loser.IsTarget);
        Assert.True(loser.HistoricClv < 0m);
        Assert.Equal(-55.56m, result.Groups.Single(g => g.Group.Segment == loser.Segment).ProfitSharePercent);
    }

    [Fact]
    public void Should_ProduceEqualResults_When_TheSameBaseIsScoredTwice()
    {
        var metrics = Enumerable.Range(1, 20).Select(i => Buyer(Contact(i), i % 4 + 1, i * 7m, i, i * 3)).ToList();

        var first = PortfolioScorer.Score(metrics, PortfolioSettings.Default);
        var second = PortfolioScorer.Score(Enumerable.Reverse(metrics).ToList(), PortfolioSettings.Default);

        Assert.Equal(first.Customers, second.Customers);
        Assert.Equal(first.Groups, second.Groups);
    }

    [Fact]
    public void Should_TargetNothingAndShareNothing_When_RevenueIsZeroEverywhere()
    {
        var metrics = new[] { Buyer(Contact(1), 1, 0m), Buyer(Contact(2), 2, 0m, cost: 5m, recencyDays: 3) };

        var result = PortfolioScorer.Score(metrics, PortfolioSettings.Default);

        Assert.All(result.Customers, c => Assert.False(c.IsTarget));
        Assert.All(result.Customers, c => Assert.Equal(0m, c.HistoricClv));
        Assert.All(result.Groups, g => Assert.True(g.ProfitSharePercent <= 0m));
    }

    [Fact]
    public void Should_ScoreTwentyThousandCustomersFromLines_When_TheBaseIsLarge()
    {
        var accumulator = new CustomerMetricsAccumulator(Window);
        for (var i = 0; i < 20000; i++)
        {
            var customer = i % 2 == 0 ? Contact(i) : Account(i);
            accumulator.AddCustomer(customer);
            for (var order = 0; order < i % 6; order++)
            {
                accumulator.AddLine(
                    new InvoiceLine(customer, Id(1_000_000 + (i * 10) + order), End.AddDays(-(i % 700) - 1), 10m + (i % 97), 1m, 4m));
            }
        }

        var result = PortfolioScorer.Score(accumulator.Build(), PortfolioSettings.Default);

        Assert.Equal(20000, result.Customers.Count);
        Assert.Equal(20000, result.Groups.Sum(g => g.Customers));
        Assert.Equal(result.Customers.Count(c => c.Frequency == 0),
            result.Groups.Where(g => g.Group.Segment == RfmSegment.Prospect).Sum(g => g.Customers));
        Assert.InRange(result.Groups.Where(g => g.IsTarget).Sum(g => g.ProfitSharePercent), 80m, 100m);
    }
}
