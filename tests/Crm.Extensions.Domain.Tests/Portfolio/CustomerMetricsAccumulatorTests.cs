using System;
using Crm.Extensions.Domain.Portfolio;
using static Crm.Extensions.Domain.Tests.Portfolio.PortfolioTestData;

namespace Crm.Extensions.Domain.Tests.Portfolio;

public sealed class CustomerMetricsAccumulatorTests
{
    [Fact]
    public void Should_SumRevenueCostAndProfit_When_LinesBelongToOneCustomer()
    {
        var accumulator = new CustomerMetricsAccumulator(Window);
        var invoice = Id(100);
        accumulator.AddLine(new InvoiceLine(Contact(1), invoice, End.AddDays(-5), Amount: 100m, Quantity: 2m, UnitCost: 30m));
        accumulator.AddLine(new InvoiceLine(Contact(1), invoice, End.AddDays(-5), Amount: 50m, Quantity: 1m, UnitCost: 10m));
        accumulator.AddLine(new InvoiceLine(Contact(1), Id(101), End.AddDays(-40), Amount: 20m, Quantity: 4m, UnitCost: 1m));

        var metrics = Assert.Single(accumulator.Build());

        Assert.Equal(2, metrics.Orders);
        Assert.Equal(170m, metrics.Revenue);
        Assert.Equal(74m, metrics.Cost);
        Assert.Equal(96m, metrics.Profit);
        Assert.Equal(5, metrics.RecencyDays);
    }

    [Fact]
    public void Should_IgnoreLines_When_TheyFallOutsideTheWindow()
    {
        var accumulator = new CustomerMetricsAccumulator(Window);
        accumulator.AddCustomer(Contact(1));
        accumulator.AddLine(new InvoiceLine(Contact(1), Id(1), Window.StartUtc.AddDays(-1), 100m, 1m, 0m));
        accumulator.AddLine(new InvoiceLine(Contact(1), Id(2), End, 100m, 1m, 0m));

        var metrics = Assert.Single(accumulator.Build());

        Assert.False(metrics.HasPurchases);
        Assert.Null(metrics.RecencyDays);
    }

    [Fact]
    public void Should_ReportAProspect_When_ACustomerHasNoLines()
    {
        var accumulator = new CustomerMetricsAccumulator(Window);
        accumulator.AddCustomer(Account(7));

        Assert.Equal(CustomerMetrics.Prospect(Account(7)), Assert.Single(accumulator.Build()));
    }

    [Fact]
    public void Should_ReportNegativeProfit_When_CostExceedsRevenue()
    {
        var accumulator = new CustomerMetricsAccumulator(Window);
        accumulator.AddLine(new InvoiceLine(Contact(1), Id(1), End.AddDays(-1), 10m, 2m, 8m));

        Assert.Equal(-6m, Assert.Single(accumulator.Build()).Profit);
    }

    [Fact]
    public void Should_CountTheWholeDay_When_ThePurchaseWasOnTheLastDayOfTheWindow()
    {
        var window = new AnalysisWindow(End.AddDays(-10), End.AddHours(18));

        Assert.Equal(0, window.DaysBeforeEnd(End.AddHours(1)));
        Assert.Equal(3, window.DaysBeforeEnd(End.AddDays(-3)));
    }

    [Fact]
    public void Should_CoverTwentyFourMonths_When_TheDefaultWindowIsBuiltOnALeapDay()
    {
        var window = AnalysisWindow.EndingAt(new DateTime(2028, 2, 29, 0, 0, 0, DateTimeKind.Utc), 24);

        Assert.Equal(new DateTime(2026, 2, 28, 0, 0, 0, DateTimeKind.Utc), window.StartUtc);
    }

    [Fact]
    public void Should_Refuse_When_TheWindowIsEmpty()
    {
        Assert.Throws<ArgumentException>(() => new AnalysisWindow(End, End));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalysisWindow.EndingAt(End, 0));
    }
}
