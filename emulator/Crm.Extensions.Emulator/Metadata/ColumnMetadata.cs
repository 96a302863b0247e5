using System;
using System.Collections.Generic;

namespace Crm.Extensions.Emulator.Metadata;

/// <summary>Column types as the solution XML names them (CrmDataType), folded into what the emulator validates.</summary>
public enum ColumnType
{
    String,
    Memo,
    Integer,
    BigInt,
    Decimal,
    Double,
    Money,
    DateTime,
    Boolean,
    Picklist,
    MultiSelectPicklist,
    State,
    Status,
    Lookup,
    Customer,
    Owner,
    PrimaryKey,
    UniqueIdentifier,
    EntityName,
    Other,
}

public sealed class ColumnMetadata
{
    public ColumnMetadata(string logicalName, ColumnType type)
    {
        LogicalName = logicalName;
        Type = type;
    }

    public string LogicalName { get; }

    public ColumnType Type { get; }

    /// <summary>Characters allowed in a String or Memo column.</summary>
    public int? MaxLength { get; init; }

    public decimal? MinValue { get; init; }

    public decimal? MaxValue { get; init; }

    /// <summary>Valid choice values (Picklist, State, Status, MultiSelectPicklist). Empty means not known: any value passes.</summary>
    public HashSet<int> Options { get; } = new();

    /// <summary>For Status: the statecode each statuscode belongs to.</summary>
    public Dictionary<int, int> StatusToState { get; } = new();

    /// <summary>Global choice the column uses; resolved to <see cref="Options"/> after all files are read.</summary>
    public string? GlobalOptionSetName { get; init; }

    /// <summary>Tables a lookup may point at. Filled from LookupTypes and from the relationships.</summary>
    public HashSet<string> Targets { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsSecured { get; init; }

    /// <summary>The schema name (attribute/@PhysicalName); the logical name when none is given.</summary>
    public string? SchemaName { get; init; }

    /// <summary>RequiredLevel as the solution XML writes it: none, recommended, required (application) or systemrequired.</summary>
    public string? RequiredLevel { get; init; }

    public bool IsCustom { get; init; }

    /// <summary>Display names per language code (displaynames).</summary>
    public Dictionary<int, string> DisplayNames { get; } = new();

    /// <summary>Labels of choice values (two-option columns use 0 and 1) per language code, from the solution's option sets.</summary>
    public Dictionary<int, Dictionary<int, string>> OptionLabels { get; } = new();

    /// <summary>The value a Create without this column stores: a choice's default option or a two-option column's default.</summary>
    public object? DefaultValue { get; set; }

    /// <summary>The label of a choice value in <paramref name="languageCode"/>, else in English, else any; null when none is
    /// known.</summary>
    public string? Label(int value, int languageCode)
    {
        if (!OptionLabels.TryGetValue(value, out var labels)) return null;
        if (labels.TryGetValue(languageCode, out var label) || labels.TryGetValue(1033, out label)) return label;
        foreach (var any in labels.Values) return any;
        return null;
    }

    public bool IsLookup => Type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;

    public bool IsChoice => Type is ColumnType.Picklist or ColumnType.State or ColumnType.Status;

    public override string ToString() => $"{LogicalName} ({Type})";
}
