using System;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Domain.Tests.Portfolio;

public sealed class RequestBudgetTests
{
    [Fact]
    public void Should_StateTheConstants_When_TheFormulaIsDocumented()
    {
        Assert.Equal(8, RequestBudget.RequestsPerReadPage);
        Assert.Equal(18, RequestBudget.FixedRequests);
        Assert.Equal(12, RequestBudget.MaxRequestsPerWritingUnit);
    }

    [Theory]
    [InlineData(0, 18)]
    [InlineData(1, 1 + 8 + 18)]
    [InlineData(1000, 1 + 8 + 18)]
    [InlineData(1001, 2 + 8 + 18)]
    [InlineData(5001, 6 + 16 + 18)]
    [InlineData(20000, 20 + 32 + 18)]
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
