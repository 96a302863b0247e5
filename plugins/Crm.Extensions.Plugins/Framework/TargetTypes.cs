using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Domain;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;

namespace Crm.Extensions.Plugins.Framework;

/// <summary>
/// Refuses a Target column whose value has the wrong type before a PreValidation or PreOperation handler reads it.
/// Dataverse checks value types in its own validation step of the main operation, after stages 10 and 20, so an SDK
/// caller's string in a choice column reaches those handlers as it was sent (see the bad-input property tests). The
/// expected types come from the generated early-bound classes of this assembly: a choice property is an enum (sent as
/// OptionSetValue), the others are the SDK type itself. Columns without an early-bound property are left to the platform.
/// </summary>
internal static class TargetTypes
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, Type>>> Tables = new(Read);

    public static void Check(Entity target)
    {
        if (!Tables.Value.TryGetValue(target.LogicalName ?? string.Empty, out var columns)) return;
        foreach (var pair in target.Attributes)
        {
            if (pair.Value is null || !columns.TryGetValue(pair.Key, out var expected) || expected.IsInstanceOfType(pair.Value)) continue;
            throw new BusinessRuleException(InputRules.WrongType($"{pair.Key} ({target.LogicalName})", expected, pair.Value));
        }
    }

    private static Dictionary<string, Dictionary<string, Type>> Read()
    {
        var tables = new Dictionary<string, Dictionary<string, Type>>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in typeof(TargetTypes).Assembly.GetTypes().Where(t => typeof(Entity).IsAssignableFrom(t)))
        {
            var table = type.GetCustomAttribute<EntityLogicalNameAttribute>()?.LogicalName;
            if (table is null) continue;
            var columns = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var column = property.GetCustomAttribute<AttributeLogicalNameAttribute>()?.LogicalName;
                if (column is not null) columns[column] = WireType(property.PropertyType);
            }

            tables[table] = columns;
        }

        return tables;
    }

    private static Type WireType(Type property)
    {
        var plain = Nullable.GetUnderlyingType(property) ?? property;
        if (plain.IsEnum) return typeof(OptionSetValue);
        if (
            plain != typeof(string)
            && plain.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                && i.GetGenericArguments()[0].IsEnum))
        {
            return typeof(OptionSetValueCollection);
        }

        return plain;
    }
}
