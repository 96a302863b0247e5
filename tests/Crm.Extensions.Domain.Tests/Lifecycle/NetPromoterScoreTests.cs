using System;
using Crm.Extensions.Domain.Lifecycle;

namespace Crm.Extensions.Domain.Tests.Lifecycle;

public sealed class NetPromoterScoreTests
{
    [Theory]
    [InlineData(0, NpsCategory.Detractor)]
    [InlineData(6, NpsCategory.Detractor)]
    [InlineData(7, NpsCategory.Passive)]
    [InlineData(8, NpsCategory.Passive)]
    [InlineData(9, NpsCategory.Promoter)]
    [InlineData(10, NpsCategory.Promoter)]
    public void Should_Categorize_When_TheAnswerIsOnTheScale(int score, NpsCategory expected)
    {
        Assert.Equal(expected, NetPromoterScore.Categorize(score));
    }

    [Fact]
    public void Should_SubtractDetractorsFromPromoters_When_AnswersMix()
    {
        Assert.Equal(33.33m, NetPromoterScore.Calculate(new[] { 10, 10, 7, 3, 9, 8 }));
    }

    [Fact]
    public void Should_ReachTheExtremes_When_EveryoneAgrees()
    {
        Assert.Equal(100m, NetPromoterScore.Calculate(new[] { 9, 10 }));
        Assert.Equal(-100m, NetPromoterScore.Calculate(new[] { 0, 6 }));
    }

    [Fact]
    public void Should_BeUndefined_When_NobodyAnswered()
    {
        Assert.Null(NetPromoterScore.Calculate(Array.Empty<int>()));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Should_Refuse_When_TheAnswerIsOffTheScale(int score)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.Calculate(new[] { score }));
    }
}
