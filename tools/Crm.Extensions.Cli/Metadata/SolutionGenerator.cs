using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Generation;
using Crm.Extensions.Cli.Model;
using Crm.Extensions.Cli.Packaging;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>
/// Writes <see cref="CrmExtensionsModel"/> to a folder in SolutionPackager layout. It owns the metadata folders and rewrites them whole;
/// plugin assemblies, steps and custom APIs belong to other generators and are left alone (but listed in Solution.xml).
/// </summary>
internal static class SolutionGenerator
{
    private static readonly string[] OwnedFolders =
    [
        SourceLayout.EntitiesFolder, SourceLayout.OptionSetsFolder, SourceLayout.RolesFolder, SourceLayout.DashboardsFolder,
        SourceLayout.AppModulesFolder, SourceLayout.AppModuleSiteMapsFolder, SourceLayout.RelationshipsFolder,
        SourceLayout.EnvironmentVariablesFolder,
        SourceLayout.WebResourcesFolder, SourceLayout.WorkflowsFolder,
    ];

    public static void Write(string folder)
    {
        foreach (var owned in OwnedFolders.Select(f => Path.Combine(folder, f)).Where(Directory.Exists))
        {
            Directory.Delete(owned, recursive: true);
        }

        foreach (var table in CrmExtensionsModel.Tables)
        {
            WriteTable(folder, table);
        }

        foreach (var choice in GlobalChoices.All)
        {
            Xml.Save(OptionSetXml.Write(choice), Path.Combine(folder, SourceLayout.OptionSetsFolder, choice.Name + ".xml"));
        }

        WriteRelationships(folder);

        foreach (var webResource in WebResources.All)
        {
            Xml.Save(WebResourceXml.Write(webResource), Path.Combine(folder, WebResourceXml.DataFile(webResource)));
        }

        foreach (var role in SecurityModel.Roles)
        {
            Xml.Save(SecurityXml.Role(role, SchemaNameOf, OwnershipOf), Path.Combine(folder, SourceLayout.RolesFolder, role.Name + ".xml"));
        }

        Xml.Save(SecurityXml.FieldSecurityProfiles(SecurityModel.SensitivePersonalData),
            Path.Combine(folder, SourceLayout.FieldSecurityProfilesFile));
        foreach (var dashboard in Charts.Dashboards)
        {
            Xml.Save(Charts.Dashboard(dashboard, (table, view) => ViewXml.Id(CrmExtensionsModel.Table(table), view)),
                Path.Combine(folder, SourceLayout.DashboardsFolder, dashboard.Id.Braced() + ".xml"));
        }

        Xml.Save(AppXml.AppModule(CrmExtensionsModel.Tables, SecurityModel.Roles.Select(SecurityXml.RoleId)),
            Path.Combine(folder, SourceLayout.AppModulesFolder, AppXml.UniqueName, SourceLayout.AppModuleFile));
        Xml.Save(AppXml.SiteMap((table, view) => ViewXml.Id(CrmExtensionsModel.Table(table), view)),
            Path.Combine(folder, SourceLayout.AppModuleSiteMapsFolder, AppXml.UniqueName, SourceLayout.AppModuleSiteMapFile));

        foreach (var variable in EnvironmentVariables.All)
        {
            Xml.Save(EnvironmentVariableXml.Write(variable),
                Path.Combine(folder, SourceLayout.EnvironmentVariablesFolder, variable.SchemaName, SourceLayout.EnvironmentVariableFile));
        }

        foreach (var flow in CloudFlows.All)
        {
            var definition = Path.Combine(folder, CloudFlowXml.JsonFileName(flow).TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(definition)!);
            File.WriteAllBytes(definition, CloudFlowXml.Definition(flow));
            Xml.Save(CloudFlowXml.Workflow(flow), definition + SourceLayout.DataXmlSuffix);
        }

        Xml.Save(CustomizationsSkeleton(), Path.Combine(folder, SourceLayout.CustomizationsFile));
        WriteManifest(folder);
    }

    /// <summary>Rewrites Solution.xml with the root components found in the folder; the step generator calls this too.</summary>
    public static void WriteManifest(string folder) =>
        Xml.Save(SolutionManifestXml.Write(RootComponents(folder), MissingDependencies(folder)),
            Path.Combine(folder, SourceLayout.SolutionFile));

    /// <summary>Every relationship and step of ours that points to a Dynamics 365 table, in a stable order.</summary>
    private static IEnumerable<SolutionManifestXml.Dependency> MissingDependencies(string folder)
    {
        var required = PlatformDependencies.Tables.ToDictionary(t => t.LogicalName, StringComparer.OrdinalIgnoreCase);
        foreach (var relationship in CrmExtensionsModel.Relationships.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            if (required.TryGetValue(relationship.ReferencedEntity, out var table))
            {
                yield return new(table, 10, relationship.Name, null, relationship.Name);
            }
        }

        var stepsFolder = Path.Combine(folder, SourceLayout.StepsFolder);
        foreach (var step in Directory.Exists(stepsFolder)
            ? Directory.GetFiles(stepsFolder, "*.xml").Order(StringComparer.Ordinal).Select(Xml.Load) : [])
        {
            if (required.TryGetValue(step.Element("PrimaryEntity")?.Value ?? string.Empty, out var table))
            {
                yield return new(table, 92, null, Guid.Parse(step.Attribute("SdkMessageProcessingStepId")!.Value),
                    step.Attribute("Name")!.Value);
            }
        }
    }

    /// <summary>Standard tables we grant rights on (contact, account) are user-owned.</summary>
    /// <summary>Our tables by the model; of the standard ones, products and price lists are organization-owned.</summary>
    public static Ownership OwnershipOf(string logicalName) =>
        CrmExtensionsModel.Tables.FirstOrDefault(t => t.LogicalName == logicalName)?.Ownership
        ?? (logicalName is TableNames.Product or TableNames.PriceLevel ? Ownership.Organization : Ownership.User);

    public static string SchemaNameOf(string logicalName) =>
        CrmExtensionsModel.Tables.FirstOrDefault(t => t.LogicalName == logicalName)?.SchemaName ?? logicalName switch
        {
            TableNames.SystemUser => "SystemUser",
            TableNames.BusinessUnit => "BusinessUnit",
            TableNames.TransactionCurrency => "TransactionCurrency",
            TableNames.PriceLevel => "PriceLevel",
            TableNames.InvoiceDetail => "InvoiceDetail",
            TableNames.SalesOrder => "SalesOrder",
            // Activity privileges are named for the activity base (prvReadActivity), as the privilege table of
            // MicrosoftDocs/dynamics-365-customer-engagement ce/outlook-app/table.md lists them.
            TableNames.Activity => "Activity",
            _ => char.ToUpperInvariant(logicalName[0]) + logicalName[1..],
        };

    private static void WriteTable(string folder, Table table)
    {
        var tableFolder = Path.Combine(folder, SourceLayout.EntitiesFolder, table.SchemaName);
        Xml.Save(EntityXml.Write(table), Path.Combine(tableFolder, SourceLayout.EntityFile));
        if (table.ColumnsOnly) return;
        Xml.Save(FormXml.MainForm(table),
            Path.Combine(tableFolder, SourceLayout.FormsFolder, FormXml.MainType, FormXml.MainFormId(table).Braced() + ".xml"));
        if (table.QuickCreateColumns.Count > 0)
        {
            Xml.Save(FormXml.QuickCreateForm(table),
                Path.Combine(tableFolder, SourceLayout.FormsFolder, FormXml.QuickCreateType,
                    FormXml.QuickCreateFormId(table).Braced() + ".xml"));
        }

        if (table.QuickViewColumns.Count > 0)
        {
            Xml.Save(FormXml.QuickViewForm(table),
                Path.Combine(tableFolder, SourceLayout.FormsFolder, FormXml.QuickViewType,
                    FormXml.QuickViewFormId(table).Braced() + ".xml"));
        }

        foreach (var view in Views(table))
        {
            Xml.Save(ViewXml.Write(table, view),
                Path.Combine(tableFolder, SourceLayout.ViewsFolder, ViewXml.Id(table, view.Key).Braced() + ".xml"));
        }

        var commands = RibbonCommands.For(table).ToList();
        if (commands.Count > 0)
        {
            Xml.Save(RibbonDiffXml.Write(commands), Path.Combine(tableFolder, SourceLayout.RibbonDiffFile));
        }

        foreach (var chart in Charts.All.Where(c => c.Table == table.LogicalName))
        {
            Xml.Save(Charts.Write(chart, table.PrimaryIdColumn),
                Path.Combine(tableFolder, SourceLayout.ChartsFolder, chart.Id.Braced() + ".xml"));
        }
    }

    /// <summary>Custom tables get the full set; a standard table only the loyalty members view the dashboard needs.</summary>
    private static IEnumerable<ViewXml.View> Views(Table table) => table.IsCustom
        ? ViewXml.For(table)
        :
        [
            new(Charts.LoyaltyMembersView, ViewXml.PublicView, false, Label.Of("Loyalty members", "Miembros de fidelización"),
                Label.Of($"{table.Plural.En} with a loyalty tier.", $"{table.Plural.Es} con un nivel de fidelización."),
                [table.PrimaryNameColumn, "cx_loyaltytierid", "cx_pointsbalance", "cx_lifecyclestage", "cx_customersegmentid"],
                new XElement("filter", new XAttribute("type", "and"),
                    new XElement("condition", new XAttribute("attribute", "statecode"), new XAttribute("operator", "eq"),
                        new XAttribute("value", 0)),
                    new XElement("condition", new XAttribute("attribute", "cx_loyaltytierid"), new XAttribute("operator", "not-null")))),
            .. table.WorkingViews.Select(ViewXml.Working),
        ];

    private static void WriteRelationships(string folder)
    {
        var byReferenced = CrmExtensionsModel.Relationships.GroupBy(r => r.ReferencedEntity)
            .OrderBy(g => SchemaNameOf(g.Key), StringComparer.Ordinal);
        var index = new XElement("EntityRelationships", new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi));
        foreach (var group in byReferenced)
        {
            var file = new XElement("EntityRelationships", new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi));
            foreach (var relationship in group.OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                var referencing = CrmExtensionsModel.Table(relationship.ReferencingEntity);
                file.Add(RelationshipXml.Write(relationship, referencing));
                index.Add(new XElement("EntityRelationship", new XAttribute("Name", relationship.Name)));
            }

            Xml.Save(file, Path.Combine(folder, SourceLayout.RelationshipsFolder, SchemaNameOf(group.Key) + ".xml"));
        }

        Xml.Save(index, Path.Combine(folder, SourceLayout.RelationshipsIndexFile));
    }

    private static XElement CustomizationsSkeleton() =>
        new("ImportExportXml", new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi),
            new XElement("Entities"),
            new XElement("Roles"),
            new XElement("Workflows"),
            new XElement("FieldSecurityProfiles"),
            new XElement("Templates"),
            new XElement("EntityMaps"),
            new XElement("EntityRelationships"),
            new XElement("OrganizationSettings"),
            new XElement("optionsets"),
            new XElement("CustomControls"),
            new XElement("EntityDataProviders"),
            // Exports keep connection references inline, after the other sections and before Languages (solution/README.md).
            new XElement("connectionreferences", CloudFlows.ConnectionReferences.Select(CloudFlowXml.ConnectionReference)),
            new XElement("Languages", Label.Languages.Select(l => new XElement("Language", l))));

    private static IEnumerable<SolutionManifestXml.RootComponent> RootComponents(string folder)
    {
        foreach (var table in CrmExtensionsModel.Tables)
        {
            // Standard tables travel as a shell (2): only our columns, forms and views, never Microsoft's.
            yield return new(1, table.LogicalName, null, table.IsCustom ? 0 : 2);
        }

        foreach (var choice in GlobalChoices.All)
        {
            yield return new(9, choice.Name, null);
        }

        foreach (var role in SecurityModel.Roles)
        {
            yield return new(20, null, SecurityXml.RoleId(role));
        }

        // Cloud flows are processes (29) and listed by id; connection references get no root component, as in exports.
        foreach (var flow in CloudFlows.All)
        {
            yield return new(29, null, CloudFlowXml.Id(flow));
        }

        foreach (var dashboard in Charts.Dashboards)
        {
            yield return new(60, null, dashboard.Id);
        }

        foreach (var webResource in DataFiles(folder, SourceLayout.WebResourcesFolder))
        {
            yield return new(61, webResource.Attribute("Name")?.Value ?? webResource.Element("Name")?.Value, null);
        }

        yield return new(62, AppXml.UniqueName, null);
        yield return new(70, null, SecurityXml.ProfileId(SecurityModel.SensitivePersonalData));
        yield return new(80, AppXml.UniqueName, null);

        foreach (var assembly in DataFiles(folder, SourceLayout.PluginAssembliesFolder))
        {
            yield return new(91, assembly.Attribute("FullName")!.Value, Guid.Parse(assembly.Attribute("PluginAssemblyId")!.Value));
        }

        var stepsFolder = Path.Combine(folder, SourceLayout.StepsFolder);
        if (Directory.Exists(stepsFolder))
        {
            foreach (var step in Directory.GetFiles(stepsFolder, "*.xml").Order(StringComparer.Ordinal).Select(Xml.Load))
            {
                yield return new(92, null, Guid.Parse(step.Attribute("SdkMessageProcessingStepId")!.Value));
            }
        }
    }

    private static IEnumerable<XElement> DataFiles(string folder, string subFolder)
    {
        var path = Path.Combine(folder, subFolder);
        return Directory.Exists(path)
            ? Directory.GetFiles(path, "*" + SourceLayout.DataXmlSuffix, SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(Xml.Load)
            : [];
    }
}
