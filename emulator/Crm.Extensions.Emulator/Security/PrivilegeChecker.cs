using System;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Security;

/// <summary>The table privileges a role grants, named as in role XML: prv&lt;Access&gt;&lt;table&gt;.</summary>
public enum PrivilegeAccess
{
    Create,
    Read,
    Write,
    Delete,
    Append,
    AppendTo,
    Assign,
    Share,
}

/// <summary>
/// Role-based record security for users created with roles. A missing privilege fails with PrivilegeDenied
/// ("... is missing prvX privilege"); a privilege whose depth does not reach the row fails the platform's access check.
/// Depth: Basic reaches rows the user owns; Local and Deep reach rows owned in the user's business unit (the emulator
/// has one business unit tree level, so Deep equals Local); Global reaches every row. Organization-owned tables have no
/// owner, so any granted depth reaches every row. Administrators, SYSTEM and users created without roles are not checked.
/// </summary>
internal sealed class PrivilegeChecker
{
    private readonly UserDirectory _users;
    private readonly Shares _shares;

    public PrivilegeChecker(UserDirectory users, Shares shares)
    {
        _users = users;
        _shares = shares;
    }

    public static string PrivilegeName(PrivilegeAccess access, TableMetadata table) => "prv" + access + table.LogicalName;

    /// <summary>The deepest grant across the user's roles; Global for unchecked users; null when no role grants it.</summary>
    public PrivilegeDepth? DepthOf(Guid userId, TableMetadata table, PrivilegeAccess access)
    {
        if (_users.IsAdministrator(userId) || _users.RolesOf(userId) is not { } roles) return PrivilegeDepth.Global;
        var name = PrivilegeName(access, table);
        var grants = roles.Where(r => r.Privileges.ContainsKey(name)).Select(r => r.Privileges[name]).ToList();
        return grants.Count == 0 ? null : grants.Max();
    }

    public PrivilegeDepth Demand(Guid userId, TableMetadata table, PrivilegeAccess access) =>
        DepthOf(userId, table, access) ?? throw PlatformFault.Create(ErrorCodes.PrivilegeDenied,
            $"Principal user (Id={userId}, type=8) is missing {PrivilegeName(access, table)} privilege on entity '{table.LogicalName}'.");

    /// <summary>The privilege, at a depth that reaches a row owned by <paramref name="owner"/> (null: the row has no owner).</summary>
    public void DemandFor(Guid userId, TableMetadata table, PrivilegeAccess access, Guid rowId, Guid? owner)
    {
        var depth = Demand(userId, table, access);
        if (Reaches(depth, userId, table, owner) || IsShared(userId, rowId, access)) return;
        throw PlatformFault.Create(ErrorCodes.AccessCheckFailed,
            $"SecLib::AccessCheckEx failed. Returned hr = {ErrorCodes.AccessCheckFailed}, ObjectID: {rowId}, OwnerId: {owner}, " +
            $"OwnerIdType: 8 and CallingUser: {userId}. "
            + $"ObjectTypeCode: {table.LogicalName}, objectBusinessUnitId: {_users.BusinessUnitOf(owner ?? Guid.Empty)}, AccessRights: " +
                $"{AccessRight(access)}");
    }

    public void DemandOnRow(Guid userId, TableMetadata table, PrivilegeAccess access, StoredRow row) =>
        DemandFor(userId, table, access, row.Id, OwnerOf(row));

    /// <summary>
    /// A privilege named as in role XML (a custom API's execute privilege): held at any depth by one of the user's roles.
    /// Dataverse checks only that the caller holds it; the depth does not matter for execution.
    /// </summary>
    public void DemandNamed(Guid userId, string privilegeName)
    {
        if (_users.IsAdministrator(userId) || _users.RolesOf(userId) is not { } roles) return;
        if (roles.Any(r => r.Privileges.ContainsKey(privilegeName))) return;
        throw PlatformFault.Create(ErrorCodes.PrivilegeDenied,
            $"Principal user (Id={userId}, type=8) is missing {privilegeName} privilege.");
    }

    /// <summary>The accesses whose privilege the user holds at a depth that reaches the row (RetrievePrincipalAccess).</summary>
    public PrivilegeAccess[] AccessOn(Guid userId, TableMetadata table, StoredRow row) =>
        Enum.GetValues<PrivilegeAccess>()
            .Where(access => DepthOf(userId, table, access) is { } depth
                && (Reaches(depth, userId, table, OwnerOf(row)) || IsShared(userId, row.Id, access)))
            .ToArray();

    /// <summary>For queries: rows the user's read depth does not reach are left out, as the platform's filtered views do.</summary>
    public bool CanRead(Guid userId, TableMetadata table, StoredRow row) =>
        DepthOf(userId, table, PrivilegeAccess.Read) is { } depth
        && (Reaches(depth, userId, table, OwnerOf(row)) || IsShared(userId, row.Id, PrivilegeAccess.Read));

    /// <summary>
    /// Shared access counts only after the privilege check passed: a share cannot give a right the user's roles lack for the
    /// table ("you can't give a user any rights that they wouldn't have for that type of table", Sharing and assigning).
    /// </summary>
    private bool IsShared(Guid userId, Guid rowId, PrivilegeAccess access) => (_shares.RightsOf(userId, rowId) & Right(access)) != 0;

    public static AccessRights Right(PrivilegeAccess access) => access switch
    {
        PrivilegeAccess.Read => AccessRights.ReadAccess,
        PrivilegeAccess.Write => AccessRights.WriteAccess,
        PrivilegeAccess.Append => AccessRights.AppendAccess,
        PrivilegeAccess.AppendTo => AccessRights.AppendToAccess,
        PrivilegeAccess.Create => AccessRights.CreateAccess,
        PrivilegeAccess.Delete => AccessRights.DeleteAccess,
        PrivilegeAccess.Share => AccessRights.ShareAccess,
        _ => AccessRights.AssignAccess,
    };

    private bool Reaches(PrivilegeDepth depth, Guid userId, TableMetadata table, Guid? owner)
    {
        if (depth == PrivilegeDepth.Global || table.Ownership == TableOwnership.OrganizationOwned || owner is null) return true;
        if (owner == userId) return true;
        return depth >= PrivilegeDepth.Local && _users.BusinessUnitOf(owner.Value) == _users.BusinessUnitOf(userId);
    }

    private static Guid? OwnerOf(StoredRow row) => row.Get("ownerid") is EntityReference owner ? owner.Id : null;

    private static string AccessRight(PrivilegeAccess access) => access switch
    {
        PrivilegeAccess.Read => "ReadAccess",
        PrivilegeAccess.Write => "WriteAccess",
        PrivilegeAccess.Delete => "DeleteAccess",
        PrivilegeAccess.Assign => "AssignAccess",
        PrivilegeAccess.Share => "ShareAccess",
        PrivilegeAccess.Append => "AppendAccess",
        PrivilegeAccess.AppendTo => "AppendToAccess",
        _ => "CreateAccess",
    };
}
