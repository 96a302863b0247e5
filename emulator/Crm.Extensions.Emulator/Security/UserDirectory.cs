using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Metadata;

namespace Crm.Extensions.Emulator.Security;

/// <summary>
/// Users the emulator knows: SYSTEM, the default caller (a system administrator) and those a test adds.
/// Holds who is an administrator and which field security profiles each user has.
/// </summary>
public sealed class UserDirectory
{
    private readonly HashSet<Guid> _administrators = new();
    private readonly Dictionary<Guid, HashSet<string>> _profiles = new();
    private readonly Dictionary<Guid, Guid> _businessUnits = new();
    private readonly Dictionary<Guid, List<RoleMetadata>> _roles = new();

    internal UserDirectory(MetadataCatalog catalog) => Catalog = catalog;

    public Guid OrganizationId { get; } = new("0e9b1a8f-5d9e-4c1e-9a55-000000000001");

    public Guid RootBusinessUnitId { get; } = new("0e9b1a8f-5d9e-4c1e-9a55-000000000002");

    public Guid SystemUserId { get; } = new("0e9b1a8f-5d9e-4c1e-9a55-000000000003");

    /// <summary>The user an unqualified <c>Service</c> acts as: a system administrator.</summary>
    public Guid DefaultUserId { get; } = new("0e9b1a8f-5d9e-4c1e-9a55-000000000004");

    internal MetadataCatalog Catalog { get; }

    public bool IsAdministrator(Guid userId) => userId == SystemUserId || _administrators.Contains(userId);

    public Guid BusinessUnitOf(Guid userId) => _businessUnits.TryGetValue(userId, out var unit) ? unit : RootBusinessUnitId;

    internal void Register(Guid userId, bool administrator, Guid businessUnitId)
    {
        if (administrator) _administrators.Add(userId);
        else _administrators.Remove(userId);
        _businessUnits[userId] = businessUnitId;
    }

    public void AssignProfile(Guid userId, string profileName)
    {
        if (!Catalog.FieldSecurityProfiles.Any(p => p.Name.Equals(profileName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"The solution defines no field security profile named '{profileName}'.", nameof(profileName));
        }

        if (!_profiles.TryGetValue(userId, out var names))
            _profiles[userId] = names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        names.Add(profileName);
    }

    /// <summary>
    /// Gives the user the solution's roles by name. From then on the user's table privileges are checked; a user never given
    /// roles is not checked (a convenience for tests about other things), and an empty list means no privileges at all.
    /// </summary>
    public void AssignRoles(Guid userId, IEnumerable<string> roleNames)
    {
        if (roleNames is null) throw new ArgumentNullException(nameof(roleNames));
        if (!_roles.TryGetValue(userId, out var roles)) _roles[userId] = roles = new List<RoleMetadata>();
        foreach (var name in roleNames)
        {
            var role = Catalog.Roles.FirstOrDefault(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"The solution defines no security role named '{name}'.", nameof(roleNames));
            if (!roles.Contains(role)) roles.Add(role);
        }
    }

    /// <summary>The user's roles, or null for a user whose privileges are not checked.</summary>
    internal IReadOnlyList<RoleMetadata>? RolesOf(Guid userId) => _roles.TryGetValue(userId, out var roles) ? roles : null;

    internal IEnumerable<FieldPermission> PermissionsOf(Guid userId, string table, string column) =>
        _profiles.TryGetValue(userId, out var names)
            ? Catalog.FieldSecurityProfiles.Where(p => names.Contains(p.Name)).SelectMany(p => p.Permissions)
                .Where(
                    f => f.Table.Equals(table, StringComparison.OrdinalIgnoreCase)
                    && f.Column.Equals(column, StringComparison.OrdinalIgnoreCase))
            : Enumerable.Empty<FieldPermission>();
}
