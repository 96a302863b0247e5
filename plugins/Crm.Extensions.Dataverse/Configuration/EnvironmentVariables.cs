using System;
using System.Collections.Generic;
using System.Globalization;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Configuration;

/// <summary>
/// Program settings from Dataverse environment variables: the environment's value when one is set, otherwise the
/// definition's default, otherwise the caller's fallback. Read with one query (definition left-outer-join value), and only
/// by the handlers that need a setting.
/// </summary>
public sealed class EnvironmentVariables
{
    private const string ValueAlias = "v";
    private readonly Dictionary<string, string> _values;

    private EnvironmentVariables(Dictionary<string, string> values) => _values = values;

    public static EnvironmentVariables Read(IOrganizationService service, params string[] schemaNames)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (schemaNames.Length == 0) return new EnvironmentVariables(values);

        var query = new QueryExpression(EnvironmentVariableDefinition.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(EnvironmentVariableDefinition.Fields.SchemaName, EnvironmentVariableDefinition.Fields.DefaultValue),
        };
        query.Criteria.AddCondition(EnvironmentVariableDefinition.Fields.SchemaName, ConditionOperator.In, schemaNames);
        var value = query.AddLink(
            EnvironmentVariableValue.EntityLogicalName,
            EnvironmentVariableDefinition.Fields.EnvironmentVariableDefinitionId,
            EnvironmentVariableValue.Fields.EnvironmentVariableDefinitionId,
            JoinOperator.LeftOuter);
        value.EntityAlias = ValueAlias;
        value.Columns = new ColumnSet(EnvironmentVariableValue.Fields.Value);

        foreach (var row in service.RetrieveMultiple(query).Entities)
        {
            var name = row.GetAttributeValue<string>(EnvironmentVariableDefinition.Fields.SchemaName);
            var current = row.GetAttributeValue<AliasedValue>(ValueAlias + "." + EnvironmentVariableValue.Fields.Value)?.Value as string;
            var chosen = !string.IsNullOrWhiteSpace(current)
                ? current : row.GetAttributeValue<string>(EnvironmentVariableDefinition.Fields.DefaultValue);
            if (name is not null && !string.IsNullOrWhiteSpace(chosen)) values[name] = chosen!.Trim();
        }

        return new EnvironmentVariables(values);
    }

    /// <summary>A number setting; <paramref name="fallback"/> when unset or not a number (invariant culture).</summary>
    public decimal Decimal(string schemaName, decimal fallback) =>
        _values.TryGetValue(schemaName, out var text)
            && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? number
            : fallback;

    public int Int(string schemaName, int fallback) => (int)Math.Round(Decimal(schemaName, fallback), 0, MidpointRounding.AwayFromZero);
}
