using System;
using System.Collections.Generic;

namespace Crm.Extensions.Emulator.Metadata;

public sealed class TableMetadata
{
    public TableMetadata(string logicalName, string primaryIdAttribute)
    {
        LogicalName = logicalName;
        PrimaryIdAttribute = primaryIdAttribute;
    }

    public string LogicalName { get; }

    public string PrimaryIdAttribute { get; }

    public string? PrimaryNameAttribute { get; set; }

    public bool IsOptimisticConcurrencyEnabled { get; set; } = true;

    /// <summary>Intersect tables of many-to-many relationships hold no columns of their own beyond the two ids.</summary>
    public bool IsIntersect { get; set; }

    public Dictionary<string, ColumnMetadata> Columns { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<AlternateKeyMetadata> Keys { get; } = new();

    public ColumnMetadata? Column(string logicalName) => Columns.TryGetValue(logicalName, out var column) ? column : null;

    public void Add(ColumnMetadata column) => Columns[column.LogicalName] = column;

    public override string ToString() => LogicalName;
}

public sealed record AlternateKeyMetadata(string Name, IReadOnlyList<string> Columns);
