using System;
using System.Linq;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Pipeline;
using Crm.Extensions.Emulator.Security;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Messages;

/// <summary>
/// The privilege each data message demands of the calling user, checked after PreValidation as the platform does.
/// Setting a lookup appends the row to the row the lookup points to: prvAppend on the row that gets the lookup and
/// prvAppendTo on the row it points to ("Append: associate a record to another record; Append To: associate entity
/// record to this record", learn.microsoft.com/previous-versions/dynamicscrm-2016/developers-guide/gg309366(v=crm.8)).
/// </summary>
internal sealed class Authorization
{
    private readonly EmulatorEngine _engine;

    public Authorization(EmulatorEngine engine) => _engine = engine;

    /// <summary>
    /// Create needs prvCreate at a depth that reaches the owner the new row will have (the caller unless ownerid is set).
    /// </summary>
    public void Create(CallFrame frame, TableMetadata table, Entity target)
    {
        // A wrongly typed owner is not cast here: the platform's attribute validation refuses it with its own fault.
        var owner = target.Attributes.TryGetValue("ownerid", out var given) && given is EntityReference reference
            ? reference.Id : frame.UserId;
        Guid? rowOwner = table.Column("ownerid") is null ? null : owner;
        _engine.Privileges.DemandFor(frame.UserId, table, PrivilegeAccess.Create, target.Id, rowOwner);
        if (!SetsLookups(table, target)) return;
        _engine.Privileges.DemandFor(frame.UserId, table, PrivilegeAccess.Append, target.Id, rowOwner);
        DemandAppendTo(frame, table, target);
    }

    /// <summary>Update needs prvWrite on the row, prvAssign when it changes the owner, and Append/AppendTo for lookups it sets.</summary>
    public void Update(CallFrame frame, TableMetadata table, Entity target)
    {
        var row = _engine.Rows.Resolve(table, target.ToEntityReference());
        _engine.Privileges.DemandOnRow(frame.UserId, table, PrivilegeAccess.Write, row);
        if (target.Contains("ownerid")) _engine.Privileges.DemandOnRow(frame.UserId, table, PrivilegeAccess.Assign, row);
        if (!SetsLookups(table, target)) return;
        _engine.Privileges.DemandOnRow(frame.UserId, table, PrivilegeAccess.Append, row);
        DemandAppendTo(frame, table, target);
    }

    public void OnRow(CallFrame frame, TableMetadata table, Guid id, PrivilegeAccess access) =>
        _engine.Privileges.DemandOnRow(frame.UserId, table, access,
            _engine.Rows.Resolve(table, new EntityReference(table.LogicalName, id)));

    /// <summary>RetrieveMultiple needs prvRead at some depth; rows beyond the depth are then filtered out of the result.</summary>
    public void Query(CallFrame frame, string tableName)
    {
        if (_engine.Catalog.HasTable(tableName))
            _engine.Privileges.Demand(frame.UserId, _engine.Catalog.Table(tableName), PrivilegeAccess.Read);
    }

    /// <summary>
    /// Associate and Disassociate. One-to-many sets the child's lookup: prvWrite and prvAppend on the child, prvAppendTo on the
    /// parent. Many-to-many: prvWrite and prvAppend on the target, prvAppendTo on each related row, as Microsoft's table of
    /// Associate privileges lists them (learn.microsoft.com/previous-versions/dynamicscrm-2015/developers-guide/gg328270(v=crm.7)).
    /// </summary>
    public void Associate(CallFrame frame, RelationshipMetadata relationship, EntityReference target, EntityReferenceCollection related)
    {
        foreach (var other in related)
        {
            var (appending, appendedTo) = relationship.Kind == RelationshipKind.ManyToMany
                || !target.LogicalName.Equals(relationship.ReferencedEntity, StringComparison.OrdinalIgnoreCase)
                ? (target, other)
                : (other, target);
            if (Row(appending) is not { } appendingRow || Row(appendedTo) is not { } appendedToRow) continue;
            var appendingTable = _engine.Catalog.Table(appending.LogicalName);
            _engine.Privileges.DemandOnRow(frame.UserId, appendingTable, PrivilegeAccess.Write, appendingRow);
            _engine.Privileges.DemandOnRow(frame.UserId, appendingTable, PrivilegeAccess.Append, appendingRow);
            _engine.Privileges.DemandOnRow(frame.UserId, _engine.Catalog.Table(appendedTo.LogicalName), PrivilegeAccess.AppendTo,
                appendedToRow);
        }
    }

    /// <summary>A custom API with an execute privilege may be called only by a user who holds that privilege.</summary>
    public void Execute(CallFrame frame, CustomApiMetadata api)
    {
        if (api.ExecutePrivilegeName is { } privilege) _engine.Privileges.DemandNamed(frame.UserId, privilege);
    }

    // A reference without a table name is left to the attribute validation, which refuses it with the platform's fault.
    private Storage.StoredRow? Row(EntityReference reference) =>
        reference.LogicalName is { } name && _engine.Catalog.HasTable(name)
            ? _engine.Store.Find(_engine.Catalog.Table(name).LogicalName, reference.Id)
            : null;

    /// <summary>prvAppendTo on each existing row a lookup of the target points to; a dangling lookup fails later, as metadata.</summary>
    private void DemandAppendTo(CallFrame frame, TableMetadata table, Entity target)
    {
        foreach (var reference in Lookups(table, target))
        {
            if (Row(reference) is { } row)
                _engine.Privileges.DemandOnRow(frame.UserId, _engine.Catalog.Table(reference.LogicalName), PrivilegeAccess.AppendTo, row);
        }
    }

    private static bool SetsLookups(TableMetadata table, Entity target) => Lookups(table, target).Any();

    /// <summary>Lookups the request sets to a row; the owner is Assign's business, not Append's.</summary>
    private static System.Collections.Generic.IEnumerable<EntityReference> Lookups(TableMetadata table, Entity target) =>
        target.Attributes
            .Where(a => a.Value is EntityReference && table.Column(a.Key) is { IsLookup: true, Type: not ColumnType.Owner })
            .Select(a => (EntityReference)a.Value);
}
