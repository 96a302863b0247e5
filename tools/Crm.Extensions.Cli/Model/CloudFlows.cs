using System.Collections.Generic;

namespace Crm.Extensions.Cli.Model;

/// <summary>
/// A solution-aware pointer to a connection: the flow names it, and the environment binds it to a connection of its own at
/// import. <see cref="ConnectorId"/> is the connector's path (/providers/Microsoft.PowerApps/apis/&lt;api&gt;).
/// </summary>
public sealed record ConnectionReference(string LogicalName, string DisplayName, string ConnectorId)
{
    /// <summary>The connector's API name, the last segment of its id, as a flow's connectionReferences key it.</summary>
    public string ApiName => ConnectorId[(ConnectorId.LastIndexOf('/') + 1)..];
}

/// <summary>
/// A scheduled cloud flow that, every <see cref="EveryMinutes"/> minutes, lists the rows of <see cref="Table"/> whose choice
/// column <see cref="StatusColumn"/> holds <see cref="FromStatus"/> and sets each to <see cref="ToStatus"/> (English labels
/// of the column's choice, resolved to values from the model when the flow is written).
/// </summary>
public sealed record StatusFlow(string Name, Label Display, Label Description, ConnectionReference Connection, string Table,
    string StatusColumn, string FromStatus, string ToStatus, int EveryMinutes)
{
    /// <summary>
    /// Whether the flow is exported On (activated) or Off (draft); see plugins/Crm.Extensions.Plugins/Portfolio/README.md.
    /// </summary>
    public bool On { get; init; } = true;
}

/// <summary>The solution's cloud flows and the connection references they use.</summary>
internal static class CloudFlows
{
    public const string DataverseConnector = "/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps";

    public static readonly ConnectionReference Dataverse =
        new("cx_CrmExtensionsDataverse", "CRM Extensions - Microsoft Dataverse", DataverseConnector);

    /// <summary>
    /// Resumes paused portfolio analyses from outside the plug-in pipeline, so each resume starts a new chain at depth 1
    /// (plugins/Crm.Extensions.Plugins/Portfolio/README.md, "No manual re-queue").
    /// </summary>
    public static readonly StatusFlow ResumePausedAnalyses = new(
        "CRM Extensions - Resume paused portfolio analyses",
        Label.Of("CRM Extensions - Resume paused portfolio analyses", "Extensiones CRM - Reanudar análisis de cartera en pausa"),
        Label.Of(
            "Every 5 minutes, queues again every portfolio analysis that paused before the platform's limit of chained runs.",
            "Cada 5 minutos, vuelve a poner en cola cada análisis de cartera que se pausó antes del límite de ejecuciones encadenadas."),
        Dataverse, "cx_portfolioanalysis", "cx_analysisstatus", FromStatus: "Paused", ToStatus: "Queued", EveryMinutes: 5);

    public static readonly IReadOnlyList<StatusFlow> All = [ResumePausedAnalyses];

    public static readonly IReadOnlyList<ConnectionReference> ConnectionReferences = [Dataverse];
}
