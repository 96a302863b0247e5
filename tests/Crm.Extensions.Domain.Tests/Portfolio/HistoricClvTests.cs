using System;
using Crm.Extensions.Domain.Portfolio;
using static Crm.Extensions.Domain.Tests.Portfolio.PortfolioTestData;

namespace Crm.Extensions.Domain.Tests.Portfolio;

public sealed class HistoricClvTests
{
    [Fact]
    public void Should_ApplyTheReferenceFormula_When_TheCustomerIsProfitable()
    {
        // AOV 100, frequency 4, churn 0.5, margin 25%: (100 × 4 ÷ 0.5) × 0.25 = 200.
        var customer = Buyer(Contact(1), orders: 4, revenue: 400m, cost: 300m);

        Assert.Equal(200m, HistoricClv.For(customer, churnRate: 0.5m));
    }

    [Fact]
    public void Should_DeriveChurnFromTheRepeatRate_When_SomeCustomersRepeat()
    {
        var customers = new[]
        {
            Buyer(Contact(1), 1, 10m), Buyer(Contact(2), 2, 10m), Buyer(Contact(3), 3, 10m), Buyer(Contact(4), 1, 10m),
            CustomerMetrics.Prospect(Contact(5)),
        };

        Assert.Equal(0.5m, HistoricClv.RepeatRate(customers));
        Assert.Equal(0.5m, HistoricClv.ChurnRate(customers, 0.05m));
    }

    [Fact]
    public void Should_UseTheMinimumChurn_When_EveryCustomerRepeats()
    {
        var customers = new[] { Buyer(Contact(1), 2, 10m), Buyer(Contact(2), 5, 10m) };

        Assert.Equal(0.05m, HistoricClv.ChurnRate(customers, 0.05m));
    }

    [Fact]
    public void Should_ReturnZero_When_RevenueIsZero()
    {
        Assert.Equal(0m, HistoricClv.For(Buyer(Contact(1), 1, 0m, cost: 15m), 0.5m));
    }

    [Fact]
    public void Should_ReturnZero_When_TheCustomerIsAProspect()
    {
        Assert.Equal(0m, HistoricClv.For(CustomerMetrics.Prospect(Contact(1)), 0.5m));
    }

    [Fact]
    public void Should_BeNegative_When_ProfitIsNegative()
    {
        Assert.Equal(-40m, HistoricClv.For(Buyer(Contact(1), 2, 100m, cost: 120m), 0.5m));
    }

    [Fact]
    public void Should_Refuse_When_ChurnIsZero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HistoricClv.For(Buyer(Contact(1), 2, 100m), 0m));
    }

    [Fact]
    public void Should_ReportFullChurn_When_NobodyBought()
    {
        Assert.Equal(0m, HistoricClv.RepeatRate(new[] { CustomerMetrics.Prospect(Contact(1)) }));
        Assert.Equal(1m, HistoricClv.ChurnRate(Array.Empty<CustomerMetrics>(), 0.05m));
    }
}
