using System;
using System.Globalization;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Crm.Extensions.Dataverse.Lifecycle;

/// <summary>
/// Upserts the one cx_kpisnapshot of a period by its alternate key cx_period: a re-run updates, never duplicates.
/// The key is the month "yyyy-MM": the domain's interval key (21 characters) does not fit cx_period (20), so it goes in the name.
/// </summary>
public static class KpiSnapshotWriter
{
    public static EntityReference Write(IOrganizationService service, KpiPeriod period, PeriodKpis snapshot, decimal networkCoveragePercent)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (period is null) throw new ArgumentNullException(nameof(period));
        if (snapshot is null) throw new ArgumentNullException(nameof(snapshot));
        var row = new KpiSnapshot
        {
            Name = "KPIs " + snapshot.IdempotencyKey,
            PeriodStart = period.StartUtc,
            PeriodEnd = period.EndUtc,
            NewCustomers = snapshot.Acquisition,
            ActiveCustomers = snapshot.ActiveCustomers,
            RetentionRate = snapshot.RetentionRatePercent,
            ChurnRate = snapshot.ChurnRatePercent,
            AverageClv = new Money(snapshot.AverageClv),
            Nps = snapshot.NetPromoterScore,
            TargetRevenueShare = snapshot.TargetBaseRevenueSharePercent,
            NetworkCoverage = networkCoveragePercent,
        };
        row.KeyAttributes.Add(KpiSnapshot.Fields.Period, KeyOf(period));
        var response = (UpsertResponse)service.Execute(new UpsertRequest { Target = row });
        return response.Target;
    }

    public static string KeyOf(KpiPeriod period) => period.StartUtc.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
