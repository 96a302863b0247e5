using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;

namespace Crm.Extensions.Cli.Packaging;

/// <summary>Two components with one id would overwrite each other on import; refuse the package instead.</summary>
internal static class DuplicateIds
{
    private static readonly string[] IdElements = ["formid", "savedqueryid", "savedqueryvisualizationid", "FormId", "WebResourceId",
        "SdkMessageProcessingStepImageId"];

    private static readonly string[] IdAttributes = ["PluginAssemblyId", "PluginTypeId", "SdkMessageProcessingStepId",
        "fieldsecurityprofileid"];

    public static void Check(SolutionPackage package)
    {
        var seen = new Dictionary<Guid, string>();
        foreach (var (id, owner) in Ids(package.Customizations))
        {
            if (!seen.TryAdd(id, owner))
            {
                throw new SolutionException($"Duplicate id {id:B}: used by {seen[id]} and by {owner}.");
            }
        }
    }

    private static IEnumerable<(Guid Id, string Owner)> Ids(XElement customizations)
    {
        foreach (var element in customizations.Descendants())
        {
            var name = element.Name.LocalName;
            if (IdElements.Contains(name) && Guid.TryParse(element.Value, out var id))
            {
                yield return (id, Describe(element.Parent!, name));
            }

            foreach (var attribute in element.Attributes().Where(a => IdAttributes.Contains(a.Name.LocalName)))
            {
                if (Guid.TryParse(attribute.Value, out var attributeId))
                {
                    yield return (attributeId, Describe(element, attribute.Name.LocalName));
                }
            }

            if (name == "Role" && element.Parent?.Name.LocalName == "Roles"
                && Guid.TryParse(element.Attribute("id")?.Value, out var roleId))
            {
                yield return (roleId, $"role {element.Attribute("name")?.Value}");
            }
        }
    }

    private static string Describe(XElement element, string idName)
    {
        var label = element.Attribute("Name")?.Value ?? element.Attribute("name")?.Value
            ?? element.Element("LocalizedNames")?.Element("LocalizedName")?.Attribute("description")?.Value
            ?? element.Element("Name")?.Value;
        return label is null ? $"{element.Name.LocalName} ({idName})" : $"{element.Name.LocalName} '{label}' ({idName})";
    }
}
