using System;
using Crm.Extensions.Domain.Lifecycle;

namespace Crm.Extensions.Domain.Tests.Lifecycle;

public sealed class KpiSnapshotTests
{
    private static readonly KpiPeriod November = KpiPeriod.Month(2026, 11);

    [Fact]
    public void Should_ComputeEveryKpi_When_ThePeriodHasData()
    {
        var inputs = new KpiInputs(
            NewCustomers: 12, ActiveAtStart: 200, RetainedAtEnd: 170,
            CustomerClvs: new[] { 100m, 200m, 0m }, NpsScores: new[] { 10, 9, 8, 6, 0 },
            TotalRevenue: 50000m, TargetBaseRevenue: 41000m);

        var snapshot = PeriodKpis.Calculate(November, inputs);

        Assert.Equal(new PeriodKpis("2026-11-01/2026-12-01", 12, 85m, 15m, 100m, 0m, 82m), snapshot);
    }

    [Fact]
    public void Should_LeaveRatesUndefined_When_ThereIsNoData()
    {
        var snapshot = PeriodKpis.Calculate(November, new KpiInputs(0, 0, 0, Array.Empty<decimal>(), Array.Empty<int>(), 0m, 0m));

        Assert.Null(snapshot.RetentionRatePercent);
        Assert.Null(snapshot.ChurnRatePercent);
        Assert.Null(snapshot.NetPromoterScore);
        Assert.Equal(0m, snapshot.AverageClv);
        Assert.Equal(0m, snapshot.TargetBaseRevenueSharePercent);
    }

    [Fact]
    public void Should_GiveTheSameKey_When_TheSamePeriodIsSnapshottedTwice()
    {
        Assert.Equal(KpiPeriod.Month(2026, 12).IdempotencyKey, new KpiPeriod(
            new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)).IdempotencyKey);
        Assert.Equal("2028-02-01/2028-03-01", KpiPeriod.Month(2028, 2).IdempotencyKey);
    }

    [Fact]
    public void Should_Refuse_When_RetainedExceedsActive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PeriodKpis.Calculate(November, new KpiInputs(0, 5, 6, Array.Empty<decimal>(), Array.Empty<int>(), 0m, 0m)));
    }

    [Fact]
    public void Should_CarryTheActiveCustomers_When_ThePeriodHasBuyers()
    {
        var inputs = new KpiInputs(1, 0, 0, Array.Empty<decimal>(), Array.Empty<int>(), 10m, 0m) { ActiveCustomers = 7 };

        Assert.Equal(7, PeriodKpis.Calculate(November, inputs).ActiveCustomers);
    }
}
