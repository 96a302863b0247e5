using System;
using System.Globalization;
using Crm.Extensions.Domain.Lifecycle;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using SnapshotRow = Crm.Extensions.EarlyBound.KpiSnapshot;

namespace Crm.Extensions.Dataverse.Lifecycle;

/// <summary>
/// Upserts the one cx_kpisnapshot of a period by its alternate key cx_period: a re-run updates, never duplicates.
/// The key is the month "yyyy-MM": the domain's interval key (21 characters) does not fit cx_period (20), so it goes in the name.
/// </summary>
public static class KpiSnapshotWriter
{
    public static EntityReference Write(IOrganizationService service, KpiPeriod period, KpiSnapshot snapshot, decimal networkCoveragePercent)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (period is null) throw new ArgumentNullException(nameof(period));
        if (snapshot is null) throw new ArgumentNullException(nameof(snapshot));
        var row = new Entity(SnapshotRow.EntityLogicalName, SnapshotRow.Fields.Period, KeyOf(period))
        {
            [SnapshotRow.Fields.Name] = "KPIs " + snapshot.IdempotencyKey,
            [SnapshotRow.Fields.PeriodStart] = period.StartUtc,
            [SnapshotRow.Fields.PeriodEnd] = period.EndUtc,
            [SnapshotRow.Fields.NewCustomers] = snapshot.Acquisition,
            [SnapshotRow.Fields.ActiveCustomers] = snapshot.ActiveCustomers,
            [SnapshotRow.Fields.RetentionRate] = snapshot.RetentionRatePercent,
            [SnapshotRow.Fields.ChurnRate] = snapshot.ChurnRatePercent,
            [SnapshotRow.Fields.AverageClv] = new Money(snapshot.AverageClv),
            [SnapshotRow.Fields.Nps] = snapshot.NetPromoterScore,
            [SnapshotRow.Fields.TargetRevenueShare] = snapshot.TargetBaseRevenueSharePercent,
            [SnapshotRow.Fields.NetworkCoverage] = networkCoveragePercent,
        };
        var response = (UpsertResponse)service.Execute(new UpsertRequest { Target = row });
        return response.Target;
    }

    public static string KeyOf(KpiPeriod period) => period.StartUtc.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
