using System;
using System.Collections.Generic;
using System.Linq;

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

    /// <summary>The schema name as the solution spells it (Entity.xml entity/@Name); the logical name when none is given.</summary>
    public string? SchemaName { get; set; }

    /// <summary>Display names per language code (LocalizedNames), and plural ones (LocalizedCollectionNames).</summary>
    public Dictionary<int, string> DisplayNames { get; } = new();

    public Dictionary<int, string> DisplayCollectionNames { get; } = new();

    public bool IsOptimisticConcurrencyEnabled { get; set; } = true;

    /// <summary>Intersect tables of many-to-many relationships hold no columns of their own beyond the two ids.</summary>
    public bool IsIntersect { get; set; }

    public Dictionary<string, ColumnMetadata> Columns { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<AlternateKeyMetadata> Keys { get; } = new();

    /// <summary>UserOwned tables have ownerid and honour privilege depth; OrgOwned tables only know Global.</summary>
    public TableOwnership Ownership { get; set; } = TableOwnership.UserOwned;

    /// <summary>The lookup of the table's hierarchical self-referencing relationship (e.g. account.parentaccountid), if any.</summary>
    public string? HierarchyParentAttribute { get; set; }

    /// <summary>
    /// The column by its logical name. Logical names are case-sensitive in Dataverse ("Name" is not a column of account), so
    /// the lookup is ordinal even though the dictionary tolerates any case for the loaders.
    /// </summary>
    public ColumnMetadata? Column(string logicalName) =>
        logicalName is not null && Columns.TryGetValue(logicalName, out var column) && column.LogicalName == logicalName ? column : null;

    /// <summary>Columns with a metadata default (two-option and choice columns), applied on Create. Built once.</summary>
    public IReadOnlyList<ColumnMetadata> DefaultedColumns => _defaulted ??= Columns.Values.Where(c => c.DefaultValue is not null).ToList();

    private List<ColumnMetadata>? _defaulted;

    /// <summary>
    /// Adds what <paramref name="other"/> knows and this definition lacks. A solution carries only its own columns of a
    /// standard table (unmodified="1"), so the built-in definition fills in the platform columns.
    /// </summary>
    public void MergeFrom(TableMetadata other)
    {
        foreach (var column in other.Columns.Values) Columns.TryAdd(column.LogicalName, column);
        foreach (var key in other.Keys)
        {
            if (!Keys.Exists(k => k.Name.Equals(key.Name, StringComparison.OrdinalIgnoreCase))) Keys.Add(key);
        }

        PrimaryNameAttribute ??= other.PrimaryNameAttribute;
        SchemaName ??= other.SchemaName;
        foreach (var pair in other.DisplayNames) DisplayNames.TryAdd(pair.Key, pair.Value);
        foreach (var pair in other.DisplayCollectionNames) DisplayCollectionNames.TryAdd(pair.Key, pair.Value);
        HierarchyParentAttribute ??= other.HierarchyParentAttribute;
        Ownership = other.Ownership;
    }

    public void Add(ColumnMetadata column) => Columns[column.LogicalName] = column;

    public override string ToString() => LogicalName;
}

public enum TableOwnership
{
    UserOwned,
    OrganizationOwned,
}

public sealed record AlternateKeyMetadata(string Name, IReadOnlyList<string> Columns);
