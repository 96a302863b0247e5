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

    /// <summary>
    /// Read rights every user of the model-driven app needs to open it, its forms, views and scripts (the app opener set of
    /// Microsoft's KB 4563997 "A privilege error occurs when attempting to use Microsoft Dynamics 365 App for Outlook", and the
    /// privileges Dataverse adds to every new role: "Default privileges for a role", learn.microsoft.com gg309743). Granting them
    /// in each role means our roles work without Basic User beside them. Organization-wide tables take Global; saved views and
    /// user application metadata are user-owned, so Basic.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, Depth Depth)> AppUserPrivileges =
    [
        ("prvReadAppModule", Depth.Global), ("prvReadSystemForm", Depth.Global), ("prvReadQuery", Depth.Global),
        ("prvReadWebResource", Depth.Global), ("prvReadEntity", Depth.Global), ("prvReadAttribute", Depth.Global),
        ("prvReadRelationship", Depth.Global), ("prvReadSystemApplicationMetadata", Depth.Global), ("prvReadOrganization", Depth.Global),
        ("prvReadPluginAssembly", Depth.Global), ("prvReadPluginType", Depth.Global), ("prvReadSdkMessage", Depth.Global),
        ("prvReadSdkMessageProcessingStep", Depth.Global), ("prvReadSdkMessageProcessingStepImage", Depth.Global),
        ("prvReadUserQuery", Depth.Basic), ("prvReadUserApplicationMetadata", Depth.Basic),
    ];

    /// <summary>
    /// A role as exports write it (microsoft/coe-starter-kit CenterofExcellenceCoreComponents/SolutionPackage/Roles/*.xml):
    /// isinherited="1" lets team members use the team's privileges at Basic depth. Table privileges are filtered by ownership:
    /// an organization-owned table has no Assign or Share privilege and only the organization depth.
    /// </summary>
    public static XElement Role(SecurityRole role, Func<string, string> schemaNameOf, Func<string, Ownership> ownershipOf)
    {
        var privileges = role.Access.SelectMany(access => Privileges(access, schemaNameOf(access.Table), ownershipOf(access.Table)))
            .ToList();
        var granted = privileges.Select(p => p.Attribute("name")!.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        privileges.AddRange(AppUserPrivileges.Where(p => !granted.Contains(p.Name)).Select(p => Privilege(p.Name, p.Depth)));
        return new("Role", new XAttribute("id", RoleId(role).Braced()), new XAttribute("name", role.Name),
            new XAttribute("isinherited", "1"),
            new XElement("IsCustomizable", Xml.Bit(ManagedProperties.Other)),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("RolePrivileges", privileges));
    }

    private static IEnumerable<XElement> Privileges(TableAccess access, string schemaName, Ownership ownership)
    {
        var rights = new (string Verb, Depth Depth)[]
        {
            ("Create", access.Create), ("Read", access.Read), ("Write", access.Write), ("Delete", access.Delete),
            ("Append", access.Append), ("AppendTo", access.AppendTo), ("Assign", access.Assign), ("Share", access.Share),
        };
        var organizationOwned = ownership == Ownership.Organization;
        return rights.Where(r => r.Depth != Depth.None && !(organizationOwned && r.Verb is "Assign" or "Share"))
            .Select(r => Privilege($"prv{r.Verb}{schemaName}", organizationOwned ? Depth.Global : r.Depth));
    }

    private static XElement Privilege(string name, Depth depth) =>
        new("RolePrivilege", new XAttribute("name", name), new XAttribute("level", depth.ToString()));

    public static Guid ProfileId(FieldSecurityProfile profile) => DeterministicGuid.Create($"fieldsecurityprofile:{profile.Name}");

    public static XElement FieldSecurityProfiles(params FieldSecurityProfile[] profiles) =>
        new("FieldSecurityProfiles", profiles.Select(profile =>
            new XElement("FieldSecurityProfile", new XAttribute("name", profile.Name),
                new XAttribute("description", profile.Description.En),
                new XAttribute("fieldsecurityprofileid", ProfileId(profile).Braced()),
                new XElement("FieldPermissions", profile.Permissions.Select(p => new XElement("FieldPermission",
                    new XElement("EntityName", p.Table),
                    new XElement("AttributeName", p.Column),
                    new XElement("CanRead", Allowed(p.CanRead)),
                    new XElement("CanUpdate", Allowed(p.CanUpdate)),
                    new XElement("CanCreate", Allowed(p.CanCreate)),
                    // Newer than the 2018 schema: reading masked values unmasked. None of our columns is masked, so nobody may.
                    new XElement("CanReadUnmasked", 0)))))));

    /// <summary>Field permission values: 4 allowed, 0 not allowed.</summary>
    private static int Allowed(bool allowed) => allowed ? 4 : 0;
}
