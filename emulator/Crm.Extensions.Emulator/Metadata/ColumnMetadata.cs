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

    public bool IsLookup => Type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;

    public bool IsChoice => Type is ColumnType.Picklist or ColumnType.State or ColumnType.Status;

    public override string ToString() => $"{LogicalName} ({Type})";
}
