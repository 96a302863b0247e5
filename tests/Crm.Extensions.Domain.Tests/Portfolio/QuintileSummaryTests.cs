using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Domain.Tests.Portfolio;

/// <summary>
/// Split scoring: the base is cut into units at random, each unit summarises its values, the summaries are merged, and the
/// thresholds (so every score) come out exactly as one pass over the whole base gives them (QuintileScorer, then
/// QuintileThresholds.From). Bases are skewed with many ties, as purchase data is: most customers buy once for a small
/// amount, a few buy often and a lot.
/// </summary>
public sealed class QuintileSummaryTests
{
    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Should_ScoreEveryValueAsOnePass_When_ExactCountsOfRandomUnitsAreMerged(int seed)
    {
        var random = new Random(seed);
        var frequency = Base(random,
            () => random.NextDouble() < 0.6 ? 1 : random.NextDouble() < 0.95 ? random.Next(2, 6) : random.Next(6, 60));
        var recency = Base(random, () => random.Next(0, 730));

        foreach (var (values, higherIsBetter) in new[] { (frequency, true), (recency, false) })
        {
            var merged = new ValueCounts();
            foreach (var unit in Units(random, values))
            {
                var counts = new ValueCounts();
                foreach (var value in unit) counts.Add(value);
                merged.Merge(counts);
            }

            AssertSameScores(values, QuintileSummary.Thresholds(merged, higherIsBetter), higherIsBetter);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Should_ScoreEveryValueAsOnePass_When_MonetaryIsSummarisedInTwoPassesOverRandomUnits(int seed)
    {
        var random = new Random(seed);
        var monetary = Base(random, () => random.NextDouble() switch
        {
            < 0.3 => 49.90m,
            < 0.6 => Math.Round((decimal)(random.NextDouble() * 200), 2),
            < 0.97 => Math.Round((decimal)(random.NextDouble() * 5_000), 2),
            < 0.99 => -Math.Round((decimal)(random.NextDouble() * 100), 2),
            _ => Math.Round((decimal)(random.NextDouble() * 2_000_000), 2),
        });
        var units = Units(random, monetary);

        var buckets = new BucketCounts();
        foreach (var unit in units)
        {
            var part = new BucketCounts();
            foreach (var value in unit) part.Add(value);
            buckets.Merge(part);
        }

        var candidates = new HashSet<int>(buckets.Candidates(higherIsBetter: true));
        var exact = new ValueCounts();
        foreach (var unit in units)
        {
            var part = new ValueCounts();
            foreach (var value in unit.Where(v => candidates.Contains(BucketCounts.BucketOf(v)))) part.Add(value);
            exact.Merge(part);
        }

        Assert.True(candidates.Count <= 8, $"{candidates.Count} candidate buckets");
        Assert.True(exact.Total < monetary.Count, "the second pass keeps only the candidate buckets' values");
        AssertSameScores(monetary, QuintileSummary.Thresholds(buckets, exact, higherIsBetter: true), higherIsBetter: true);
    }

    [Fact]
    public void Should_ScoreThree_When_TheBaseHasOneCustomer()
    {
        var counts = new ValueCounts();
        counts.Add(7m);

        Assert.Equal(3, QuintileSummary.Thresholds(counts, higherIsBetter: true).ScoreOf(7m));
    }

    private static void AssertSameScores(IReadOnlyList<decimal> values, QuintileThresholds split, bool higherIsBetter)
    {
        var scores = QuintileScorer.Score(values, higherIsBetter);
        var onePass = QuintileThresholds.From(values, scores, higherIsBetter);
        Assert.Equal(onePass.Steps, split.Steps);
        for (var i = 0; i < values.Count; i++) Assert.Equal(scores[i], split.ScoreOf(values[i]));
    }

    private static List<decimal> Base(Random random, Func<decimal> next) =>
        Enumerable.Range(0, random.Next(1, 4000)).Select(_ => next()).ToList();

    /// <summary>Consecutive units of random size (a page of customers each), the last one possibly short.</summary>
    private static List<List<decimal>> Units(Random random, IReadOnlyList<decimal> values)
    {
        var units = new List<List<decimal>>();
        for (var start = 0; start < values.Count;)
        {
            var size = random.Next(1, 700);
            units.Add(values.Skip(start).Take(size).ToList());
            start += size;
        }

        return units;
    }
}
