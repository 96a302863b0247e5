using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Crm.Extensions.Cli.Validation;

/// <summary>
/// Hand-written structural check of solution.xml, since Microsoft publishes no schema for it.
/// The rules are the ones real exports follow.
/// </summary>
public static partial class ManifestCheck
{
    private static readonly string[] ManifestOrder = ["UniqueName", "LocalizedNames", "Descriptions", "Version", "Managed", "Publisher",
        "RootComponents", "MissingDependencies"];

    private static readonly string[] PublisherOrder =
        ["UniqueName", "LocalizedNames", "Descriptions", "EMailAddress", "SupportingWebsiteUrl", "CustomizationPrefix",
            "CustomizationOptionValuePrefix", "Addresses"];

    public static IReadOnlyList<string> Check(XElement solution)
    {
        var errors = new List<string>();
        if (solution.Name.LocalName != "ImportExportXml")
        {
            errors.Add($"the root is <{solution.Name.LocalName}>, expected <ImportExportXml>.");
            return errors;
        }

        var manifest = solution.Element("SolutionManifest");
        if (manifest is null)
        {
            errors.Add("<SolutionManifest> is missing.");
            return errors;
        }

        CheckOrder(manifest, ManifestOrder, required: ["UniqueName", "LocalizedNames", "Version", "Managed", "Publisher", "RootComponents"],
            errors);
        CheckName(manifest.Element("UniqueName")?.Value, "SolutionManifest/UniqueName", errors);
        CheckLabels(manifest.Element("LocalizedNames"), "LocalizedName", "SolutionManifest/LocalizedNames", errors);
        if (manifest.Element("Version")?.Value is { } version && !VersionPattern().IsMatch(version))
        {
            errors.Add($"Version '{version}' must be two to four dotted numbers.");
        }

        if (manifest.Element("Managed")?.Value is { } managed && managed is not ("0" or "1"))
        {
            errors.Add($"Managed is '{managed}'; a zip carries 0 (unmanaged) or 1 (managed). 2 belongs only in a source folder.");
        }

        if (manifest.Element("Publisher") is { } publisher)
        {
            CheckOrder(publisher, PublisherOrder,
                required: ["UniqueName", "LocalizedNames", "CustomizationPrefix", "CustomizationOptionValuePrefix"], errors);
            CheckName(publisher.Element("UniqueName")?.Value, "Publisher/UniqueName", errors);
            CheckLabels(publisher.Element("LocalizedNames"), "LocalizedName", "Publisher/LocalizedNames", errors);
            if (publisher.Element("CustomizationPrefix")?.Value is { } prefix && !PrefixPattern().IsMatch(prefix))
            {
                errors.Add($"CustomizationPrefix '{prefix}' must be 2-8 letters or digits starting with a letter, and not 'mscrm'.");
            }

            if (publisher.Element("CustomizationOptionValuePrefix")?.Value is { } optionPrefix
                && !(
                    int.TryParse(optionPrefix, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 10000
                    and <= 99999))
            {
                errors.Add($"CustomizationOptionValuePrefix '{optionPrefix}' must be an integer from 10000 to 99999.");
            }
        }

        foreach (var component in manifest.Element("RootComponents")?.Elements() ?? [])
        {
            if (component.Name.LocalName != "RootComponent")
            {
                errors.Add($"RootComponents holds <{component.Name.LocalName}>; only <RootComponent> is allowed.");
                continue;
            }

            if (!int.TryParse(component.Attribute("type")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                errors.Add($"a RootComponent has no numeric type: {component}");
            }

            if (component.Attribute("schemaName") is null && !Guid.TryParse(component.Attribute("id")?.Value, out _))
            {
                errors.Add($"a RootComponent names neither a schemaName nor a valid id: {component}");
            }

            if (component.Attribute("behavior")?.Value is { } behavior && behavior is not ("0" or "1" or "2"))
            {
                errors.Add($"RootComponent behavior '{behavior}' must be 0, 1 or 2: {component}");
            }
        }

        var duplicates = (manifest.Element("RootComponents")?.Elements("RootComponent") ?? [])
            .GroupBy(c => $"{c.Attribute("type")?.Value}:{c.Attribute("schemaName")?.Value}:{c.Attribute("id")?.Value}")
            .Where(g => g.Count() > 1);
        errors.AddRange(duplicates.Select(d => $"RootComponent {d.Key} is listed {d.Count()} times."));
        return errors;
    }

    private static void CheckOrder(XElement parent, string[] order, string[] required, List<string> errors)
    {
        var names = parent.Elements().Select(e => e.Name.LocalName).ToList();
        errors.AddRange(required.Where(r => !names.Contains(r)).Select(r => $"<{parent.Name.LocalName}> lacks <{r}>."));
        errors.AddRange(names.Where(n => !order.Contains(n)).Select(n => $"<{parent.Name.LocalName}> has an unknown child <{n}>."));
        var positions = names.Where(order.Contains).Select(n => Array.IndexOf(order, n)).ToList();
        for (var i = 1; i < positions.Count; i++)
        {
            if (positions[i] <= positions[i - 1])
            {
                errors.Add($"<{parent.Name.LocalName}> children are out of order: expected {string.Join(", ", order)}.");
                break;
            }
        }
    }

    private static void CheckName(string? name, string where, List<string> errors)
    {
        if (name is not null && !UniqueNamePattern().IsMatch(name))
        {
            errors.Add($"{where} '{name}' must start with a letter and hold only letters, digits and underscores.");
        }
    }

    private static void CheckLabels(XElement? labels, string item, string where, List<string> errors)
    {
        if (labels is null)
        {
            return;
        }

        var entries = labels.Elements(item).ToList();
        if (entries.Count == 0)
        {
            errors.Add($"{where} has no <{item}>.");
        }

        foreach (var entry in entries.Where(
            e => e.Attribute("description") is null
            || !int.TryParse(e.Attribute("languagecode")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            errors.Add($"{where}: {entry} needs description and a numeric languagecode.");
        }
    }

    [GeneratedRegex(@"^\d+(\.\d+){1,3}$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^(?!mscrm)[A-Za-z][A-Za-z0-9]{1,7}$")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex UniqueNamePattern();
}
