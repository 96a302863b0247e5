using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Crm.Sdk.Messages;

namespace Crm.Extensions.Emulator.Security;

/// <summary>
/// Shared access (GrantAccess / ModifyAccess / RevokeAccess), kept as the platform keeps it: one principalobjectaccess row per
/// record and principal with its access rights mask. The rows live in the store, so a rolled-back request takes its shares with
/// it. Shared access is the third way to reach a record after ownership and role depth ("How access to a record is determined",
/// learn.microsoft.com/power-platform/admin/how-record-access-determined); a user reached by several shares has the union of
/// their rights ("Sharing and assigning", learn.microsoft.com/power-apps/developer/data-platform/security-sharing-assigning).
/// </summary>
internal sealed class Shares
{
    public const string Table = "principalobjectaccess";

    private readonly DataStore _store;

    public Shares(DataStore store) => _store = store;

    /// <summary>The rights shared with <paramref name="principalId"/> on the record (None when it has no share).</summary>
    public AccessRights RightsOf(Guid principalId, Guid objectId) =>
        Rows(objectId).Where(r => r.Get("principalid") is Guid id && id == principalId)
            .Aggregate(AccessRights.None, (all, row) => all | Mask(row));

    public IReadOnlyList<(Guid PrincipalId, string PrincipalType, AccessRights Rights)> On(Guid objectId) =>
        Rows(objectId).Select(r => ((Guid)r.Get("principalid")!, (string)r.Get("principaltypecode")!, Mask(r))).ToList();

    /// <summary>Adds <paramref name="rights"/> to the principal's share (GrantAccess), or replaces them (ModifyAccess).</summary>
    public void Set(string objectTable, Guid objectId, string principalType, Guid principalId, AccessRights rights, bool replace)
    {
        var existing = Rows(objectId).FirstOrDefault(r => r.Get("principalid") is Guid id && id == principalId);
        if (existing is null)
        {
            _store.Insert(Table, Guid.NewGuid(), new Dictionary<string, object?>
            {
                ["objectid"] = objectId, ["objecttypecode"] = objectTable, ["principalid"] = principalId,
                ["principaltypecode"] = principalType, ["accessrightsmask"] = (int)rights,
            });
            return;
        }

        var mask = replace ? rights : Mask(existing) | rights;
        _store.Update(Table, existing, new[] { new KeyValuePair<string, object?>("accessrightsmask", (int)mask) });
    }

    /// <summary>Removes the principal's share; true when there was one.</summary>
    public bool Revoke(Guid objectId, Guid principalId)
    {
        var rows = Rows(objectId).Where(r => r.Get("principalid") is Guid id && id == principalId).Select(r => r.Id).ToList();
        foreach (var id in rows) _store.Remove(Table, id);
        return rows.Count > 0;
    }

    /// <summary>A deleted record's shares go with it.</summary>
    public void RemoveAll(Guid objectId)
    {
        foreach (var id in Rows(objectId).Select(r => r.Id).ToList()) _store.Remove(Table, id);
    }

    private List<StoredRow> Rows(Guid objectId) =>
        _store.Count(Table) == 0 ? new List<StoredRow>() : _store.Lookup(Table, "objectid", objectId);

    private static AccessRights Mask(StoredRow row) => row.Get("accessrightsmask") is int mask ? (AccessRights)mask : AccessRights.None;
}
