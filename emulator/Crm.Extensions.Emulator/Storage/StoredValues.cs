using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Storage;

/// <summary>What the platform does to values before it stores them: blanks become null, defaults fill in, fullname is composed.</summary>
internal static class StoredValues
{
    /// <summary>Dataverse stores an empty string as null, so a Retrieve returns no value for it.</summary>
    public static void BlankStringsToNull(Dictionary<string, object?> values)
    {
        List<string>? blanks = null;
        foreach (var pair in values)
        {
            if (pair.Value is string { Length: 0 }) (blanks ??= new List<string>()).Add(pair.Key);
        }

        if (blanks is null) return;
        foreach (var key in blanks) values[key] = null;
    }

    /// <summary>A Create without a two-option or choice column stores the column's default from its metadata.</summary>
    public static void ApplyDefaults(TableMetadata table, Dictionary<string, object?> values)
    {
        foreach (var column in table.DefaultedColumns)
        {
            if (values.TryGetValue(column.LogicalName, out var given) && given is not null) continue;
            values[column.LogicalName] = column.DefaultValue is int option ? new OptionSetValue(option) : column.DefaultValue;
        }
    }

    /// <summary>
    /// fullname of a person (contact, systemuser) is "First Middle Last" from its parts, the organization's default full-name
    /// format; it is recomputed whenever a part changes. <paramref name="into"/> receives the composed value.
    /// </summary>
    public static void ComposeFullName(TableMetadata table, IReadOnlyDictionary<string, object?> merged, Dictionary<string, object?> into)
    {
        if (!ChangesFullName(table, into)) return;
        var parts = NameParts.Select(p => merged.TryGetValue(p, out var v) ? v as string : null).Where(p => !string.IsNullOrWhiteSpace(p));
        var fullName = string.Join(" ", parts);
        into["fullname"] = fullName.Length == 0 ? null : fullName;
    }

    /// <summary>Whether <paramref name="changes"/> touch a name part of a table that composes a full name.</summary>
    public static bool ChangesFullName(TableMetadata table, IReadOnlyDictionary<string, object?> changes) =>
        table.Column("fullname") is not null && table.Column("lastname") is not null && NameParts.Any(changes.ContainsKey);

    private static readonly string[] NameParts = { "firstname", "middlename", "lastname" };
}
