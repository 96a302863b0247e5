using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Crm.Extensions.Cli.Packaging;

namespace Crm.Extensions.Cli.Validation;

/// <summary>
/// What a cloud flow (a &lt;Workflow&gt; of category 5) needs to import and run that the schema cannot say: solution.xml lists
/// it as a root component (type 29, by id, as exports do); its JSON is in the zip and parses; every connection reference it names is
/// declared in &lt;connectionreferences&gt; for the same connector;
/// every action's connection is one of the flow's; and each Dataverse action names an entity set, columns and choice values
/// that the solution's own tables have. Tables the package does not carry are not checked here.
/// </summary>
public static partial class CloudFlowRules
{
    private const string DataverseApiId = "/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps";

    public static IEnumerable<string> Check(SolutionPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var declared = package.Customizations.Elements("connectionreferences").Elements("connectionreference")
            .ToDictionary(r => r.Attribute("connectionreferencelogicalname")?.Value ?? string.Empty,
                r => r.Element("connectorid")?.Value ?? string.Empty, StringComparer.Ordinal);
        var tables = Tables(package.Customizations);
        var flows = package.Customizations.Elements("Workflows").Elements("Workflow").Where(w => w.Element("Category")?.Value == "5");
        var roots = package.Solution.Descendants("RootComponent").Where(r => r.Attribute("type")?.Value == "29")
            .Select(r => Guid.TryParse(r.Attribute("id")?.Value, out var id) ? id : Guid.Empty).ToHashSet();
        foreach (var flow in flows)
        {
            var name = flow.Attribute("Name")?.Value;
            if (!Guid.TryParse(flow.Attribute("WorkflowId")?.Value, out var flowId) || !roots.Contains(flowId))
            {
                yield return $"cloud flow {name}: solution.xml lists no RootComponent type=\"29\" with its WorkflowId.";
            }

            var fileName = flow.Element("JsonFileName")?.Value.Trim();
            if (string.IsNullOrEmpty(fileName))
            {
                yield return $"cloud flow {name}: has no JsonFileName; a flow of category 5 is defined by its JSON.";
                continue;
            }

            if (!package.Files.TryGetValue(fileName.TrimStart('/'), out var bytes))
            {
                continue; // PackageChecks.FileReferences reports the missing entry.
            }

            var (document, parseError) = Parse(bytes);
            if (document is null)
            {
                yield return $"cloud flow {name}: {fileName} is not valid JSON: {parseError}";
                continue;
            }

            using (document)
            {
                foreach (var error in CheckDefinition(document.RootElement, declared, tables))
                {
                    yield return $"cloud flow {name} ({fileName}): {error}";
                }
            }
        }
    }

    private static (JsonDocument? Document, string? Error) Parse(byte[] bytes)
    {
        try
        {
            return (JsonDocument.Parse(bytes), null);
        }
        catch (JsonException error)
        {
            return (null, error.Message);
        }
    }

    private static IEnumerable<string> CheckDefinition(
        JsonElement root, Dictionary<string, string> declared, Dictionary<string, XElement> tables)
    {
        if (!root.TryGetProperty("properties", out var properties) || !properties.TryGetProperty("definition", out var definition)
            || !definition.TryGetProperty("actions", out var actions))
        {
            yield return "has no properties.definition.actions.";
            yield break;
        }

        var connections = new HashSet<string>(StringComparer.Ordinal);
        if (properties.TryGetProperty("connectionReferences", out var references))
        {
            foreach (var reference in references.EnumerateObject())
            {
                connections.Add(reference.Name);
                var logicalName = Text(reference.Value, "connection", "connectionReferenceLogicalName");
                var api = Text(reference.Value, "api", "name");
                if (logicalName is null)
                {
                    yield return $"connection {reference.Name} names no connectionReferenceLogicalName.";
                }
                else if (!declared.TryGetValue(logicalName, out var connector))
                {
                    yield return $"connection {reference.Name} uses connection reference {logicalName}, "
                        + "which <connectionreferences> does not declare.";
                }
                else if (api is not null && !connector.EndsWith("/" + api, StringComparison.Ordinal))
                {
                    yield return $"connection {reference.Name} is for {api}, but connection reference {logicalName} is for {connector}.";
                }
            }
        }

        foreach (var (actionName, action) in Actions(actions))
        {
            if (!action.TryGetProperty("inputs", out var inputs) || !inputs.TryGetProperty("host", out var host))
            {
                continue;
            }

            var connection = Text(host, "connectionName");
            if (connection is not null && !connections.Contains(connection))
            {
                yield return $"action {actionName} uses connection {connection}, which the flow's connectionReferences do not list.";
            }

            if (Text(host, "apiId") == DataverseApiId && inputs.TryGetProperty("parameters", out var parameters))
            {
                foreach (var error in DataverseParameters(parameters, tables))
                {
                    yield return $"action {actionName}: {error}";
                }
            }
        }
    }

    /// <summary>
    /// The entity set, the filter's "column eq value" terms, $select and item/column values against the table's metadata.
    /// </summary>
    private static IEnumerable<string> DataverseParameters(JsonElement parameters, Dictionary<string, XElement> tables)
    {
        var entitySet = Text(parameters, "entityName");
        if (entitySet is null || entitySet.StartsWith('@'))
        {
            yield break;
        }

        if (!tables.TryGetValue(entitySet, out var entity))
        {
            yield return $"entity set {entitySet} is not the EntitySetName of any table the solution carries.";
            yield break;
        }

        var values = new List<(string Column, string? Value)>();
        if (Text(parameters, "$select") is { } select)
        {
            values.AddRange(select.Split(',').Select(c => (c.Trim(), (string?)null)));
        }

        if (Text(parameters, "$filter") is { } filter)
        {
            values.AddRange(FilterTerm().Matches(filter).Select(m => (m.Groups["column"].Value, (string?)m.Groups["value"].Value)));
        }

        foreach (var property in parameters.EnumerateObject().Where(p => p.Name.StartsWith("item/", StringComparison.Ordinal)))
        {
            var number = property.Value.ValueKind == JsonValueKind.Number ? property.Value.GetRawText() : null;
            values.Add((property.Name["item/".Length..], number));
        }

        foreach (var (column, value) in values)
        {
            var attribute = entity.Descendants("attribute").FirstOrDefault(a => a.Element("LogicalName")?.Value == column);
            if (attribute is null)
            {
                yield return $"column {column} is not a column of {entitySet}.";
                continue;
            }

            var options = attribute.Element("optionset")?.Descendants("option").Select(o => o.Attribute("value")?.Value).ToHashSet();
            if (value is not null && options is not null && !options.Contains(value))
            {
                yield return $"{value} is not a value of the choice {column} of {entitySet}.";
            }
        }
    }

    private static Dictionary<string, XElement> Tables(XElement customizations) =>
        customizations.Elements("Entities").Elements("Entity").Select(e => e.Element("EntityInfo")?.Element("entity"))
            .Where(e => e?.Element("EntitySetName") is not null)
            .ToDictionary(e => e!.Element("EntitySetName")!.Value, e => e!, StringComparer.Ordinal);

    /// <summary>Every action, including those nested in loops, conditions and scopes, with its name.</summary>
    private static IEnumerable<(string Name, JsonElement Action)> Actions(JsonElement actions)
    {
        foreach (var action in actions.EnumerateObject())
        {
            yield return (action.Name, action.Value);
            foreach (var branch in new[] { "actions", "else" })
            {
                if (!action.Value.TryGetProperty(branch, out var nested))
                {
                    continue;
                }

                var children = branch == "else" && nested.TryGetProperty("actions", out var elseActions) ? elseActions : nested;
                foreach (var child in Actions(children))
                {
                    yield return child;
                }
            }
        }
    }

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var step in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    [GeneratedRegex(@"(?<column>[a-z_][a-z0-9_]*)\s+eq\s+(?<value>-?\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex FilterTerm();
}
