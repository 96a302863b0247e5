using System;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Lifecycle;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Lifecycle;

/// <summary>
/// cx_SnapshotKpis takes months from 1900-01 up to the current month only (by the clock): a future month would become
/// every strategy's "latest" snapshot, and "9999-12" overflowed the period arithmetic.
/// </summary>
public sealed class KpiPeriodBoundsTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();

    public KpiPeriodBoundsTests() => _crm.Clock.Set(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));

    private OrganizationResponse Snapshot(string period, IOrganizationService? service = null) =>
        (service ?? _crm.Service).Execute(new OrganizationRequest(SnapshotKpis.ApiName) { [SnapshotKpis.PeriodParameter] = period });

    [Theory]
    [InlineData("9999-12")]
    [InlineData("2026-12")]
    public void Should_RefuseWithAClearMessageAndWriteNothing_When_ThePeriodIsAfterTheCurrentMonth(string period)
    {
        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Snapshot(period));

        Assert.Contains("up to the current month, 2026-11", refusal.Detail.Message);
        Assert.Equal(0, _crm.Count(KpiSnapshot.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseInSpanishAndWriteNothing_When_ThePeriodIsBeforeTheFirstYear()
    {
        var user = _crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Snapshot("0001-01", _crm.ServiceAs(user)));

        Assert.Contains("Los KPI se pueden tomar para meses desde 1900-01", refusal.Detail.Message);
        Assert.Equal(0, _crm.Count(KpiSnapshot.EntityLogicalName));
    }

    [Fact]
    public void Should_WriteTheSnapshot_When_ThePeriodIsTheCurrentMonth()
    {
        var response = Snapshot("2026-11");

        Assert.IsType<EntityReference>(response[SnapshotKpis.SnapshotOutput]);
        Assert.Equal(1, _crm.Count(KpiSnapshot.EntityLogicalName));
    }
}
