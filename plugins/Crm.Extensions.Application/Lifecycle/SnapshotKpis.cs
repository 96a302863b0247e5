using System;
using Crm.Extensions.Dataverse.Lifecycle;
using Crm.Extensions.Dataverse.Network;
using Crm.Extensions.Domain.Lifecycle;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Lifecycle;

/// <summary>
/// cx_SnapshotKpis: the period's KPIs (and the network KPI at its end), upserted as its one cx_kpisnapshot by the
/// alternate key, so a re-run updates the row and never duplicates it. Reads and writes as the caller. A malformed period
/// is refused (en/es) and writes nothing.
/// </summary>
public static class SnapshotKpis
{
    public static EntityReference Run(IUseCaseContext context, string? periodText)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(SnapshotKpis);
        var period = KpiPeriods.Parse(periodText, context.Clock.UtcNow);
        var inputs = KpiInputsReader.Read(context.UserService, period, context.Settings.Lifecycle());
        var snapshot = PeriodKpis.Calculate(period, inputs);
        var coverage = NetworkCoverageReader.Read(context.UserService, period.EndUtc.AddTicks(-1));
        return KpiSnapshotWriter.Write(context.UserService, period, snapshot, coverage.CoveragePercent);
    }
}
