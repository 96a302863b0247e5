using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Storage;

/// <summary>
/// Cascading behaviour of one-to-many relationships on Delete and Assign, read from the relationship metadata
/// ("Configure table relationship cascading behavior" on learn.microsoft.com): Cascade deletes or reassigns the referencing
/// rows, RemoveLink clears their lookup, Restrict refuses the delete while any exists. A lookup that no relationship
/// describes behaves as RemoveLink. Runs inside the request's transaction, so a refusal rolls back what already cascaded.
/// </summary>
internal sealed class Cascades
{
    private readonly MetadataCatalog _catalog;
    private readonly DataStore _store;
    private readonly RowOperations _rows;

    public Cascades(MetadataCatalog catalog, DataStore store, RowOperations rows)
    {
        _catalog = catalog;
        _store = store;
        _rows = rows;
    }

    public void Delete(TableMetadata table, StoredRow row)
    {
        var children = Children(table, row.Id).ToList();
        foreach (var (relationship, childTable, child) in children)
        {
            if (relationship?.CascadeDelete == CascadeType.Restrict)
            {
                throw PlatformFault.Create(ErrorCodes.CascadeDeleteRestricted,
                    $"The {table.LogicalName} record cannot be deleted because it is referenced by a {childTable.LogicalName} record "
                        + $"through {relationship.SchemaName}"
                    + $" (restrict delete). / El registro de {table.LogicalName} no se puede eliminar porque lo referencia un registro de "
                    + $"{childTable.LogicalName} mediante {relationship.SchemaName} (eliminación restringida).",
                    new[] { new KeyValuePair<string, object>("CascadeDelete", relationship.SchemaName) });
            }
        }

        _store.Remove(table.LogicalName, row.Id);
        // Its shares go with it (principalobjectaccess rows, Security/Shares.cs).
        if (_store.Count(Security.Shares.Table) > 0)
        {
            foreach (var share in _store.Lookup(Security.Shares.Table, "objectid", row.Id).Select(r => r.Id).ToList())
            {
                _store.Remove(Security.Shares.Table, share);
            }
        }

        foreach (var (relationship, childTable, child) in children)
        {
            if (_store.Find(childTable.LogicalName, child.Id) is null) continue;
            if (relationship?.CascadeDelete == CascadeType.Cascade)
            {
                Delete(childTable, child);
                continue;
            }

            var lookup = relationship?.ReferencingAttribute;
            var cleared = childTable.Columns.Values
                .Where(c => c.IsLookup && (lookup is null || c.LogicalName == lookup) && child.Get(c.LogicalName) is EntityReference link
                    && link.Id == row.Id)
                .Select(c => new KeyValuePair<string, object?>(c.LogicalName, null)).ToList();
            if (cleared.Count > 0) _store.Update(childTable.LogicalName, child, cleared);
        }

        // Its many-to-many associations go with it, found through the intersect table's lookup indexes.
        foreach (var relationship in _catalog.Relationships.Values.Where(r => r.Kind == RelationshipKind.ManyToMany))
        {
            var links = _store.Lookup(relationship.IntersectEntity, relationship.Entity1IntersectAttribute, row.Id)
                .Concat(_store.Lookup(relationship.IntersectEntity, relationship.Entity2IntersectAttribute, row.Id))
                .Select(l => l.Id).Distinct().ToList();
            foreach (var link in links) _store.Remove(relationship.IntersectEntity, link);
        }
    }

    /// <summary>
    /// A new owner on the referenced row goes to referencing rows whose relationship cascades Assign: all of them (Cascade),
    /// the active ones (Active), or those the previous owner owned (UserOwned).
    /// </summary>
    public void Assign(TableMetadata table, StoredRow row, EntityReference? previousOwner, EntityReference newOwner, Guid userId)
    {
        foreach (var (relationship, childTable, child) in Children(table, row.Id).ToList())
        {
            if (relationship is null || childTable.Column("ownerid") is null) continue;
            var applies = relationship.CascadeAssign switch
            {
                CascadeType.Cascade => true,
                CascadeType.Active => child.Get("statecode") is not OptionSetValue { Value: not 0 },
                CascadeType.UserOwned => child.Get("ownerid") is EntityReference owner && owner.Id == previousOwner?.Id,
                _ => false,
            };
            if (!applies || child.Get("ownerid") is EntityReference current && current.Id == newOwner.Id) continue;
            var update = new Entity(childTable.LogicalName, child.Id) { ["ownerid"] = new EntityReference(newOwner.LogicalName,
                newOwner.Id) };
            _rows.Update(update, userId, ConcurrencyBehavior.Default, enforceSecurity: false);
        }
    }

    /// <summary>Rows whose lookups point at the row, with the relationship that describes the lookup (null when none does).</summary>
    private IEnumerable<(RelationshipMetadata? Relationship, TableMetadata Table, StoredRow Row)> Children(TableMetadata table, Guid id)
    {
        foreach (var other in _catalog.Tables.Values)
        {
            var lookups = other.Columns.Values.Where(c => c.IsLookup && c.Targets.Contains(table.LogicalName)).ToList();
            if (lookups.Count == 0) continue;
            var described = lookups.ToDictionary(c => c.LogicalName, c => _catalog.Relationships.Values.FirstOrDefault(r =>
                r.Kind == RelationshipKind.OneToMany && r.ReferencedEntity == table.LogicalName && r.ReferencingEntity == other.LogicalName
                && r.ReferencingAttribute == c.LogicalName));
            // Through each lookup's index rather than reading every row of every table.
            foreach (var lookup in lookups)
            {
                foreach (var child in _store.Lookup(other.LogicalName, lookup.LogicalName, id))
                {
                    if (child.Get(lookup.LogicalName) is EntityReference link && link.Id == id
                        && string.Equals(link.LogicalName, table.LogicalName, StringComparison.Ordinal))
                    {
                        yield return (described[lookup.LogicalName], other, child);
                    }
                }
            }
        }
    }
}
