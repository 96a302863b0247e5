using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Packaging;

namespace Crm.Extensions.Cli.Generation;

/// <summary>
/// Early-bound classes from solution/src and solution/platform: one file per table (column-name constants, typed properties, local choice
/// enums)
/// and one file of global choice enums. Reads the committed XML, so the classes match what deploys.
/// </summary>
public static class EarlyBoundGenerator
{
    public const string Namespace = "Crm.Extensions.EarlyBound";
    private const string GlobalChoicesClass = "GlobalChoices";

    private sealed record Option(int Value, string Label);

    private sealed record ChoiceSet(string Name, string Label, IReadOnlyList<Option> Options);

    private sealed record Attribute(string LogicalName, string SchemaName, string Type, string Display, string? GlobalChoice,
        ChoiceSet? LocalChoice);

    public static int Write(string solutionSource, string folder)
    {
        var entitiesFolder = Path.Combine(solutionSource, SourceLayout.EntitiesFolder);
        if (!Directory.Exists(entitiesFolder))
        {
            throw new SolutionException($"{entitiesFolder} does not exist; generate the solution first.");
        }

        var globalChoices = ReadGlobalChoices(Path.Combine(solutionSource, SourceLayout.OptionSetsFolder));
        var enumNames = globalChoices.ToDictionary(c => c.Name, GlobalEnumName, StringComparer.Ordinal);
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.GetFiles(folder, "*.cs"))
        {
            File.Delete(stale);
        }

        var entities = Directory.GetDirectories(entitiesFolder).Select(d => Xml.Load(Path.Combine(d, SourceLayout.EntityFile)));
        var count = 0;
        foreach (var entity in WithPlatformTables(entities, PlatformTablesFile(solutionSource)))
        {
            var schemaName = entity.Element("Name")?.Value ?? throw new SolutionException("An Entity.xml has no Name.");
            var className = TypeName(schemaName);
            File.WriteAllText(Path.Combine(folder, className + ".cs"), TableClass(entity, schemaName, className, enumNames), Utf8);
            count++;
        }

        File.WriteAllText(Path.Combine(folder, GlobalChoicesClass + ".cs"), GlobalChoiceFile(globalChoices), Utf8);
        return count + 1;
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>solution/platform/StandardTables.xml: the platform's tables with the columns we use (beside solution/src).</summary>
    private static string PlatformTablesFile(string solutionSource) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(solutionSource))!, "platform", "StandardTables.xml");

    /// <summary>
    /// Solution tables, plus the platform tables the product uses. A standard table the solution extends (contact, account)
    /// gets one class with the platform's columns and ours.
    /// </summary>
    private static IEnumerable<XElement> WithPlatformTables(IEnumerable<XElement> solutionEntities, string platformFile)
    {
        var platform = File.Exists(platformFile)
            ? Xml.Load(platformFile).Elements("Entity").ToDictionary(e => e.Element("Name")!.Value, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, XElement>(StringComparer.OrdinalIgnoreCase);
        var merged = new List<XElement>();
        foreach (var entity in solutionEntities)
        {
            var name = entity.Element("Name")!.Value;
            if (platform.Remove(name, out var standard)) merged.Add(Merge(standard, entity));
            else merged.Add(entity);
        }

        merged.AddRange(platform.Values);
        return merged.OrderBy(e => TypeName(e.Element("Name")!.Value), StringComparer.Ordinal);
    }

    private static XElement Merge(XElement standard, XElement extension)
    {
        var result = new XElement(extension);
        var attributes = result.Element("EntityInfo")!.Element("entity")!.Element("attributes")!;
        var ours = attributes.Elements("attribute").Select(a => a.Element("LogicalName")!.Value).ToHashSet(StringComparer.Ordinal);
        var theirs = standard.Element("EntityInfo")!.Element("entity")!.Element("attributes")!.Elements("attribute");
        attributes.AddFirst(theirs.Where(a => !ours.Contains(a.Element("LogicalName")!.Value)).Select(a => new XElement(a)));
        return result;
    }

    private static List<ChoiceSet> ReadGlobalChoices(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).Select(f => ReadChoice(Xml.Load(f))).ToList()
            : [];

    private static ChoiceSet ReadChoice(XElement optionSet) =>
        new(optionSet.Attribute("Name")!.Value,
            EnglishLabel(optionSet.Element("displaynames"), "displayname") ?? optionSet.Attribute("Name")!.Value,
            optionSet.Element("options")?.Elements("option")
                .Select(
                    o => new Option(int.Parse(o.Attribute("value")!.Value, CultureInfo.InvariantCulture),
                        EnglishLabel(o.Element("labels"), "label") ?? o.Attribute("value")!.Value))
                .ToList() ?? []);

    private static string? EnglishLabel(XElement? labels, string item) =>
        labels?.Elements(item).FirstOrDefault(l => l.Attribute("languagecode")?.Value == "1033")?.Attribute("description")?.Value;

    private static string TableClass(XElement entity, string schemaName, string className, Dictionary<string, string> globalEnums)
    {
        var info = entity.Element("EntityInfo")!.Element("entity")!;
        var logicalName = schemaName.ToLowerInvariant();
        var attributes = info.Element("attributes")!.Elements("attribute").Select(a => new Attribute(
                a.Element("LogicalName")!.Value,
                a.Attribute("PhysicalName")!.Value,
                a.Element("Type")!.Value,
                EnglishLabel(a.Element("displaynames"), "displayname") ?? a.Element("LogicalName")!.Value,
                a.Element("OptionSetName")?.Value,
                a.Element("Type")!.Value == "picklist" && a.Element("optionset") is { } local ? ReadChoice(local) : null))
            .OrderBy(a => a.LogicalName, StringComparer.Ordinal)
            .ToList();
        var display = EnglishLabel(info.Element("LocalizedNames"), "LocalizedName") ?? schemaName;
        var text = new StringBuilder();
        text.Append("// <auto-generated>\n// Generated by `crmx generate earlybound` from solution/src/Entities/").Append(schemaName)
            .Append("/Entity.xml. Do not edit: change the solution and regenerate.\n// </auto-generated>\n");
        text.Append("#nullable enable annotations\nusing System;\nusing Microsoft.Xrm.Sdk;\nusing Microsoft.Xrm.Sdk.Client;\n\n");
        text.Append("namespace ").Append(Namespace).Append(";\n\n");
        text.Append("/// <summary>").Append(Escape(display)).Append(" (").Append(logicalName).Append(").</summary>\n");
        text.Append("[EntityLogicalName(EntityLogicalName)]\npublic partial class ").Append(className).Append(" : Entity\n{\n");
        text.Append("    public const string EntityLogicalName = \"").Append(logicalName).Append("\";\n\n");
        text.Append("    public const string PrimaryIdAttribute = \"").Append(logicalName).Append("id\";\n\n");
        text.Append("    public ").Append(className).Append("()\n        : base(EntityLogicalName)\n    {\n    }\n\n");
        text.Append("    public ").Append(className).Append("(Guid id)\n        : base(EntityLogicalName, id)\n    {\n    }\n\n");

        var names = attributes.ToDictionary(a => a.LogicalName, a => MemberName(a.SchemaName, className), StringComparer.Ordinal);
        text.Append(
            "    /// <summary>Column logical names, for queries, images and filtering attributes.</summary>\n    public static class " +
            "Fields\n    {\n");
        text.Append("        public const string ").Append(PrimaryIdMember(logicalName, names)).Append(" = \"").Append(logicalName)
            .Append("id\";\n");
        foreach (var attribute in attributes.Where(a => a.LogicalName != logicalName + "id"))
        {
            text.Append("        public const string ").Append(names[attribute.LogicalName]).Append(" = \"").Append(attribute.LogicalName)
                .Append("\";\n");
        }

        text.Append("    }\n");
        foreach (var attribute in attributes.Where(a => a.LocalChoice is not null))
        {
            text.Append('\n').Append(Enum(attribute.LocalChoice!, names[attribute.LogicalName] + "Choice", "    "));
        }

        foreach (var attribute in attributes)
        {
            var member = names[attribute.LogicalName];
            var enumName = attribute.LocalChoice is not null
                ? member + "Choice" : attribute.GlobalChoice is { } global && globalEnums.TryGetValue(global, out var g)
                ? GlobalChoicesClass + "." + g : null;
            text.Append('\n').Append(Property(attribute, member, enumName));
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static string PrimaryIdMember(string logicalName, Dictionary<string, string> names) =>
        names.TryGetValue(logicalName + "id", out var name) ? name : "Id";

    private static string Property(Attribute attribute, string member, string? enumName)
    {
        var field = $"Fields.{member}";
        var summary = $"    /// <summary>{Escape(attribute.Display)} ({attribute.LogicalName}, {attribute.Type}).</summary>\n    " +
            $"[AttributeLogicalName({field})]\n";
        if (attribute.Type == "primarykey")
        {
            return summary
                + $"    public Guid? {member}\n    {{\n        get => GetAttributeValue<Guid?>({field});\n        set\n        {{\n      " +
                $"      SetAttributeValue({field}, value);\n            if (value.HasValue)\n            {{\n                base.Id = " +
                $"value.Value;\n            }}\n        }}\n    }}\n";
        }

        if (enumName is not null)
        {
            return summary
                + $"    public {enumName}? {member}\n    {{\n        get => GetAttributeValue<OptionSetValue?>({field}) is {{ }} option " +
                $"? ({enumName})option.Value : null;\n        set => SetAttributeValue({field}, value is null ? null : new " +
                $"OptionSetValue((int)value));\n    }}\n";
        }

        var type = attribute.Type switch
        {
            "nvarchar" or "ntext" or "memo" => "string?",
            "int" => "int?",
            "bigint" => "long?",
            "decimal" => "decimal?",
            "double" or "float" => "double?",
            "money" => "Money?",
            "datetime" => "DateTime?",
            "bit" => "bool?",
            "lookup" or "customer" or "owner" => "EntityReference?",
            "uniqueidentifier" => "Guid?",
            _ => "OptionSetValue?",
        };
        return summary
            + $"    public {type} {member}\n    {{\n        get => GetAttributeValue<{type}>({field});\n        set => " +
            $"SetAttributeValue({field}, value);\n    }}\n";
    }

    private static string GlobalChoiceFile(IReadOnlyList<ChoiceSet> choices)
    {
        var text = new StringBuilder();
        text.Append(
            "// <auto-generated>\n// Generated by `crmx generate earlybound` from solution/src/OptionSets. Do not edit: change the " +
            "solution and regenerate.\n// </auto-generated>\n");
        text.Append("namespace ").Append(Namespace)
            .Append(";\n\n/// <summary>Global choices (option sets) shared by several tables.</summary>\npublic static class ")
            .Append(GlobalChoicesClass).Append("\n{\n");
        text.Append(string.Join("\n", choices.Select(c => Enum(c, GlobalEnumName(c), "    "))));
        text.Append("}\n");
        return text.ToString();
    }

    private static string Enum(ChoiceSet choice, string name, string indent)
    {
        var text = new StringBuilder();
        text.Append(indent).Append("/// <summary>").Append(Escape(choice.Label)).Append(" (").Append(choice.Name).Append(").</summary>\n");
        text.Append(indent).Append("public enum ").Append(name).Append('\n').Append(indent).Append("{\n");
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in choice.Options)
        {
            var member = Identifier(option.Label, "Option");
            while (!used.Add(member))
            {
                member += option.Value.ToString(CultureInfo.InvariantCulture);
            }

            text.Append(indent).Append("    /// <summary>").Append(Escape(option.Label)).Append(".</summary>\n");
            text.Append(indent).Append("    ").Append(member).Append(" = ").Append(option.Value.ToString(CultureInfo.InvariantCulture))
                .Append(",\n");
        }

        text.Append(indent).Append("}\n");
        return text.ToString();
    }

    /// <summary>
    /// Option set names carry no word breaks (cx_lifecyclestage), so the enum takes its English display name (LifecycleStage).
    /// </summary>
    private static string GlobalEnumName(ChoiceSet choice) => Identifier(choice.Label, "Choice");

    /// <summary>cx_LoyaltyTier → LoyaltyTier.</summary>
    private static string TypeName(string schemaName) => Identifier(Unprefixed(schemaName), "Table");

    private static string MemberName(string schemaName, string className)
    {
        var name = Identifier(Unprefixed(schemaName), "Column");
        return name == className ? name + "Value" : name;
    }

    private static string Unprefixed(string name) => name.StartsWith("cx_", StringComparison.OrdinalIgnoreCase) ? name[3..] : name;

    /// <summary>PascalCase identifier from words, keeping existing capitals; a leading digit gets the prefix.</summary>
    private static string Identifier(string text, string prefixForDigit)
    {
        var builder = new StringBuilder();
        var upperNext = true;
        foreach (var character in text)
        {
            if (char.IsLetterOrDigit(character) && character < 128)
            {
                builder.Append(upperNext ? char.ToUpperInvariant(character) : character);
                upperNext = false;
            }
            else if (character is 'á' or 'é' or 'í' or 'ó' or 'ú' or 'ñ')
            {
                builder.Append(character);
                upperNext = false;
            }
            else if (character != '\'')
            {
                upperNext = true;
            }
        }

        var identifier = builder.ToString();
        if (identifier == "Statecode")
        {
            return "StateCode";
        }

        if (identifier == "Statuscode")
        {
            return "StatusCode";
        }

        return identifier.Length == 0 || char.IsDigit(identifier[0]) ? prefixForDigit + identifier : identifier;
    }

    private static string Escape(string text)
        => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
