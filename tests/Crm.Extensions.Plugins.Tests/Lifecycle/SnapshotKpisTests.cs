using System;
using System.Linq;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Lifecycle;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Lifecycle;

public sealed class SnapshotKpisTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public SnapshotKpisTests()
    {
        _data = new DataProducer(_crm);
        // A period is accepted only up to the current month (KpiPeriods): these tests live in December 2026.
        _crm.Clock.Set(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc));
    }

    private OrganizationResponse Snapshot(string? period, IOrganizationService? service = null) =>
        (service ?? _crm.Service).Execute(new OrganizationRequest(SnapshotKpis.ApiName) { [SnapshotKpis.PeriodParameter] = period });

    private KpiSnapshot Stored(OrganizationResponse response) =>
        _crm.Get(KpiSnapshot.EntityLogicalName, ((EntityReference)response[SnapshotKpis.SnapshotOutput]).Id)!.ToEntity<KpiSnapshot>();

    private static DateTime Nov(int day) => new(2026, 11, day, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Should_WriteTheMonthsKpis_When_APeriodIsSnapshot()
    {
        var target = _data.Contact(c => c.IsTarget = true);
        _data.PaidInvoiceOn(target, Nov(3), 300m);
        var other = _data.Contact();
        _data.PaidInvoiceOn(other, Nov(1).AddMonths(-2));
        _data.PaidInvoiceOn(other, Nov(20), 100m);
        _crm.ResetObservations();

        var stored = Stored(Snapshot("2026-11"));

        Assert.Equal("2026-11", stored.Period);
        Assert.Equal("KPIs 2026-11-01/2026-12-01", stored.Name);
        Assert.Equal(1, stored.NewCustomers);
        Assert.Equal(2, stored.ActiveCustomers);
        Assert.Equal(100m, stored.RetentionRate);
        Assert.Equal(0m, stored.ChurnRate);
        Assert.Equal(75m, stored.TargetRevenueShare);
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(SnapshotKpis).FullName && s.Stage == 30);
    }

    [Fact]
    public void Should_CountActiveCustomersByTheLapsedVariable_When_ItIsShorterThanTheDefault()
    {
        var other = _data.Contact();
        _data.PaidInvoiceOn(other, Nov(1).AddMonths(-2));
        _data.PaidInvoiceOn(other, Nov(20), 100m);
        _data.SetEnvironmentVariable(Crm.Extensions.Dataverse.Configuration.EnvironmentVariableNames.AtRiskAfterDays, "20");
        _data.SetEnvironmentVariable(Crm.Extensions.Dataverse.Configuration.EnvironmentVariableNames.LapsedAfterDays, "30");

        var stored = Stored(Snapshot("2026-11"));

        Assert.Null(stored.RetentionRate);
        Assert.Equal(0, stored.NewCustomers);
    }

    [Fact]
    public void Should_UpdateTheSameRowAndNeverDuplicate_When_APeriodIsSnapshotAgain()
    {
        _data.PaidInvoiceOn(_data.Contact(), Nov(3));
        var first = Stored(Snapshot("2026-11"));
        _data.PaidInvoiceOn(_data.Contact(), Nov(4));

        var second = Stored(Snapshot("2026-11"));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.NewCustomers);
        Assert.Equal(1, _crm.Count(KpiSnapshot.EntityLogicalName));
    }

    [Fact]
    public void Should_RecordTheNetworkCoverage_When_OneOfTwoTargetSegmentsHasAHealthyCriticalPartner()
    {
        var covered = _data.TargetSegment("Champions");
        _data.TargetSegment("Loyal");
        _crm.Clock.Set(Nov(25));
        _crm.Seed(_data.NewPartner(reviewedDaysAgo: 10, with: p => p.CustomerSegmentId = covered.ToEntityReference()));

        Assert.Equal(50m, Stored(Snapshot("2026-11")).NetworkCoverage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2026-13")]
    [InlineData("November")]
    public void Should_RefuseAndWriteNothing_When_ThePeriodIsNotAYearAndMonth(string? period)
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Snapshot(period));

        Assert.Contains("like 2026-11", fault.Message);
        Assert.Equal(0, _crm.Count(KpiSnapshot.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseInSpanish_When_ASpanishUserGivesAMalformedPeriod()
    {
        var user = _crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Snapshot("11/2026", _crm.ServiceAs(user)));

        Assert.Contains("por ejemplo 2026-11", fault.Message);
    }

    [Fact]
    public void Should_ReadEveryPage_When_MoreThanFiveThousandInvoicesWerePaid()
    {
        var buyers = Enumerable.Range(0, 5_001).Select(_ => _data.Contact()).ToList();
        foreach (var buyer in buyers) _data.PaidInvoiceOn(buyer, Nov(10), 10m);
        _crm.ResetObservations();

        var stored = Stored(Snapshot("2026-11"));

        Assert.Equal(5_001, stored.NewCustomers);
        Assert.Equal(5_001, stored.ActiveCustomers);
        Assert.True(_crm.Requests.PluginCount("RetrieveMultiple") >= 4);
    }
}
