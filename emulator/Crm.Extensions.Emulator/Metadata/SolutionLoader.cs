using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Crm.Extensions.Emulator.Metadata;

/// <summary>
/// Loads metadata from an unpacked solution (SolutionPackager / pac layout): Entities/*/Entity.xml, OptionSets/*.xml,
/// Other/Relationships/*.xml, Other/FieldSecurityProfiles.xml, SdkMessageProcessingSteps/*.xml, customapis/*/,
/// PluginAssemblies/*/*.data.xml.
/// </summary>
public static class SolutionLoader
{
    public static void LoadInto(MetadataCatalog catalog, string solutionFolder)
    {
        if (!Directory.Exists(solutionFolder)) throw new DirectoryNotFoundException($"No solution folder at {solutionFolder}.");

        foreach (var file in Files(solutionFolder, "Entities", "Entity.xml"))
        {
            var table = EntityXmlReader.Read(XDocument.Load(file).Root!);
            catalog.AddTable(table);
        }

        foreach (var file in Files(solutionFolder, "OptionSets", "*.xml"))
        {
            var root = XDocument.Load(file).Root!;
            var options = new HashSet<int>();
            var labels = new Dictionary<int, Dictionary<int, string>>();
            OptionSetXmlReader.ReadOptions(root, options, new Dictionary<int, int>(), labels);
            var name = (string?)root.Attribute("Name") ?? Path.GetFileNameWithoutExtension(file);
            catalog.GlobalOptionSets[name] = options;
            catalog.GlobalOptionLabels[name] = labels;
        }

        foreach (var file in Files(Path.Combine(solutionFolder, "Other"), "Relationships", "*.xml"))
        {
            foreach (var relationship in XDocument.Load(file).Descendants("EntityRelationship")) AddRelationship(catalog, relationship);
        }

        foreach (var file in Files(solutionFolder, "Roles", "*.xml"))
        {
            catalog.Roles.Add(RoleXmlReader.Read(XDocument.Load(file).Root!));
        }

        var pluginTypeNames = ReadPluginTypeNames(solutionFolder);
        foreach (var file in Files(solutionFolder, "SdkMessageProcessingSteps", "*.xml"))
        {
            catalog.Steps.Add(ReadStep(XDocument.Load(file).Root!));
        }

        foreach (var file in Files(solutionFolder, "customapis", "customapi.xml"))
        {
            var api = ReadCustomApi(file, pluginTypeNames);
            catalog.CustomApis[api.UniqueName] = api;
        }

        var profiles = Path.Combine(solutionFolder, "Other", "FieldSecurityProfiles.xml");
        if (File.Exists(profiles))
        {
            foreach (var profile in XDocument.Load(profiles).Descendants("FieldSecurityProfile"))
                catalog.FieldSecurityProfiles.Add(ReadProfile(profile));
        }
    }

    private static IEnumerable<string> Files(string root, string folder, string pattern)
    {
        var path = Path.Combine(root, folder);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal)
            : Enumerable.Empty<string>();
    }

    internal static void AddRelationship(MetadataCatalog catalog, XElement element)
    {
        var name = (string?)element.Attribute("Name") ?? throw new InvalidOperationException("A relationship has no Name.");
        string Text(string child) => EntityXmlReader.Text(element, child)?.ToLowerInvariant() ?? "";
        if (Text("EntityRelationshipType") == "manytomany")
        {
            var first = Text("FirstEntityName");
            var second = Text("SecondEntityName");
            var selfReferencing = first == second;
            catalog.Relationships[name] = new RelationshipMetadata(name, RelationshipKind.ManyToMany)
            {
                Entity1 = first,
                Entity2 = second,
                IntersectEntity = Text("IntersectEntityName"),
                Entity1IntersectAttribute = selfReferencing ? first + "idone" : first + "id",
                Entity2IntersectAttribute = selfReferencing ? second + "idtwo" : second + "id",
            };
            return;
        }

        catalog.Relationships[name] = new RelationshipMetadata(name, RelationshipKind.OneToMany)
        {
            ReferencedEntity = Text("ReferencedEntityName"),
            ReferencingEntity = Text("ReferencingEntityName"),
            ReferencingAttribute = Text("ReferencingAttributeName"),
            IsHierarchical = EntityXmlReader.Flag(Text("IsHierarchical")),
            CascadeDelete = Cascade(element, "CascadeDelete", CascadeType.RemoveLink),
            CascadeAssign = Cascade(element, "CascadeAssign", CascadeType.NoCascade),
            CascadeShare = Cascade(element, "CascadeShare", CascadeType.NoCascade),
            CascadeUnshare = Cascade(element, "CascadeUnshare", CascadeType.NoCascade),
            CascadeReparent = Cascade(element, "CascadeReparent", CascadeType.NoCascade),
        };
    }

    /// <summary>A relationship's cascade setting; Microsoft's default for a new custom relationship when the file has none.</summary>
    private static CascadeType Cascade(XElement element, string child, CascadeType fallback) =>
        Enum.TryParse<CascadeType>(EntityXmlReader.Text(element, child), ignoreCase: true, out var value) ? value : fallback;

    private static StepRegistration ReadStep(XElement step)
    {
        string? Text(string child) => EntityXmlReader.Text(step, child);
        int Int(string child, int fallback) => int.TryParse(Text(child), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v : fallback;

        var name = (string?)step.Attribute("Name") ?? "";
        var typeName = Text("PluginTypeName") ?? throw new InvalidOperationException($"Step '{name}' has no PluginTypeName.");
        var images = step.Descendants("SdkMessageProcessingStepImage").Select(image => new StepImageRegistration(
            EntityXmlReader.Text(image, "EntityAlias") ?? (string?)image.Attribute("Name") ?? "Image",
            (ImageKind)int.Parse(EntityXmlReader.Text(image, "ImageType") ?? "0", CultureInfo.InvariantCulture),
            SplitList(EntityXmlReader.Text(image, "Attributes")))).ToList();

        return new StepRegistration
        {
            Id = Guid.TryParse((string?)step.Attribute("SdkMessageProcessingStepId"), out var id) ? id : Guid.NewGuid(),
            Name = name,
            PluginTypeName = typeName.Split(',')[0].Trim(),
            Message = SdkMessageIds.Resolve(Text("SdkMessageId"), name),
            PrimaryEntity = (Text("PrimaryEntity") ?? "").ToLowerInvariant(),
            Stage = Int("Stage", 40),
            Mode = Int("Mode", 0),
            Rank = Int("Rank", 1),
            FilteringAttributes = SplitList(Text("FilteringAttributes")),
            UnsecureConfiguration = Text("Configuration"),
            RunAsUserId = Guid.TryParse(Text("ImpersonatingUserId"), out var runAs) ? runAs : null,
            Images = images,
        };
    }

    private static CustomApiMetadata ReadCustomApi(string file, IReadOnlyDictionary<Guid, string> pluginTypeNames)
    {
        var root = XDocument.Load(file).Root!;
        var folder = Path.GetDirectoryName(file)!;
        string? Text(XElement e, string child) => EntityXmlReader.Text(e, child);
        int Int(XElement e, string child) => int.TryParse(Text(e, child), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v : 0;

        var pluginType = root.Element("plugintypeid")?.Value.Trim();
        if (Guid.TryParse(pluginType, out var pluginTypeId))
        {
            pluginType = pluginTypeNames.TryGetValue(pluginTypeId, out var typeName) ? typeName : null;
        }

        var api = new CustomApiMetadata((string?)root.Attribute("uniquename") ?? Text(root, "uniquename") ?? Path.GetFileName(folder))
        {
            BindingType = Int(root, "bindingtype"),
            BoundEntity = Text(root, "boundentitylogicalname"),
            IsFunction = EntityXmlReader.Flag(Text(root, "isfunction")),
            PluginTypeName = string.IsNullOrWhiteSpace(pluginType) ? null : pluginType.Split(',')[0].Trim(),
            ExecutePrivilegeName = string.IsNullOrWhiteSpace(Text(root, "executeprivilegename"))
                ? null : Text(root, "executeprivilegename")!.Trim(),
        };

        foreach (var parameter in Files(folder, "customapirequestparameters", "customapirequestparameter.xml")
            .Select(f => XDocument.Load(f).Root!))
        {
            api.RequestParameters.Add(new CustomApiParameter(
                (string?)parameter.Attribute("uniquename") ?? Text(parameter, "uniquename") ?? "", Int(parameter, "type"),
                EntityXmlReader.Flag(Text(parameter, "isoptional"))));
        }

        foreach (var property in Files(folder, "customapiresponseproperties", "customapiresponseproperty.xml")
            .Select(f => XDocument.Load(f).Root!))
        {
            api.ResponseProperties.Add(
                new CustomApiParameter((string?)property.Attribute("uniquename") ?? Text(property, "uniquename") ?? "",
                    Int(property, "type"), false));
        }

        return api;
    }

    private static Dictionary<Guid, string> ReadPluginTypeNames(string solutionFolder)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var file in Files(solutionFolder, "PluginAssemblies", "*.data.xml"))
        {
            foreach (var type in XDocument.Load(file).Descendants("PluginType"))
            {
                if (Guid.TryParse((string?)type.Attribute("PluginTypeId"), out var id) && (string?)type.Attribute("Name") is { } name)
                    names[id] = name;
            }
        }

        return names;
    }

    private static FieldSecurityProfileMetadata ReadProfile(XElement element)
    {
        var profile = new FieldSecurityProfileMetadata(
            Guid.TryParse((string?)element.Attribute("fieldsecurityprofileid"), out var id) ? id : Guid.NewGuid(),
            (string?)element.Attribute("name") ?? "");
        foreach (var permission in element.Descendants("FieldPermission"))
        {
            bool Allowed(string child) => EntityXmlReader.Text(permission, child) == "4";
            profile.Permissions.Add(new FieldPermission(
                (EntityXmlReader.Text(permission, "EntityName") ?? "").ToLowerInvariant(),
                (EntityXmlReader.Text(permission, "AttributeName") ?? "").ToLowerInvariant(),
                Allowed("CanRead"), Allowed("CanCreate"), Allowed("CanUpdate")));
        }

        return profile;
    }

    private static string[] SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? Array.Empty<string>()
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant())
                .ToArray();
}
