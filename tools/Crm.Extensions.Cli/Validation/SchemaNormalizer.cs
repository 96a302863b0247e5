using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace Crm.Extensions.Cli.Validation;

/// <summary>
/// Current exports carry elements Microsoft's 2018 schema (9.0.0.2090) does not know, and write the step's SdkMessageId first
/// where the schema wants it after Rank. The zip keeps the export shape; the schema check sees a copy with those elements
/// removed and SdkMessageId moved, so it still checks everything else. Line numbers of schema errors refer to that copy.
/// </summary>
public static class SchemaNormalizer
{
    /// <summary>Parent element → children newer than the schema (shapes from current exports; see solution/README.md).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> NewerElements = new Dictionary<string, string[]>
    {
        ["attribute"] = ["AutoNumberFormat", "IsSearchable", "IsFilterable", "IsRetrievable", "IsLocalizable"],
        ["AppModule"] = ["OptimizedFor", "statecode", "statuscode", "NavigationType"],
        ["AppModuleSiteMap"] = ["EnableCollapsibleGroups", "ShowHome", "ShowPinned", "ShowRecents"],
        ["FieldPermission"] = ["CanReadUnmasked"],
        ["Workflow"] = ["JsonFileName", "IsCustomProcessingStepAllowedForOtherPublishers"],
    };

    /// <summary>Sections of customizations.xml newer than the schema (connection references of cloud flows).</summary>
    public static readonly string[] NewerSections = ["connectionreferences"];

    /// <summary>Element → attributes newer than the schema.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> NewerAttributes = new Dictionary<string, string[]>
    {
        ["Role"] = ["isinherited"],
    };

    public static XElement ForSchema(XElement customizations)
    {
        var copy = new XElement(customizations);
        copy.Elements().Where(e => NewerSections.Contains(e.Name.LocalName)).ToList().ForEach(e => e.Remove());
        foreach (var (parent, children) in NewerElements)
        {
            copy.Descendants(parent).Elements().Where(e => children.Contains(e.Name.LocalName)).ToList().ForEach(e => e.Remove());
        }

        foreach (var (element, attributes) in NewerAttributes)
        {
            copy.Descendants(element).Attributes().Where(a => attributes.Contains(a.Name.LocalName)).ToList().ForEach(a => a.Remove());
        }

        foreach (var step in copy.Descendants("SdkMessageProcessingStep"))
        {
            if (step.Element("SdkMessageId") is { } message && step.Element("Rank") is { } rank)
            {
                message.Remove();
                rank.AddAfterSelf(message);
            }
        }

        return copy;
    }
}
