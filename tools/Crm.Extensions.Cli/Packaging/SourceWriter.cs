using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;

namespace Crm.Extensions.Cli.Packaging;

/// <summary>Unpack: splits a package into the SolutionPackager layout that <see cref="SourceReader"/> reads back.</summary>
internal static class SourceWriter
{
    public static void Write(SolutionPackage package, string folder)
    {
        Directory.CreateDirectory(folder);
        var solution = new XElement(package.Solution);
        var managed = package.Type == PackageType.Managed;
        solution.Element("SolutionManifest")!
            .Element("Managed")!.Value = SolutionManifestXml.ManagedBoth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Xml.Save(solution, Path.Combine(folder, SourceLayout.SolutionFile));

        var customizations = new XElement(package.Customizations);
        foreach (var entity in Take(customizations, "Entities"))
        {
            WriteEntity(entity, folder, managed);
        }

        foreach (var role in Take(customizations, "Roles"))
        {
            Xml.Save(role, Path.Combine(folder, SourceLayout.RolesFolder, SafeName(role.Attribute("name")?.Value) + ".xml"));
        }

        foreach (var workflow in Take(customizations, "Workflows"))
        {
            var definition = (workflow.Element("JsonFileName") ?? workflow.Element("XamlFileName"))?.Value;
            Xml.Save(workflow, Path.Combine(folder, Relative(definition) + SourceLayout.DataXmlSuffix));
        }

        var profiles = customizations.Element("FieldSecurityProfiles");
        if (profiles is { HasElements: true })
        {
            Xml.Save(new XElement(profiles), Path.Combine(folder, SourceLayout.FieldSecurityProfilesFile));
            profiles.RemoveNodes();
        }

        WriteRelationships(Take(customizations, "EntityRelationships"), folder);
        foreach (var optionSet in Take(customizations, "optionsets"))
        {
            Xml.Save(optionSet, Path.Combine(folder, SourceLayout.OptionSetsFolder, SafeName(optionSet.Attribute("Name")?.Value) + ".xml"));
        }

        foreach (var dashboard in Take(customizations, "Dashboards"))
        {
            Xml.Save(dashboard, Path.Combine(folder, SourceLayout.DashboardsFolder, SafeName(dashboard.Element("FormId")?.Value) + ".xml"));
        }

        foreach (var webResource in Take(customizations, "WebResources"))
        {
            Xml.Save(webResource, Path.Combine(folder, Relative(webResource.Element("FileName")?.Value) + SourceLayout.DataXmlSuffix));
        }

        foreach (var assembly in Take(customizations, "SolutionPluginAssemblies"))
        {
            Xml.Save(assembly, Path.Combine(folder, Relative(assembly.Element("FileName")?.Value) + SourceLayout.DataXmlSuffix));
        }

        foreach (var step in Take(customizations, "SdkMessageProcessingSteps"))
        {
            Xml.Save(step,
                Path.Combine(folder, SourceLayout.StepsFolder, SafeName(step.Attribute("SdkMessageProcessingStepId")?.Value) + ".xml"));
        }

        foreach (var siteMap in Take(customizations, "AppModuleSiteMaps"))
        {
            SaveWithManagedCopy(siteMap,
                Path.Combine(folder, SourceLayout.AppModuleSiteMapsFolder, SafeName(siteMap.Element("SiteMapUniqueName")?.Value),
                    SourceLayout.AppModuleSiteMapFile), managed);
        }

        foreach (var app in Take(customizations, "AppModules"))
        {
            SaveWithManagedCopy(app,
                Path.Combine(folder, SourceLayout.AppModulesFolder, SafeName(app.Element("UniqueName")?.Value), SourceLayout.AppModuleFile),
                managed);
        }

        Xml.Save(customizations, Path.Combine(folder, SourceLayout.CustomizationsFile));

        foreach (var (entry, bytes) in package.Files)
        {
            var path = Path.GetFullPath(Path.Combine(folder, Relative(entry)));
            if (!path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new SolutionException($"The zip entry {entry} would be written outside {folder}.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
    }

    /// <summary>
    /// Removes the section's children from the skeleton and returns them; sections the skeleton does not keep are dropped.
    /// </summary>
    private static XElement[] Take(XElement customizations, string section)
    {
        var element = customizations.Element(section);
        if (element is null)
        {
            return [];
        }

        var children = element.Elements().ToArray();
        element.RemoveNodes();
        if (!CustomizationSections.KeptWhenEmpty.Contains(section))
        {
            element.Remove();
        }

        return children;
    }

    private static void WriteEntity(XElement entity, string folder, bool managed)
    {
        var schemaName = SafeName(entity.Element("Name")?.Value);
        var tableFolder = Path.Combine(folder, SourceLayout.EntitiesFolder, schemaName);
        var formXml = entity.Element("FormXml");
        foreach (var forms in formXml?.Elements("forms") ?? [])
        {
            var type = SafeName(forms.Attribute("type")?.Value);
            foreach (var form in forms.Elements("systemform"))
            {
                var file = new XElement("forms", new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi), form);
                SaveWithManagedCopy(file,
                    Path.Combine(tableFolder, SourceLayout.FormsFolder, type, SafeName(form.Element("formid")?.Value) + ".xml"), managed);
            }
        }

        formXml?.RemoveNodes();
        var views = entity.Element("SavedQueries");
        foreach (var view in views?.Elements("savedqueries").Elements("savedquery") ?? [])
        {
            Xml.Save(new XElement("savedqueries", new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi), view),
                Path.Combine(tableFolder, SourceLayout.ViewsFolder, SafeName(view.Element("savedqueryid")?.Value) + ".xml"));
        }

        views?.RemoveNodes();
        var charts = entity.Element("Visualizations");
        foreach (var chart in charts?.Elements("visualization") ?? [])
        {
            Xml.Save(chart,
                Path.Combine(tableFolder, SourceLayout.ChartsFolder, SafeName(chart.Element("savedqueryvisualizationid")?.Value) + ".xml"));
        }

        charts?.Remove();
        Xml.Save(entity, Path.Combine(tableFolder, SourceLayout.EntityFile));
    }

    private static void WriteRelationships(XElement[] relationships, string folder)
    {
        if (relationships.Length == 0)
        {
            return;
        }

        var index = new XElement("EntityRelationships", new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi),
            relationships.Select(
                r => new XElement("EntityRelationship", new XAttribute("Name", r.Attribute("Name")?.Value ?? string.Empty))));
        Xml.Save(index, Path.Combine(folder, SourceLayout.RelationshipsIndexFile));
        // System relationships name the referenced table by schema name (SystemUser), ours by logical name (systemuser): one file each.
        foreach (var group in relationships.GroupBy(r => SolutionGenerator.SchemaNameOf(
                     (r.Element("ReferencedEntityName")?.Value ?? r.Element("FirstEntityName")?.Value ?? "Other").ToLowerInvariant())))
        {
            Xml.Save(new XElement("EntityRelationships", new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi), group),
                Path.Combine(folder, SourceLayout.RelationshipsFolder, SafeName(group.Key) + ".xml"));
        }
    }

    private static void SaveWithManagedCopy(XElement element, string path, bool managed)
    {
        Xml.Save(element, path);
        if (managed)
        {
            Xml.Save(element,
                Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + SourceLayout.ManagedSuffix + ".xml"));
        }
    }

    private static string Relative(string? zipPath) =>
        (zipPath ?? throw new SolutionException("A component has no FileName.")).TrimStart('/').Replace('/', Path.DirectorySeparatorChar);

    private static string SafeName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0
            || name.Contains("..", StringComparison.Ordinal)
            ? throw new SolutionException($"'{name}' cannot be used as a file name in the solution source.")
            : name;
}
