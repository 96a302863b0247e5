using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>Roles/&lt;name&gt;.xml and Other/FieldSecurityProfiles.xml.</summary>
internal static class SecurityXml
{
    public static Guid RoleId(SecurityRole role) => DeterministicGuid.Create($"role:{role.Name}");

    public static XElement Role(SecurityRole role, Func<string, string> schemaNameOf) =>
        new("Role", new XAttribute("id", RoleId(role).Braced()), new XAttribute("name", role.Name),
            new XElement("IsCustomizable", "1"),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("RolePrivileges", role.Access.SelectMany(access => Privileges(access, schemaNameOf(access.Table)))));

    private static IEnumerable<XElement> Privileges(TableAccess access, string schemaName)
    {
        var rights = new (string Verb, Depth Depth)[]
        {
            ("Create", access.Create), ("Read", access.Read), ("Write", access.Write), ("Delete", access.Delete),
            ("Append", access.Append), ("AppendTo", access.AppendTo), ("Assign", access.Assign), ("Share", access.Share),
        };
        return rights.Where(r => r.Depth != Depth.None)
            .Select(r => new XElement("RolePrivilege", new XAttribute("name", $"prv{r.Verb}{schemaName}"), new XAttribute("level", r.Depth.ToString())));
    }

    public static Guid ProfileId(FieldSecurityProfile profile) => DeterministicGuid.Create($"fieldsecurityprofile:{profile.Name}");

    public static XElement FieldSecurityProfiles(params FieldSecurityProfile[] profiles) =>
        new("FieldSecurityProfiles", profiles.Select(profile =>
            new XElement("FieldSecurityProfile", new XAttribute("name", profile.Name), new XAttribute("description", profile.Description.En),
                new XAttribute("fieldsecurityprofileid", ProfileId(profile).Braced()),
                new XElement("FieldPermissions", profile.Permissions.Select(p => new XElement("FieldPermission",
                    new XElement("EntityName", p.Table),
                    new XElement("AttributeName", p.Column),
                    new XElement("CanRead", Allowed(p.CanRead)),
                    new XElement("CanUpdate", Allowed(p.CanUpdate)),
                    new XElement("CanCreate", Allowed(p.CanCreate))))))));

    /// <summary>Field permission values: 4 allowed, 0 not allowed.</summary>
    private static int Allowed(bool allowed) => allowed ? 4 : 0;
}
