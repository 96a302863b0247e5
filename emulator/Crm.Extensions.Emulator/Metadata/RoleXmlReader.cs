using System;
using System.Xml.Linq;

namespace Crm.Extensions.Emulator.Metadata;

/// <summary>
/// Reads Roles/&lt;name&gt;.xml as SolutionPackager writes it: &lt;Role id name&gt;&lt;RolePrivileges&gt;&lt;RolePrivilege name level
/// /&gt;.
/// </summary>
internal static class RoleXmlReader
{
    public static RoleMetadata Read(XElement role)
    {
        var name = (string?)role.Attribute("name") ?? throw new InvalidOperationException("A role has no name attribute.");
        var result = new RoleMetadata(Guid.TryParse((string?)role.Attribute("id"), out var id) ? id : Guid.NewGuid(), name);
        foreach (var privilege in role.Descendants("RolePrivilege"))
        {
            var privilegeName = (string?)privilege.Attribute("name")
                ?? throw new InvalidOperationException($"Role '{name}' has a privilege without a name.");
            var level = (string?)privilege.Attribute("level") ?? "";
            if (!Enum.TryParse<PrivilegeDepth>(level, ignoreCase: true, out var depth))
            {
                throw new InvalidOperationException(
                    $"Role '{name}' grants {privilegeName} at unknown level '{level}' (expected Basic, Local, Deep or Global).");
            }

            result.Privileges[privilegeName] = depth;
        }

        return result;
    }
}
