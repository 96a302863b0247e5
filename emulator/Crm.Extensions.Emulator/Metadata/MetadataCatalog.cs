using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Faults;

namespace Crm.Extensions.Emulator.Metadata;

/// <summary>Everything the emulator knows about the environment: tables, relationships, steps, custom APIs, column security.</summary>
public sealed class MetadataCatalog
{
    /// <summary>Platform limits on alternate keys.</summary>
    public const int MaxKeysPerTable = 10;
    public const int MaxColumnsPerKey = 16;

    public Dictionary<string, TableMetadata> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, RelationshipMetadata> Relationships { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, HashSet<int>> GlobalOptionSets { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Labels of the global choices' values per language code.</summary>
    public Dictionary<string, Dictionary<int, Dictionary<int, string>>> GlobalOptionLabels { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<StepRegistration> Steps { get; } = new();

    public Dictionary<string, CustomApiMetadata> CustomApis { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<FieldSecurityProfileMetadata> FieldSecurityProfiles { get; } = new();

    /// <summary>Security roles of the solution (Roles/*.xml), by name.</summary>
    public List<RoleMetadata> Roles { get; } = new();

    /// <summary>Adds a table, merging with an earlier definition of the same table instead of losing either.</summary>
    public void AddTable(TableMetadata table)
    {
        if (Tables.TryGetValue(table.LogicalName, out var existing)) existing.MergeFrom(table);
        else Tables[table.LogicalName] = table;
    }

    public TableMetadata Table(string logicalName) =>
        logicalName is not null && Tables.TryGetValue(logicalName, out var table)
            ? table : throw PlatformFault.UnknownTable(logicalName ?? "");

    public bool HasTable(string logicalName) => Tables.ContainsKey(logicalName);

    public ColumnMetadata Column(string table, string column) =>
        Table(table).Column(column) ?? throw PlatformFault.UnknownColumn(table, column);

    public RelationshipMetadata Relationship(string schemaName) =>
        Relationships.TryGetValue(schemaName, out var relationship)
            ? relationship
            : throw PlatformFault.Create(ErrorCodes.ObjectDoesNotExist, $"Could not find relationship '{schemaName}'.");

    /// <summary>Links metadata read from separate files: global choices, lookup targets from relationships, intersect tables, key
    /// rules.</summary>
    public void Complete()
    {
        foreach (var column in Tables.Values.SelectMany(t => t.Columns.Values))
        {
            if (column.GlobalOptionSetName is not null && GlobalOptionSets.TryGetValue(column.GlobalOptionSetName, out var options))
            {
                column.Options.UnionWith(options);
            }

            if (column.GlobalOptionSetName is not null && GlobalOptionLabels.TryGetValue(column.GlobalOptionSetName, out var labels))
            {
                foreach (var pair in labels) column.OptionLabels.TryAdd(pair.Key, pair.Value);
            }
        }

        foreach (var relationship in Relationships.Values)
        {
            if (relationship.Kind == RelationshipKind.OneToMany)
            {
                if (Tables.TryGetValue(relationship.ReferencingEntity, out var referencing)
                    && referencing.Column(relationship.ReferencingAttribute) is { IsLookup: true } lookup)
                {
                    // owner_<table> relationships reference the abstract "owner": an owner lookup points at a user or a team.
                    if (relationship.ReferencedEntity.Equals("owner", StringComparison.OrdinalIgnoreCase))
                        lookup.Targets.UnionWith(new[] { "systemuser", "team" });
                    else lookup.Targets.Add(relationship.ReferencedEntity);
                    var selfReferencing = relationship.ReferencedEntity.Equals(relationship.ReferencingEntity,
                        StringComparison.OrdinalIgnoreCase);
                    if (relationship.IsHierarchical && selfReferencing) referencing.HierarchyParentAttribute = lookup.LogicalName;
                }
            }
            else if (!Tables.ContainsKey(relationship.IntersectEntity))
            {
                var intersect = new TableMetadata(relationship.IntersectEntity, relationship.IntersectEntity + "id") { IsIntersect = true };
                intersect.Add(new ColumnMetadata(intersect.PrimaryIdAttribute, ColumnType.PrimaryKey));
                intersect.Add(new ColumnMetadata(relationship.Entity1IntersectAttribute, ColumnType.UniqueIdentifier));
                intersect.Add(new ColumnMetadata(relationship.Entity2IntersectAttribute, ColumnType.UniqueIdentifier));
                Tables[intersect.LogicalName] = intersect;
            }
        }

        foreach (var table in Tables.Values) ValidateKeys(table);
    }

    private static void ValidateKeys(TableMetadata table)
    {
        if (table.Keys.Count > MaxKeysPerTable)
        {
            throw new InvalidOperationException($"{table.LogicalName} defines {table.Keys.Count} alternate keys; Dataverse "
                + $"allows {MaxKeysPerTable}.");
        }

        foreach (var key in table.Keys)
        {
            if (key.Columns.Count > MaxColumnsPerKey)
            {
                throw new InvalidOperationException($"Key {key.Name} of {table.LogicalName} has {key.Columns.Count} columns; Dataverse "
                    + $"allows {MaxColumnsPerKey}.");
            }

            foreach (var name in key.Columns)
            {
                var column = table.Column(name) ?? throw new InvalidOperationException($"Key {key.Name} of {table.LogicalName} names "
                    + $"unknown column {name}.");
                if (column.IsSecured)
                {
                    throw new InvalidOperationException($"Key {key.Name} of {table.LogicalName} uses secured column {name}; Dataverse "
                        + $"refuses secured columns in keys.");
                }
            }
        }
    }
}
