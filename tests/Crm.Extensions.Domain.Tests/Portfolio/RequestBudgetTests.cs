using System;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Domain.Tests.Portfolio;

public sealed class RequestBudgetTests
{
    [Fact]
    public void Should_StateTheConstants_When_TheFormulaIsDocumented()
    {
        Assert.Equal(6, RequestBudget.RequestsPerReadPage);
        Assert.Equal(16, RequestBudget.FixedRequests);
        Assert.Equal(11, RequestBudget.MaxRequestsPerWritingUnit);
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(1, 1 + 6 + 16)]
    [InlineData(1000, 1 + 6 + 16)]
    [InlineData(1001, 2 + 6 + 16)]
    [InlineData(5001, 6 + 12 + 16)]
    [InlineData(20000, 20 + 24 + 16)]
    public void Should_ApplyCeilNOver1000PlusCeilNOver5000TimesKPlusC_When_NIsGiven(int customers, long expected)
    {
        Assert.Equal(expected, RequestBudget.For(customers));
    }

    [Fact]
    public void Should_Refuse_When_NIsNegative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RequestBudget.For(-1));
    }
}
