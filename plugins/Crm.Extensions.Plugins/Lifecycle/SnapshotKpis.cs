using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Lifecycle;

/// <summary>
/// cx_SnapshotKpis(Period "yyyy-MM"): calculates the period's KPIs (and the network KPI at its end) and upserts its one cx_kpisnapshot by
/// the alternate key,
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

    private static void Handle(PluginContext context) =>
        context.SetOutput(SnapshotKpisApi.Response.Snapshot,
            Application.Lifecycle.SnapshotKpis.Run(context, context.Input(SnapshotKpisApi.Request.Period)));
}
