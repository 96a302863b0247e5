using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Model;
using Crm.Extensions.Cli.Packaging;

namespace Crm.Extensions.Cli.Validation;

/// <summary>
/// Rules an import applies that the schema does not express. Each names the component at fault; solution/README.md says where
/// each rule comes from.
/// </summary>
public static class ImportRules
{
    /// <summary>FormXml's SystemFormType values (FormXml.xsd / CustomizationsSolution.xsd).</summary>
    private static readonly HashSet<string> FormTypes = new(StringComparer.Ordinal)
    {
        "main", "mobile", "quick", "quickCreate", "card", "dashboard", "appointmentBook", "dialog", "miniCampaignBO", "preview",
        "taskflow", "mainInteractionCentric", "other", "interactionCentricDashboard",
    };

    private static readonly string[] Verbs = ["Create", "Read", "Write", "Delete", "AppendTo", "Append", "Assign", "Share"];

    public static IReadOnlyList<string> Check(SolutionPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var errors = new List<string>();
        errors.AddRange(FormTypesMatchTheirUse(package.Customizations));
        errors.AddRange(SystemRelationshipCascades(package.Customizations));
        errors.AddRange(PrivilegesExistForOwnership(package.Customizations));
        errors.AddRange(NoHardCodedTypeCodes(package.Customizations));
        errors.AddRange(StandardTablesDeclared(package));
        errors.AddRange(LabelsInEveryLanguage(package));
        errors.AddRange(CloudFlowRules.Check(package));
        if (package.Type == PackageType.Managed)
        {
            errors.AddRange(ManagedPropertiesPresent(package));
        }

        return errors;
    }

    /// <summary>
    /// Every forms type is a SystemFormType; a quick view form ("quick") runs no scripts, so a form with libraries or event
    /// handlers there is a quick create form in the wrong place; and a table with quick create enabled has a quickCreate form.
    /// </summary>
    public static IEnumerable<string> FormTypesMatchTheirUse(XElement customizations)
    {
        foreach (var entity in customizations.Elements("Entities").Elements("Entity"))
        {
            var table = entity.Element("Name")?.Value;
            var forms = entity.Elements("FormXml").Elements("forms").ToList();
            foreach (var group in forms)
            {
                var type = group.Attribute("type")?.Value ?? string.Empty;
                if (!FormTypes.Contains(type))
                {
                    yield return $"{table}: forms type '{type}' is not a form type Dataverse knows.";
                }

                if (type == "quick"
                    && group.Descendants("form").Any(f => f.Element("formLibraries") is not null || f.Element("events") is not null))
                {
                    yield return $"{table}: a quick view form ('quick') has script handlers; quick view forms run no scripts. "
                        + "A quick create form belongs under 'quickCreate'.";
                }
            }

            var quickCreateEnabled = entity.Element("EntityInfo")?.Element("entity")?.Element("IsQuickCreateEnabled")?.Value == "1";
            if (quickCreateEnabled && !forms.Any(f => f.Attribute("type")?.Value == "quickCreate"))
            {
                yield return $"{table}: IsQuickCreateEnabled is 1 but the table has no quickCreate form.";
            }
        }
    }

    /// <summary>
    /// The platform's own relationships travel as it defines them: nothing cascades, except that a business unit or currency
    /// still in use cannot be deleted (Restrict; some exports write NoCascade). A table also has at most one parental relationship.
    /// </summary>
    public static IEnumerable<string> SystemRelationshipCascades(XElement customizations)
    {
        var parental = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var relationship in customizations.Elements("EntityRelationships").Elements("EntityRelationship"))
        {
            var name = relationship.Attribute("Name")?.Value ?? string.Empty;
            string Cascade(string action) => relationship.Element("Cascade" + action)?.Value ?? "NoCascade";
            if (Cascade("Delete") == "Cascade" && Cascade("Assign") == "Cascade")
            {
                // A customer lookup is one column with a relationship per target; it counts once.
                var child = relationship.Element("ReferencingEntityName")?.Value ?? string.Empty;
                var column = relationship.Element("ReferencingAttributeName")?.Value ?? name;
                var list = parental.TryGetValue(child, out var existing) ? existing : parental[child] = [];
                if (!list.Contains(column, StringComparer.OrdinalIgnoreCase))
                {
                    list.Add(column);
                }
            }

            if (!IsSystemRelationship(name))
            {
                continue;
            }

            foreach (var action in new[] { "Assign", "Reparent", "Share", "Unshare" }.Where(a => Cascade(a) != "NoCascade"))
            {
                yield return $"relationship {name}: Cascade{action} is {Cascade(action)}; the platform's relationship has NoCascade.";
            }

            var allowedDelete = RelationshipXml.RestrictsDelete(name) ? new[] { "Restrict", "NoCascade" } : ["NoCascade"];
            if (!allowedDelete.Contains(Cascade("Delete")))
            {
                yield return $"relationship {name}: CascadeDelete is {Cascade("Delete")}; the platform's relationship has " +
                    $"{allowedDelete[0]}.";
            }
        }

        foreach (var (child, names) in parental.Where(p => p.Value.Count > 1))
        {
            yield return $"{child} has {names.Count} parental lookups ({string.Join(", ", names)}); a table can have only one parent.";
        }
    }

    private static bool IsSystemRelationship(string name) =>
        new[] { "owner_", "user_", "team_", "business_unit_", "organization_", "lk_", "TransactionCurrency_" }
            .Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>
    /// An organization-owned table has no Assign or Share privilege, and its privileges have only the organization depth.
    /// </summary>
    public static IEnumerable<string> PrivilegesExistForOwnership(XElement customizations)
    {
        var organizationOwned = customizations.Elements("Entities").Elements("Entity")
            .Where(e => e.Element("EntityInfo")?.Element("entity")?.Element("OwnershipTypeMask")?.Value == "OrgOwned")
            .Select(e => e.Element("Name")?.Value ?? string.Empty)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var role in customizations.Elements("Roles").Elements("Role"))
        {
            foreach (var privilege in role.Descendants("RolePrivilege"))
            {
                var name = privilege.Attribute("name")?.Value ?? string.Empty;
                var verb = Verbs.FirstOrDefault(v => name.StartsWith("prv" + v, StringComparison.Ordinal));
                if (verb is null || !organizationOwned.Contains(name[(3 + verb.Length)..]))
                {
                    continue;
                }

                if (verb is "Assign" or "Share")
                {
                    yield return $"role {role.Attribute("name")?.Value}: {name} does not exist; {name[(3 + verb.Length)..]} is " +
                        $"organization-owned.";
                }
                else if (privilege.Attribute("level")?.Value != "Global")
                {
                    yield return $"role {role.Attribute("name")?.Value}: {name} at {privilege.Attribute("level")?.Value}; "
                        + "an organization-owned table has only the Global depth.";
                }
            }
        }
    }

    /// <summary>Custom tables get their type code in the target environment, so views and links name tables, never codes.</summary>
    public static IEnumerable<string> NoHardCodedTypeCodes(XElement customizations)
    {
        foreach (var view in customizations.Descendants("savedquery"))
        {
            if (view.Element("layoutxml")?.Descendants("grid").Any(g => g.Attribute("object") is not null) == true)
            {
                yield return $"view {view.Element("savedqueryid")?.Value}: layoutxml names a type code (object=); exports leave it out.";
            }
        }

        foreach (var url in customizations.Descendants().Attributes("Url").Select(a => a.Value))
        {
            if (url.Contains("etc=", StringComparison.OrdinalIgnoreCase)
                || url.Contains("objecttypecode=", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"link {url}: names a type code; use the table's logical name (etn=).";
            }
        }
    }

    /// <summary>Every table outside the solution and outside every Dataverse environment is a declared MissingDependency.</summary>
    public static IEnumerable<string> StandardTablesDeclared(SolutionPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var customizations = package.Customizations;
        var carried = customizations.Elements("Entities").Elements("Entity").Select(e => e.Element("Name")?.Value ?? string.Empty)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var declared = package.Solution.Descendants("MissingDependency").Elements("Required")
            .Where(r => r.Attribute("type")?.Value == "1").Select(r => r.Attribute("schemaName")?.Value ?? string.Empty)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var referenced = customizations.Elements("EntityRelationships").Elements("EntityRelationship")
            .Select(r => (Table: r.Element("ReferencedEntityName")?.Value, By: $"relationship {r.Attribute("Name")?.Value}"))
            .Concat(customizations.Descendants("SdkMessageProcessingStep")
                .Select(s => (Table: s.Element("PrimaryEntity")?.Value, By: $"step {s.Attribute("Name")?.Value}")))
            .Concat(customizations.Descendants("AppModuleComponent").Where(c => c.Attribute("type")?.Value == "1")
                .Select(c => (Table: c.Attribute("schemaName")?.Value, By: $"app component {c.Attribute("schemaName")?.Value}")));
        foreach (var (table, by) in referenced)
        {
            if (!string.IsNullOrEmpty(table) && table != "none" && !carried.Contains(table)
                && !PlatformDependencies.CoreTables.Contains(table) && !declared.Contains(table))
            {
                yield return $"{by} needs table {table}, which the solution neither carries nor declares in MissingDependencies.";
            }
        }
    }

    /// <summary>
    /// Every label set (solution.xml, customizations.xml, custom APIs) has a label in each language of &lt;Languages&gt;.
    /// </summary>
    public static IEnumerable<string> LabelsInEveryLanguage(SolutionPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var languages = package.Customizations.Element("Languages")?.Elements("Language").Select(l => l.Value).ToList() ?? [];
        var documents = new List<(string Where, XElement Root)> { ("solution.xml", package.Solution),
            ("customizations.xml", package.Customizations) };
        documents.AddRange(package.Files.Where(f => f.Key.StartsWith(SourceLayout.CustomApisFolder + "/", StringComparison.Ordinal)
                && f.Key.EndsWith(".xml", StringComparison.Ordinal))
            .Select(f => (f.Key, Xml.Load(new MemoryStream(f.Value), f.Key))));
        foreach (var (where, root) in documents)
        {
            foreach (var set in root.DescendantsAndSelf().Where(IsLabelSet))
            {
                var present = set.Elements().Select(l => (l.Attribute("languagecode") ?? l.Attribute("LCID"))?.Value).ToHashSet();
                foreach (var language in languages.Where(l => !present.Contains(l)))
                {
                    yield return $"{where}: <{set.Name.LocalName}> under {Path(set)} has no label in {language}.";
                }
            }
        }
    }

    /// <summary>A label set: every child carries a language (languagecode, or LCID in site map titles).</summary>
    private static bool IsLabelSet(XElement element) =>
        element.HasElements
        && element.Elements()
            .All(e => e.Attribute("languagecode") is not null || (e.Name.LocalName == "Title" && e.Attribute("LCID") is not null));

    private static string Path(XElement element)
    {
        static XAttribute? NameOf(XElement e)
            => e.Attribute("Name") ?? e.Attribute("name") ?? e.Attribute("uniquename") ?? e.Attribute("Id");
        var named = element.AncestorsAndSelf().FirstOrDefault(a => NameOf(a) is not null);
        return named is null ? element.Parent?.Name.LocalName ?? "the root" : $"{named.Name.LocalName} {NameOf(named)!.Value}";
    }

    /// <summary>
    /// A managed zip states on every component what a customer may change: IsCustomizable on tables, columns, relationships,
    /// forms, views, choices, roles, web resources, steps and processes (cloud flows), iscustomizable on custom APIs and their
    /// parameters and properties.
    /// </summary>
    public static IEnumerable<string> ManagedPropertiesPresent(SolutionPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var customizations = package.Customizations;
        var components = customizations.Elements("Entities").Elements("Entity").Elements("EntityInfo").Elements("entity")
                .Where(e => e.Attribute("unmodified")?.Value != "1")
                .Select(e => (Kind: "table", Name: e.Attribute("Name")?.Value, Element: e))
            .Concat(customizations.Descendants("attribute").Where(a => a.Attribute("PhysicalName") is not null)
                .Select(a => (Kind: "column", Name: a.Attribute("PhysicalName")?.Value, Element: a)))
            .Concat(customizations.Elements("EntityRelationships").Elements("EntityRelationship")
                .Select(r => (Kind: "relationship", Name: r.Attribute("Name")?.Value, Element: r)))
            .Concat(customizations.Descendants("systemform").Select(f => (Kind: "form", Name: f.Element("formid")?.Value, Element: f)))
            .Concat(
                customizations.Descendants("savedquery").Select(v => (Kind: "view", Name: v.Element("savedqueryid")?.Value, Element: v)))
            .Concat(customizations.Elements("optionsets").Elements("optionset")
                .Select(o => (Kind: "choice", Name: o.Attribute("Name")?.Value, Element: o)))
            .Concat(
                customizations.Elements("Roles").Elements("Role").Select(r => (Kind: "role", Name: r.Attribute("name")?.Value, Element: r)))
            .Concat(
                customizations.Descendants("WebResource").Select(w => (Kind: "web resource", Name: w.Element("Name")?.Value, Element: w)))
            .Concat(
                customizations.Descendants("SdkMessageProcessingStep")
                .Select(s => (Kind: "step", Name: s.Attribute("Name")?.Value, Element: s)))
            .Concat(customizations.Elements("Workflows").Elements("Workflow")
                .Select(w => (Kind: "process", Name: w.Attribute("Name")?.Value, Element: w)));
        foreach (var (kind, name, element) in components)
        {
            if (element.Element("IsCustomizable") is null)
            {
                yield return $"managed {kind} {name} has no IsCustomizable; a managed solution states what a customer may change.";
            }
        }

        foreach (
            var (entry, bytes) in package.Files.Where(f => f.Key.StartsWith(SourceLayout.CustomApisFolder + "/", StringComparison.Ordinal)
                     && f.Key.EndsWith(".xml", StringComparison.Ordinal)))
        {
            if (Xml.Load(new MemoryStream(bytes), entry).Element("iscustomizable") is null)
            {
                yield return $"managed custom API part {entry} has no iscustomizable.";
            }
        }
    }
}
