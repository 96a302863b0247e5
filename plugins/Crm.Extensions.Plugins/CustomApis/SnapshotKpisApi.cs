using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Lifecycle;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_SnapshotKpis; its handler is <see cref="SnapshotKpis"/>.</summary>
public static class SnapshotKpisApi
{
    public const string UniqueName = "cx_SnapshotKpis";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(SnapshotKpis),
        displayName: new(
            "Snapshot KPIs",
            "Instantánea de KPI"),
        description: new(
            "Writes the one KPI snapshot of a month (re-running updates it).",
            "Escribe la única instantánea de KPI de un mes (repetirlo la actualiza)."),
        executePrivilegeName: "prvWritecx_CrmStrategy",
        request: [Request.Period],
        response: [Response.Snapshot]);

    public static class Request
    {
        public static readonly RequestParameter<string> Period = new(
            nameof(Period),
            isOptional: false,
            displayName: new(
                "Period",
                "Periodo"),
            description: new(
                "The month to measure, written yyyy-MM (for example 2026-11).",
                "El mes que medir, escrito aaaa-MM (por ejemplo 2026-11)."));
    }

    public static class Response
    {
        public static readonly ResponseProperty<EntityReference> Snapshot = new(
            nameof(Snapshot),
            displayName: new(
                "Snapshot",
                "Instantánea"),
            description: new(
                "The cx_kpisnapshot written.",
                "La cx_kpisnapshot escrita."));
    }
}
