using System;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Pipeline;
using Crm.Extensions.Emulator.Security;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Messages;

/// <summary>The privilege each data message demands of the calling user, checked after PreValidation as the platform does.</summary>
internal sealed class Authorization
{
    private readonly EmulatorEngine _engine;

    public Authorization(EmulatorEngine engine) => _engine = engine;

    /// <summary>Create needs prvCreate at a depth that reaches the owner the new row will have (the caller unless ownerid is set).</summary>
    public void Create(CallFrame frame, TableMetadata table, Entity target)
    {
        // A wrongly typed owner is not cast here: the platform's attribute validation refuses it with its own fault.
        var owner = target.Attributes.TryGetValue("ownerid", out var given) && given is EntityReference reference ? reference.Id : frame.UserId;
        _engine.Privileges.DemandFor(frame.UserId, table, PrivilegeAccess.Create, target.Id, table.Column("ownerid") is null ? null : owner);
    }

    /// <summary>Update needs prvWrite on the row, and prvAssign when it changes the owner.</summary>
    public void Update(CallFrame frame, TableMetadata table, Entity target)
    {
        var row = _engine.Rows.Resolve(table, target.ToEntityReference());
        _engine.Privileges.DemandOnRow(frame.UserId, table, PrivilegeAccess.Write, row);
        if (target.Contains("ownerid")) _engine.Privileges.DemandOnRow(frame.UserId, table, PrivilegeAccess.Assign, row);
    }

    public void OnRow(CallFrame frame, TableMetadata table, Guid id, PrivilegeAccess access) =>
        _engine.Privileges.DemandOnRow(frame.UserId, table, access, _engine.Rows.Resolve(table, new EntityReference(table.LogicalName, id)));

    /// <summary>RetrieveMultiple needs prvRead at some depth; rows beyond the depth are then filtered out of the result.</summary>
    public void Query(CallFrame frame, string tableName)
    {
        if (_engine.Catalog.HasTable(tableName)) _engine.Privileges.Demand(frame.UserId, _engine.Catalog.Table(tableName), PrivilegeAccess.Read);
    }
}
