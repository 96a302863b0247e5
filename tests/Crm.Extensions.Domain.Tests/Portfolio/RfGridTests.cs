using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Domain.Tests.Portfolio;

public sealed class RfGridTests
{
    // The standard RF grid, written recency digit first, then frequency digit.
    private static readonly (string Pattern, RfmSegment Segment)[] Reference =
    {
        ("5[4-5]", RfmSegment.Champions),
        ("[3-4][4-5]", RfmSegment.Loyal),
        ("[4-5][2-3]", RfmSegment.PotentialLoyalists),
        ("51", RfmSegment.New),
        ("41", RfmSegment.Promising),
        ("33", RfmSegment.NeedAttention),
        ("3[1-2]", RfmSegment.AboutToSleep),
        ("[1-2][3-4]", RfmSegment.AtRisk),
        ("[1-2]5", RfmSegment.CantLose),
        ("[1-2][1-2]", RfmSegment.Hibernating),
    };

    public static IEnumerable<object[]> Cells() =>
        from r in Enumerable.Range(1, 5) from f in Enumerable.Range(1, 5) select new object[] { r, f };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Should_MatchExactlyOneReferencePattern_When_AnyCellIsLookedUp(int recency, int frequency)
    {
        var cell = string.Concat(recency, frequency);
        var matches = Reference.Where(p => Regex.IsMatch(cell, "^" + p.Pattern + "$")).ToList();

        Assert.Single(matches);
        Assert.Equal(matches[0].Segment, RfGrid.SegmentFor(recency, frequency));
    }

    [Theory]
    [InlineData(5, 5, RfmSegment.Champions)]
    [InlineData(5, 1, RfmSegment.New)]
    [InlineData(4, 1, RfmSegment.Promising)]
    [InlineData(3, 3, RfmSegment.NeedAttention)]
    [InlineData(1, 5, RfmSegment.CantLose)]
    [InlineData(2, 2, RfmSegment.Hibernating)]
    public void Should_ReturnTheReferenceSegment_When_KnownCellsAreLookedUp(int recency, int frequency, RfmSegment expected)
    {
        Assert.Equal(expected, RfGrid.SegmentFor(recency, frequency));
    }

    [Fact]
    public void Should_UseEveryPurchaseSegment_When_TheWholeGridIsWalked()
    {
        var used = Cells().Select(c => RfGrid.SegmentFor((int)c[0], (int)c[1])).Distinct().ToList();

        Assert.Equal(10, used.Count);
        Assert.DoesNotContain(RfmSegment.Prospect, used);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(3, 6)]
    public void Should_Refuse_When_AScoreIsOutOfRange(int recency, int frequency)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RfGrid.SegmentFor(recency, frequency));
    }
}
