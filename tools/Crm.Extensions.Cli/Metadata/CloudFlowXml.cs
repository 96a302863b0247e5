using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>
/// A cloud flow in SolutionPackager layout: the definition, <c>Workflows/&lt;Name&gt;-&lt;ID&gt;.json</c>, and its
/// <c>&lt;Workflow&gt;</c> entry, <c>Workflows/&lt;Name&gt;-&lt;ID&gt;.json.data.xml</c>; and the <c>&lt;connectionreference&gt;</c>
/// entries that customizations.xml carries inline. Shapes and values follow real exports; solution/README.md lists them
/// with their sources, and tests/Crm.Extensions.Cli.Tests/CloudFlowTests.cs cites them.
/// </summary>
internal static class CloudFlowXml
{
    /// <summary>The workflow table's category of a modern (automated, instant or scheduled) cloud flow.</summary>
    public const int ModernFlowCategory = 5;

    public const string DataverseApi = "shared_commondataserviceforapps";

    public const string ListActionName = "List_rows_to_resume";

    public const string LoopName = "Apply_to_each_row";

    public const string UpdateActionName = "Set_the_new_status";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private const string LogicAppsSchema =
        "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#";

    public static Guid Id(StatusFlow flow) => DeterministicGuid.Create($"workflow:{flow.Name}");

    /// <summary>/Workflows/ + the name with only letters, digits, '-' and '_' kept + '-' + the upper-case id, as exports name it.</summary>
    public static string JsonFileName(StatusFlow flow) =>
        $"/Workflows/{new string(flow.Name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray())}-"
        + Id(flow).ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant() + ".json";

    /// <summary>
    /// The &lt;Workflow&gt; entry, children in the schema's order (JsonFileName and the publisher flag are newer than it).
    /// </summary>
    public static XElement Workflow(StatusFlow flow) =>
        new("Workflow",
            new XAttribute("WorkflowId", Id(flow).Braced()),
            new XAttribute("Name", flow.Name),
            new XElement("JsonFileName", JsonFileName(flow)),
            new XElement("Type", 1),
            new XElement("Subprocess", 0),
            new XElement("Category", ModernFlowCategory),
            new XElement("Mode", 0),
            new XElement("Scope", 4),
            new XElement("OnDemand", 0),
            new XElement("TriggerOnCreate", 0),
            new XElement("TriggerOnDelete", 0),
            new XElement("AsyncAutodelete", 0),
            new XElement("SyncWorkflowLogOnFailure", 0),
            // statecode 1 = Activated (On), 0 = Draft (Off); statuscode 2 = Activated, 1 = Draft.
            new XElement("StateCode", flow.On ? 1 : 0),
            new XElement("StatusCode", flow.On ? 2 : 1),
            new XElement("RunAs", 1),
            new XElement("IsTransacted", 1),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("IsCustomizable", 1),
            new XElement("IsCustomProcessingStepAllowedForOtherPublishers", 1),
            new XElement("PrimaryEntity", "none"),
            Xml.Labels("LocalizedNames", "LocalizedName", flow.Display),
            Xml.Labels("Descriptions", "Description", flow.Description));

    public static XElement ConnectionReference(ConnectionReference reference) =>
        new("connectionreference", new XAttribute("connectionreferencelogicalname", reference.LogicalName),
            new XElement("connectionreferencedisplayname", reference.DisplayName),
            new XElement("connectorid", reference.ConnectorId),
            new XElement("iscustomizable", 1),
            new XElement("statecode", 0),
            new XElement("statuscode", 1));

    /// <summary>
    /// The definition: a Recurrence trigger, Dataverse "List rows" filtered on the old status, and per row "Update a row".
    /// </summary>
    public static byte[] Definition(StatusFlow flow)
    {
        var table = CrmExtensionsModel.Table(flow.Table);
        var column = table.Column(flow.StatusColumn);
        var choice = column.Choice ?? throw new InvalidOperationException($"{flow.Table}.{flow.StatusColumn} is not a choice column.");
        int ValueOf(string english) => choice.Options.Single(o => o.Label.En == english).Value;
        var api = flow.Connection.ApiName;

        var definition = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["connectionReferences"] = new JsonObject
                {
                    [api] = new JsonObject
                    {
                        ["runtimeSource"] = "embedded",
                        ["connection"] = new JsonObject { ["connectionReferenceLogicalName"] = flow.Connection.LogicalName },
                        ["api"] = new JsonObject { ["name"] = api },
                    },
                },
                ["definition"] = new JsonObject
                {
                    ["$schema"] = LogicAppsSchema,
                    ["contentVersion"] = "1.0.0.0",
                    ["parameters"] = new JsonObject
                    {
                        ["$connections"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "Object" },
                        ["$authentication"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "SecureObject" },
                    },
                    ["triggers"] = new JsonObject
                    {
                        ["Recurrence"] = new JsonObject
                        {
                            ["recurrence"] = new JsonObject { ["frequency"] = "Minute", ["interval"] = flow.EveryMinutes },
                            ["type"] = "Recurrence",
                        },
                    },
                    ["actions"] = new JsonObject
                    {
                        [ListActionName] = Action(flow.Connection, "ListRecords", new JsonObject
                        {
                            ["entityName"] = table.EntitySetName,
                            ["$select"] = table.PrimaryIdColumn,
                            ["$filter"] = $"{column.LogicalName} eq {ValueOf(flow.FromStatus).ToString(CultureInfo.InvariantCulture)}",
                        }, new JsonObject()),
                        [LoopName] = new JsonObject
                        {
                            ["foreach"] = $"@outputs('{ListActionName}')?['body/value']",
                            ["actions"] = new JsonObject
                            {
                                [UpdateActionName] = Action(flow.Connection, "UpdateRecord", new JsonObject
                                {
                                    ["entityName"] = table.EntitySetName,
                                    ["recordId"] = $"@items('{LoopName}')?['{table.PrimaryIdColumn}']",
                                    ["item/" + column.LogicalName] = ValueOf(flow.ToStatus),
                                }, new JsonObject()),
                            },
                            ["runAfter"] = new JsonObject { [ListActionName] = new JsonArray("Succeeded") },
                            ["type"] = "Foreach",
                        },
                    },
                },
                ["templateName"] = null,
            },
            ["schemaVersion"] = "1.0.0.0",
        };
        return Encoding.UTF8.GetBytes(definition.ToJsonString(JsonOptions));
    }

    private static JsonObject Action(ConnectionReference connection, string operation, JsonObject parameters, JsonObject runAfter) => new()
    {
        ["runAfter"] = runAfter,
        ["type"] = "OpenApiConnection",
        ["inputs"] = new JsonObject
        {
            ["host"] = new JsonObject
            {
                ["connectionName"] = connection.ApiName,
                ["operationId"] = operation,
                ["apiId"] = connection.ConnectorId,
            },
            ["parameters"] = parameters,
            ["authentication"] = "@parameters('$authentication')",
        },
    };
}
