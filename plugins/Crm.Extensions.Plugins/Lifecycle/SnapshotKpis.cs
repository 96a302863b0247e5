using Crm.Extensions.Dataverse.Lifecycle;
using Crm.Extensions.Dataverse.Network;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Lifecycle;

/// <summary>
/// cx_SnapshotKpis(Period "yyyy-MM"): calculates the period's KPIs (and the network KPI at its end) and upserts its one cx_kpisnapshot by the alternate key,
/// so a re-run updates the row and never duplicates it. A malformed period is refused (en/es) and writes nothing.
/// </summary>
public sealed class SnapshotKpis : PluginBase
{
    public const string ApiName = SnapshotKpisApi.UniqueName;
    public const string PeriodParameter = nameof(SnapshotKpisApi.Request.Period);
    public const string SnapshotOutput = nameof(SnapshotKpisApi.Response.Snapshot);

    public SnapshotKpis(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var period = KpiPeriods.Parse(context.Input(SnapshotKpisApi.Request.Period), context.Clock.UtcNow);
        var inputs = KpiInputsReader.Read(context.UserService, period, context.Settings.Lifecycle());
        var snapshot = KpiSnapshot.Calculate(period, inputs);
        var coverage = NetworkCoverageReader.Read(context.UserService, period.EndUtc.AddTicks(-1));
        var written = KpiSnapshotWriter.Write(context.UserService, period, snapshot, coverage.CoveragePercent);
        context.SetOutput(SnapshotKpisApi.Response.Snapshot, written);
    }
}
