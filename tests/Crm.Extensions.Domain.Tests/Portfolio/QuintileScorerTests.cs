using System.Linq;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Domain.Tests.Portfolio;

public sealed class QuintileScorerTests
{
    [Fact]
    public void Should_GiveEachQuintileTwoValues_When_TenDistinctValues()
    {
        var values = Enumerable.Range(1, 10).Select(v => (decimal)v).ToList();

        var scores = QuintileScorer.Score(values, higherIsBetter: true);

        Assert.Equal(new[] { 1, 1, 2, 2, 3, 3, 4, 4, 5, 5 }, scores);
    }

    [Fact]
    public void Should_ReverseScores_When_LowerIsBetter()
    {
        var days = new decimal[] { 0, 10, 20, 30, 40 };

        var scores = QuintileScorer.Score(days, higherIsBetter: false);

        Assert.Equal(new[] { 5, 4, 3, 2, 1 }, scores);
    }

    [Fact]
    public void Should_GiveEqualScores_When_ValuesTie()
    {
        var values = new decimal[] { 1, 2, 2, 2, 3, 4, 5, 6, 7, 8 };

        var scores = QuintileScorer.Score(values, higherIsBetter: true);

        // The three 2s sit at positions 2–4 of 10: mid-rank (1 + 3/2)/10 = 0.25 → score 2 for all of them.
        Assert.Equal(new[] { 1, 2, 2, 2, 3, 3, 4, 4, 5, 5 }, scores);
    }

    [Fact]
    public void Should_NotDependOnInputOrder_When_ValuesAreShuffled()
    {
        var values = new decimal[] { 8, 2, 7, 2, 1, 6, 5, 2, 4, 3 };

        var scores = QuintileScorer.Score(values, higherIsBetter: true);

        var byValue = values.Zip(scores, (v, s) => (v, s)).Distinct().OrderBy(p => p.v).ToList();
        Assert.Equal(new[] { (1m, 1), (2m, 2), (3m, 3), (4m, 3), (5m, 4), (6m, 4), (7m, 5), (8m, 5) }, byValue);
    }

    [Fact]
    public void Should_ScoreThree_When_AllValuesAreEqual()
    {
        var scores = QuintileScorer.Score(new decimal[] { 7, 7, 7, 7 }, higherIsBetter: true);

        Assert.All(scores, s => Assert.Equal(3, s));
    }

    [Fact]
    public void Should_ScoreThree_When_ThereIsASingleValue()
    {
        Assert.Equal(new[] { 3 }, QuintileScorer.Score(new decimal[] { 42 }, higherIsBetter: false));
    }

    [Fact]
    public void Should_ReturnNothing_When_ThereAreNoValues()
    {
        Assert.Empty(QuintileScorer.Score(System.Array.Empty<decimal>(), higherIsBetter: true));
    }

    [Fact]
    public void Should_StayWithinOneToFive_When_OneValueDominates()
    {
        var values = Enumerable.Repeat(0m, 99).Concat(new[] { 1000m }).ToList();

        var scores = QuintileScorer.Score(values, higherIsBetter: true);

        Assert.Equal(3, scores[0]);
        Assert.Equal(5, scores[99]);
        Assert.All(scores, s => Assert.InRange(s, 1, 5));
    }
}
