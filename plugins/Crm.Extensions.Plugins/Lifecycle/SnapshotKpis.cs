using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Lifecycle;

/// <summary>
/// cx_SnapshotKpis(Period "yyyy-MM"): calculates the period's KPIs (and the network KPI at its end) and upserts its one cx_kpisnapshot by the alternate key,
/// so a re-run updates the row and never duplicates it. A malformed period is refused (en/es) and writes nothing.
/// </summary>
public sealed class SnapshotKpis : PluginBase
{
    public const string ApiName = "cx_SnapshotKpis";
    public const string PeriodParameter = "Period";
    public const string SnapshotOutput = "Snapshot";

    public SnapshotKpis(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(ApiName), Handle);
    }

    private static void Handle(PluginContext context) =>
        context.SetOutput(SnapshotOutput, Application.Lifecycle.SnapshotKpis.Run(context, context.Input<string>(PeriodParameter)));
}
