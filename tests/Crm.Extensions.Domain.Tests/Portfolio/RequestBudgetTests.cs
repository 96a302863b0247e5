using System;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Domain.Tests.Portfolio;

public sealed class RequestBudgetTests
{
    [Fact]
    public void Should_StateTheConstants_When_TheFormulaIsDocumented()
    {
        Assert.Equal(7, RequestBudget.RequestsPerReadPage);
        Assert.Equal(18, RequestBudget.FixedRequests);
        Assert.Equal(20_000, RequestBudget.CustomersPerReadingSave);
        Assert.Equal(11, RequestBudget.MaxRequestsPerWritingUnit);
        Assert.Equal(26, RequestBudget.MaxRequestsPerReadingUnit);
        Assert.Equal(26, RequestBudget.MaxRequestsPerUnit);
    }

    [Theory]
    [InlineData(0, 18)]
    [InlineData(1, 1 + 7 + 1 + 18)]
    [InlineData(1000, 1 + 7 + 1 + 18)]
    [InlineData(1001, 2 + 7 + 1 + 18)]
    [InlineData(5001, 6 + 14 + 1 + 18)]
    [InlineData(20000, 20 + 28 + 1 + 18)]
    [InlineData(1_000_000, 1000 + 1400 + 50 + 18)]
    public void Should_ApplyCeilNOver1000PlusCeilNOver5000TimesKPlusCeilNOver20000PlusC_When_NIsGiven(int customers, long expected)
    {
        Assert.Equal(expected, RequestBudget.For(customers));
    }

    [Fact]
    public void Should_Refuse_When_NIsNegative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RequestBudget.For(-1));
    }
}
