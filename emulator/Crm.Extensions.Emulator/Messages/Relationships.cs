using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Messages;

/// <summary>Associate and Disassociate: intersect rows for many-to-many, the lookup for one-to-many.</summary>
internal sealed class Relationships
{
    private readonly EmulatorEngine _engine;

    public Relationships(EmulatorEngine engine) => _engine = engine;

    public void Apply(RelationshipMetadata relationship, EntityReference target, EntityReference other, bool associate)
    {
        foreach (var reference in new[] { target, other })
        {
            if (_engine.Store.Find(_engine.Catalog.Table(reference.LogicalName).LogicalName, reference.Id) is null)
                throw PlatformFault.RecordNotFound(reference.LogicalName, reference.Id);
        }

        if (relationship.Kind == RelationshipKind.ManyToMany) ApplyManyToMany(relationship, target, other, associate);
        else ApplyOneToMany(relationship, target, other, associate);
    }

    private void ApplyManyToMany(RelationshipMetadata relationship, EntityReference target, EntityReference other, bool associate)
    {
        var (first, second) = target.LogicalName.Equals(relationship.Entity1, StringComparison.OrdinalIgnoreCase)
            ? (target, other) : (other, target);
        var existing = _engine.Store.Rows(relationship.IntersectEntity).FirstOrDefault(r =>
            Equals(r.Get(relationship.Entity1IntersectAttribute), first.Id)
                && Equals(r.Get(relationship.Entity2IntersectAttribute), second.Id));
        if (!associate)
        {
            if (existing is not null) _engine.Store.Remove(relationship.IntersectEntity, existing.Id);
            return;
        }

        if (existing is not null) throw PlatformFault.Create(ErrorCodes.DuplicateRecord, "Cannot insert duplicate key.");
        var id = Guid.NewGuid();
        _engine.Store.Insert(relationship.IntersectEntity, id, new Dictionary<string, object?>
        {
            [relationship.IntersectEntity + "id"] = id,
            [relationship.Entity1IntersectAttribute] = first.Id,
            [relationship.Entity2IntersectAttribute] = second.Id,
        });
    }

    private void ApplyOneToMany(RelationshipMetadata relationship, EntityReference target, EntityReference other, bool associate)
    {
        var (parent, child) = target.LogicalName.Equals(relationship.ReferencedEntity, StringComparison.OrdinalIgnoreCase)
            ? (target, other) : (other, target);
        var update = new Entity(child.LogicalName, child.Id) {
            [relationship.ReferencingAttribute] = associate ? new EntityReference(parent.LogicalName, parent.Id) : null };
        _engine.Rows.Update(update, _engine.Users.SystemUserId, ConcurrencyBehavior.Default, enforceSecurity: false);
    }
}
