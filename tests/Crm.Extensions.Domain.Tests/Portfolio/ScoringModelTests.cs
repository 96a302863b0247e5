using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Domain.Tests.Portfolio;

/// <summary>
/// The writing units score one page at a time from the persisted model; these properties prove that gives exactly what
/// the whole-base scorer gives. Seeds are fixed so a failure is reproducible; small value ranges force many ties.
/// </summary>
public sealed class ScoringModelTests
{
    public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 40).Select(seed => new object[] { seed });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Should_ReproduceEveryQuintileScore_When_ThresholdsComeFromARandomBaseWithTies(int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, random.Next(1, 60)).Select(_ => (decimal)random.Next(0, 1 + random.Next(1, 30))).ToList();

        foreach (var higherIsBetter in new[] { true, false })
        {
            var scores = QuintileScorer.Score(values, higherIsBetter);
            var thresholds = QuintileThresholds.From(values, scores, higherIsBetter);

            Assert.Equal(scores, values.Select(thresholds.ScoreOf).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Should_AgreeWithThePortfolioScorer_When_EachCustomerIsScoredFromTheModel(int seed)
    {
        var metrics = RandomBase(new Random(seed));
        var result = PortfolioScorer.Score(metrics, PortfolioSettings.Default);

        var model = ScoringModel.From(result, PortfolioTestData.Window);

        Assert.Equal(result.Customers, metrics.OrderBy(m => m.Customer).Select(model.Score).ToList());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Should_ScoreTheSame_When_TheModelIsWrittenAsTextAndReadBack(int seed)
    {
        var metrics = RandomBase(new Random(seed));
        var model = ScoringModel.From(PortfolioScorer.Score(metrics, PortfolioSettings.Default), PortfolioTestData.Window);

        var text = model.ToText();
        var read = ScoringModel.Parse(text)!;

        Assert.Equal(metrics.Select(model.Score), metrics.Select(read.Score));
        Assert.Equal((model.Window, model.TotalRevenue, model.TotalProfit, model.ChurnRate),
            (read.Window, read.TotalRevenue, read.TotalProfit, read.ChurnRate));
        Assert.Equal(model.Targets, read.Targets);
        Assert.DoesNotContain("|", text);
    }

    [Fact]
    public void Should_ScoreEveryBuyerOneAndNobodyTarget_When_TheBaseHadNoBuyers()
    {
        var model = ScoringModel.From(
            PortfolioScorer.Score(new[] { CustomerMetrics.Prospect(PortfolioTestData.Contact(1)) }, PortfolioSettings.Default),
            PortfolioTestData.Window);

        var newcomer = model.Score(PortfolioTestData.Buyer(PortfolioTestData.Contact(2), 1, 10m));

        Assert.Equal((1, 1, 1, RfmSegment.Hibernating, false),
            (newcomer.RecencyScore, newcomer.FrequencyScore, newcomer.MonetaryScore, newcomer.Segment, newcomer.IsTarget));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1;2;0;-,1,,,;+,1,,,;+,1,,,;;0;0")]
    [InlineData("1;2;0.5;-,1,,,;+,1,,,;+,1,,,;9:1;0;0")]
    [InlineData("2;1;0.5;-,1,,,;+,1,,,;+,1,,,;;0;0")]
    public void Should_ReadNothing_When_TheTextIsNotAModel(string? text)
    {
        Assert.Null(ScoringModel.Parse(text));
    }

    private static List<CustomerMetrics> RandomBase(Random random)
    {
        var metrics = new List<CustomerMetrics>();
        var size = random.Next(1, 80);
        for (var i = 0; i < size; i++)
        {
            var key = i % 3 == 0 ? PortfolioTestData.Account(i) : PortfolioTestData.Contact(i);
            metrics.Add(random.Next(5) == 0
                ? CustomerMetrics.Prospect(key)
                : PortfolioTestData.Buyer(key, random.Next(1, 5), random.Next(1, 20) * 25m, random.Next(0, 12) * 25m,
                    random.Next(0, 40) * 15));
        }

        return metrics;
    }
}
