using System;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Security;

public enum FieldAccess
{
    Read,
    Create,
    Update,
}

/// <summary>
/// Column-level security: a secured column is readable and writable only by administrators, unless a field
/// security profile the user holds grants the access.
/// </summary>
internal sealed class FieldSecurity
{
    private readonly UserDirectory _users;

    public FieldSecurity(UserDirectory users) => _users = users;

    public bool Allows(Guid userId, TableMetadata table, ColumnMetadata column, FieldAccess access)
    {
        if (!column.IsSecured || _users.IsAdministrator(userId)) return true;
        return _users.PermissionsOf(userId, table.LogicalName, column.LogicalName).Any(p => access switch
        {
            FieldAccess.Read => p.CanRead,
            FieldAccess.Create => p.CanCreate,
            _ => p.CanUpdate,
        });
    }

    public void DemandWrite(Guid userId, TableMetadata table, Entity target, FieldAccess access)
    {
        foreach (var name in target.Attributes.Keys)
        {
            var column = table.Column(name);
            if (column is null || Allows(userId, table, column, access)) continue;
            throw PlatformFault.Create(ErrorCodes.PrivilegeDenied,
                $"Caller user with Id {userId} does not have {access.ToString().ToLowerInvariant()} permissions for field " +
                $"'{column.LogicalName}' in entity '{table.LogicalName}'.");
        }
    }

    /// <summary>Retrieve returns no value for a secured column the user cannot read.</summary>
    public void MaskUnreadable(Guid userId, TableMetadata table, Entity entity)
    {
        foreach (var name in entity.Attributes.Keys.ToList())
        {
            var column = table.Column(name);
            if (column is not null && !Allows(userId, table, column, FieldAccess.Read)) entity.Attributes.Remove(name);
        }
    }
}
