using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;

namespace Crm.Extensions.Cli.Packaging;

/// <summary>
/// Reads a SolutionPackager source folder into a <see cref="SolutionPackage"/>: merges the per-component files into customizations.xml,
/// picks managed copies (or derives them from the unmanaged file) and maps in DLL and web resource bytes.
/// </summary>
internal sealed class SourceReader(string folder, PackageType type, BinaryLocator binaries)
{
    public SolutionPackage Read()
    {
        if (!Directory.Exists(folder))
        {
            throw new SolutionException($"The solution folder {folder} does not exist.");
        }

        var solution = Xml.Load(Required(SourceLayout.SolutionFile));
        var managed = solution.Element("SolutionManifest")?.Element("Managed")
            ?? throw new SolutionException($"{SourceLayout.SolutionFile} has no SolutionManifest/Managed element.");
        managed.Value = type == PackageType.Managed ? "1" : "0";

        var customizations = Xml.Load(Required(SourceLayout.CustomizationsFile));
        var files = SolutionPackage.NewFileMap();

        CustomizationSections.Fill(customizations, "Entities", Entities());
        CustomizationSections.Fill(customizations, "Roles", Components(SourceLayout.RolesFolder, "*.xml"));
        CustomizationSections.Fill(customizations, "Workflows", Workflows(files));
        ReplaceWithFile(customizations, "FieldSecurityProfiles", SourceLayout.FieldSecurityProfilesFile);
        CustomizationSections.Fill(customizations, "EntityRelationships", Relationships());
        CustomizationSections.Fill(customizations, "optionsets", Components(SourceLayout.OptionSetsFolder, "*.xml"));
        CustomizationSections.Fill(customizations, "Dashboards", Components(SourceLayout.DashboardsFolder, "*.xml"));
        CustomizationSections.Fill(customizations, "WebResources", WebResources(files));
        CustomizationSections.Fill(customizations, "SolutionPluginAssemblies", PluginAssemblies(files));
        CustomizationSections.Fill(customizations, "SdkMessageProcessingSteps", Components(SourceLayout.StepsFolder, "*.xml"));
        CustomizationSections.Fill(customizations, "AppModuleSiteMaps",
            AppParts(SourceLayout.AppModuleSiteMapsFolder, SourceLayout.AppModuleSiteMapFile));
        CustomizationSections.Fill(customizations, "AppModules", AppParts(SourceLayout.AppModulesFolder, SourceLayout.AppModuleFile));
        CustomizationSections.DropEmptyOptionalSections(customizations);

        foreach (var verbatim in SourceLayout.VerbatimFolders.Select(f => Path.Combine(folder, f)).Where(Directory.Exists))
        {
            foreach (var file in Directory.GetFiles(verbatim, "*", SearchOption.AllDirectories))
            {
                files[ZipPath(file)] = File.ReadAllBytes(file);
            }
        }

        var package = new SolutionPackage(solution, customizations, files);
        DuplicateIds.Check(package);
        return package;
    }

    private string Required(string relativePath)
    {
        var path = Path.Combine(folder, relativePath);
        return File.Exists(path) ? path : throw new SolutionException($"{path} is missing; every solution source needs it.");
    }

    private string ZipPath(string file) => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');

    private static IEnumerable<string> Sorted(IEnumerable<string> paths) => paths.Order(StringComparer.Ordinal);

    private IEnumerable<XElement> Components(string subFolder, string pattern)
    {
        var path = Path.Combine(folder, subFolder);
        return Directory.Exists(path)
            ? Sorted(Directory.GetFiles(path, pattern)).Select(f => CustomizationSections.Detached(Xml.Load(f)))
            : [];
    }

    private void ReplaceWithFile(XElement customizations, string section, string relativePath)
    {
        var path = Path.Combine(folder, relativePath);
        if (File.Exists(path))
        {
            CustomizationSections.Fill(customizations, section, Xml.Load(path).Elements().Select(CustomizationSections.Detached));
        }
    }

    private IEnumerable<XElement> Entities()
    {
        var root = Path.Combine(folder, SourceLayout.EntitiesFolder);
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var tableFolder in Sorted(Directory.GetDirectories(root)))
        {
            var entity = CustomizationSections.Detached(Xml.Load(Path.Combine(tableFolder, SourceLayout.EntityFile)));
            Replace(entity, "FormXml", Forms(tableFolder));
            Replace(entity, "SavedQueries", ViewFiles(tableFolder));
            var charts = ChartFiles(tableFolder);
            entity.Element("Visualizations")?.Remove();
            if (charts is not null)
            {
                (entity.Element("SavedQueries") ?? entity.Element("FormXml") ?? entity.Element("EntityInfo"))!.AddAfterSelf(charts);
            }

            var ribbon = Path.Combine(tableFolder, SourceLayout.RibbonDiffFile);
            if (File.Exists(ribbon))
            {
                entity.Element("RibbonDiffXml")?.Remove();
                entity.Add(CustomizationSections.Detached(Xml.Load(ribbon)));
            }

            yield return entity;
        }
    }

    private static void Replace(XElement entity, string name, XElement? content)
    {
        var existing = entity.Element(name);
        if (content is null)
        {
            return;
        }

        if (existing is null)
        {
            entity.Add(content);
        }
        else
        {
            existing.ReplaceWith(content);
        }
    }

    private XElement? Forms(string tableFolder)
    {
        var root = Path.Combine(tableFolder, SourceLayout.FormsFolder);
        if (!Directory.Exists(root))
        {
            return null;
        }

        var formXml = new XElement("FormXml");
        foreach (var typeFolder in Sorted(Directory.GetDirectories(root)))
        {
            var forms = new XElement("forms", new XAttribute("type", Path.GetFileName(typeFolder)));
            foreach (var file in Sorted(Directory.GetFiles(typeFolder, "*.xml")).Where(f => !IsManagedCopy(f)))
            {
                forms.Add(Xml.Load(PreferredCopy(file)).Elements("systemform").Select(CustomizationSections.Detached));
            }

            formXml.Add(forms);
        }

        return formXml;
    }

    private XElement? ViewFiles(string tableFolder)
    {
        var root = Path.Combine(tableFolder, SourceLayout.ViewsFolder);
        return Directory.Exists(root)
            ? new XElement("SavedQueries", new XElement("savedqueries",
                Sorted(Directory.GetFiles(root, "*.xml")).SelectMany(f => Xml.Load(f).Elements("savedquery"))
                    .Select(CustomizationSections.Detached)))
            : null;
    }

    private static XElement? ChartFiles(string tableFolder)
    {
        var root = Path.Combine(tableFolder, SourceLayout.ChartsFolder);
        return Directory.Exists(root)
            ? new XElement("Visualizations",
                Sorted(Directory.GetFiles(root, "*.xml")).Select(f => CustomizationSections.Detached(Xml.Load(f))))
            : null;
    }

    private IEnumerable<XElement> Relationships()
    {
        var indexPath = Path.Combine(folder, SourceLayout.RelationshipsIndexFile);
        var definitionsFolder = Path.Combine(folder, SourceLayout.RelationshipsFolder);
        var definitions = new Dictionary<string, XElement>(StringComparer.Ordinal);
        if (Directory.Exists(definitionsFolder))
        {
            foreach (var file in Sorted(Directory.GetFiles(definitionsFolder, "*.xml")))
            {
                foreach (var relationship in Xml.Load(file).Elements("EntityRelationship"))
                {
                    var name = relationship.Attribute("Name")?.Value
                        ?? throw new SolutionException($"{file} has a relationship without a Name.");
                    if (!definitions.TryAdd(name, CustomizationSections.Detached(relationship)))
                    {
                        throw new SolutionException($"Relationship {name} is defined twice (again in {file}).");
                    }
                }
            }
        }

        if (!File.Exists(indexPath))
        {
            return definitions.Values;
        }

        return Xml.Load(indexPath).Elements("EntityRelationship").Select(entry =>
        {
            var name = entry.Attribute("Name")?.Value ?? string.Empty;
            return definitions.TryGetValue(name, out var definition)
                ? definition
                : throw new SolutionException(
                    $"{SourceLayout.RelationshipsIndexFile} lists relationship {name}, but no file in {SourceLayout.RelationshipsFolder} " +
                    $"defines it.");
        }).ToList();
    }

    private IEnumerable<XElement> WebResources(SortedDictionary<string, byte[]> files)
    {
        var root = Path.Combine(folder, SourceLayout.WebResourcesFolder);
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var dataFile in Sorted(Directory.GetFiles(root, "*" + SourceLayout.DataXmlSuffix, SearchOption.AllDirectories)))
        {
            var webResource = CustomizationSections.Detached(Xml.Load(dataFile));
            var fileName = webResource.Element("FileName")?.Value ?? throw new SolutionException($"{dataFile} has no FileName.");
            var bytes = binaries.WebResource(folder, fileName, webResource.Element("Name")?.Value);
            if (bytes is not null)
            {
                files[fileName.TrimStart('/')] = bytes;
            }

            yield return webResource;
        }
    }

    /// <summary>
    /// Each Workflows/*.data.xml is a &lt;Workflow&gt;; its definition (JsonFileName or XamlFileName) goes into the zip at that path.
    /// </summary>
    private IEnumerable<XElement> Workflows(SortedDictionary<string, byte[]> files)
    {
        var root = Path.Combine(folder, SourceLayout.WorkflowsFolder);
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var dataFile in Sorted(Directory.GetFiles(root, "*" + SourceLayout.DataXmlSuffix, SearchOption.AllDirectories)))
        {
            var workflow = CustomizationSections.Detached(Xml.Load(dataFile));
            var fileName = (workflow.Element("JsonFileName") ?? workflow.Element("XamlFileName"))?.Value
                ?? throw new SolutionException($"{dataFile} has neither JsonFileName nor XamlFileName.");
            var definition = Path.Combine(folder, fileName.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(definition))
            {
                throw new SolutionException($"{dataFile} names {fileName}, but {definition} does not exist.");
            }

            files[fileName.TrimStart('/')] = File.ReadAllBytes(definition);
            yield return workflow;
        }
    }

    private IEnumerable<XElement> PluginAssemblies(SortedDictionary<string, byte[]> files)
    {
        var root = Path.Combine(folder, SourceLayout.PluginAssembliesFolder);
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var dataFile in Sorted(Directory.GetFiles(root, "*" + SourceLayout.DataXmlSuffix, SearchOption.AllDirectories)))
        {
            var assembly = CustomizationSections.Detached(Xml.Load(dataFile));
            var fileName = assembly.Element("FileName")?.Value ?? throw new SolutionException($"{dataFile} has no FileName.");
            files[fileName.TrimStart('/')] = binaries.PluginAssembly(folder, fileName);
            yield return assembly;
        }
    }

    private IEnumerable<XElement> AppParts(string subFolder, string fileName)
    {
        var root = Path.Combine(folder, subFolder);
        return Directory.Exists(root)
            ? Sorted(Directory.GetDirectories(root)).Select(d => Path.Combine(d, fileName)).Where(File.Exists)
                .Select(f => CustomizationSections.Detached(Xml.Load(PreferredCopy(f))))
            : [];
    }

    /// <summary>
    /// For a managed package, the _managed copy when the source has one; otherwise the unmanaged file stands in (pac's
    /// --useUnmanagedFileForMissingManaged).
    /// </summary>
    private string PreferredCopy(string unmanagedFile)
    {
        if (type == PackageType.Unmanaged)
        {
            return unmanagedFile;
        }

        var managedFile = Path.Combine(Path.GetDirectoryName(unmanagedFile)!,
            Path.GetFileNameWithoutExtension(unmanagedFile) + SourceLayout.ManagedSuffix + ".xml");
        return File.Exists(managedFile) ? managedFile : unmanagedFile;
    }

    private static bool IsManagedCopy(string file)
        => Path.GetFileNameWithoutExtension(file).EndsWith(SourceLayout.ManagedSuffix, StringComparison.Ordinal);
}
