using System;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Messages;

/// <summary>
/// Deep insert (Create with Entity.RelatedEntities: each related row is created by its own Create, in the same transaction, and
/// linked through the named relationship) and Retrieve with RelatedEntitiesQuery (the related rows each query selects).
/// </summary>
internal sealed class DeepInsert
{
    private readonly EmulatorEngine _engine;
    private readonly DataMessages _data;

    public DeepInsert(EmulatorEngine engine, DataMessages data)
    {
        _engine = engine;
        _data = data;
    }

    /// <summary>Rows the new row looks up (many-to-one) are created first, and the lookup is set to them.</summary>
    public void CreateParents(TableMetadata table, Entity target, CallFrame frame)
    {
        foreach (var (relationship, rows) in Related(target))
        {
            if (relationship.Kind != RelationshipKind.OneToMany || !IsReferencing(relationship, table)) continue;
            if (rows.Entities.Count != 1)
            {
                throw PlatformFault.InvalidArgument($"{relationship.SchemaName}: a row looks up one {relationship.ReferencedEntity}, "
                    + $"not {rows.Entities.Count}."
                    + $" / {relationship.SchemaName}: una fila apunta a un solo {relationship.ReferencedEntity}.");
            }

            var parent = rows.Entities[0];
            parent.Id = Create(parent, frame);
            target[relationship.ReferencingAttribute] = new EntityReference(parent.LogicalName, parent.Id);
        }
    }

    /// <summary>Rows that look the new row up (one-to-many) and many-to-many partners are created after it and linked to it.</summary>
    public void CreateChildren(TableMetadata table, Entity target, CallFrame frame)
    {
        foreach (var (relationship, rows) in Related(target))
        {
            if (relationship.Kind == RelationshipKind.OneToMany && IsReferencing(relationship, table)) continue;
            foreach (var row in rows.Entities)
            {
                if (relationship.Kind == RelationshipKind.OneToMany)
                {
                    row[relationship.ReferencingAttribute] = new EntityReference(table.LogicalName, target.Id);
                    row.Id = Create(row, frame);
                    continue;
                }

                row.Id = Create(row, frame);
                new Relationships(_engine).Apply(relationship, target.ToEntityReference(), row.ToEntityReference(), associate: true);
            }
        }
    }

    public void RetrieveRelated(TableMetadata table, Entity entity, RelationshipQueryCollection queries, Guid userId)
    {
        foreach (var pair in queries)
        {
            var relationship = _engine.Catalog.Relationship(pair.Key.SchemaName);
            if (pair.Value is not QueryExpression query)
            {
                throw PlatformFault.InvalidArgument("RelatedEntitiesQuery takes a QueryExpression per relationship. / "
                    + "RelatedEntitiesQuery acepta una QueryExpression por relación.");
            }

            var scoped = new QueryExpression(query.EntityName) { ColumnSet = query.ColumnSet, Distinct = query.Distinct,
                TopCount = query.TopCount };
            scoped.Criteria.AddFilter(query.Criteria);
            foreach (var order in query.Orders) scoped.Orders.Add(order);
            foreach (var link in query.LinkEntities) scoped.LinkEntities.Add(link);
            var related = _engine.Catalog.Table(query.EntityName);
            if (relationship.Kind == RelationshipKind.ManyToMany)
            {
                var (mine, theirs) = table.LogicalName == relationship.Entity1
                    ? (relationship.Entity1IntersectAttribute, relationship.Entity2IntersectAttribute)
                    : (relationship.Entity2IntersectAttribute, relationship.Entity1IntersectAttribute);
                var ids = _engine.Store.Rows(relationship.IntersectEntity).Where(r => Equals(r.Get(mine), entity.Id)).Select(r =>
                    r.Get(theirs)).ToArray();
                if (ids.Length == 0) scoped.Criteria.AddCondition(related.PrimaryIdAttribute, ConditionOperator.Null);
                else scoped.Criteria.AddCondition(related.PrimaryIdAttribute, ConditionOperator.In, ids);
            }
            else if (IsReferencing(relationship, table))
            {
                var parent = _engine.Store.Find(table.LogicalName, entity.Id)?.Get(relationship.ReferencingAttribute) as EntityReference;
                if (parent is null) scoped.Criteria.AddCondition(related.PrimaryIdAttribute, ConditionOperator.Null);
                else scoped.Criteria.AddCondition(related.PrimaryIdAttribute, ConditionOperator.Equal, parent.Id);
            }
            else
            {
                scoped.Criteria.AddCondition(relationship.ReferencingAttribute, ConditionOperator.Equal, entity.Id);
            }

            var rows = _engine.Queries.Execute(scoped, userId);
            entity.RelatedEntities[pair.Key] = new EntityCollection(rows.Entities.ToList()) { EntityName = related.LogicalName };
        }
    }

    /// <summary>For a self-referencing relationship the new row is the parent unless the caller names the Referencing role.</summary>
    private static bool IsReferencing(RelationshipMetadata relationship, TableMetadata table) =>
        relationship.ReferencingEntity == table.LogicalName && relationship.ReferencedEntity != table.LogicalName;

    private System.Collections.Generic.IEnumerable<(RelationshipMetadata Relationship, EntityCollection Rows)> Related(Entity target) =>
        target.RelatedEntities.Select(pair => (_engine.Catalog.Relationship(pair.Key.SchemaName), pair.Value)).ToList();

    private Guid Create(Entity row, CallFrame frame) => ((CreateResponse)_data.Create(new CreateRequest { Target = row }, frame)).id;
}
