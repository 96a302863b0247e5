using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;

namespace Crm.Extensions.Emulator.Metadata;

/// <summary>Reads one table from SolutionPackager's Entities/&lt;Schema&gt;/Entity.xml (the &lt;Entity&gt; element).</summary>
internal static class EntityXmlReader
{
    public static TableMetadata Read(XElement entityElement)
    {
        var info = entityElement.Element("EntityInfo")?.Element("entity")
            ?? throw new InvalidOperationException("Entity.xml has no EntityInfo/entity element.");
        var logicalName = ((string?)info.Attribute("Name") ?? (string?)entityElement.Element("Name")
            ?? throw new InvalidOperationException("Entity.xml has no table name.")).ToLowerInvariant();

        var attributes = info.Element("attributes")?.Elements("attribute").ToList() ?? new();
        var primaryKey = attributes.FirstOrDefault(a => Text(a, "Type") == "primarykey");
        var table = new TableMetadata(logicalName, primaryKey is null ? logicalName + "id" : LogicalName(primaryKey));
        table.SchemaName = (string?)info.Attribute("Name") ?? (string?)entityElement.Element("Name");
        ReadLabels(info.Element("LocalizedNames"), "LocalizedName", table.DisplayNames);
        ReadLabels(info.Element("LocalizedCollectionNames"), "LocalizedCollectionName", table.DisplayCollectionNames);
        if (info.Element("IsOptimisticConcurrencyEnabled") is { } concurrency)
            table.IsOptimisticConcurrencyEnabled = Flag(concurrency.Value);
        if (Text(info, "OwnershipTypeMask") is { } ownership)
        {
            table.Ownership = ownership.Equals("OrgOwned", StringComparison.OrdinalIgnoreCase)
                ? TableOwnership.OrganizationOwned : TableOwnership.UserOwned;
        }

        foreach (var attribute in attributes)
        {
            var column = ReadColumn(attribute);
            table.Add(column);
            if ((Text(attribute, "DisplayMask") ?? "").Split('|').Contains("PrimaryName")) table.PrimaryNameAttribute = column.LogicalName;
        }

        if (table.Column(table.PrimaryIdAttribute) is null) table.Add(new ColumnMetadata(table.PrimaryIdAttribute, ColumnType.PrimaryKey));

        foreach (var key in info.Descendants().Where(e => e.Name.LocalName is "EntityKey" or "Key"))
        {
            // SolutionPackager writes EntityKeyAttributes/AttributeName; KeyAttributes/KeyAttribute is accepted for hand-written fixtures.
            var columns = key.Descendants()
                .Where(
                    e => e.Name.LocalName is "KeyAttribute"
                    || (e.Name.LocalName == "AttributeName" && e.Parent?.Name.LocalName == "EntityKeyAttributes"))
                .Select(k => k.Value.Trim().ToLowerInvariant()).ToList();
            if (columns.Count == 0) continue;
            var name = (string?)key.Attribute("Name") ?? Text(key, "LogicalName") ?? Text(key, "Name") ?? string.Join("_", columns);
            name = name.ToLowerInvariant();
            table.Keys.Add(new AlternateKeyMetadata(name, columns));
        }

        return table;
    }

    private static ColumnMetadata ReadColumn(XElement attribute)
    {
        var type = MapType(Text(attribute, "Type") ?? "");
        var column = new ColumnMetadata(LogicalName(attribute), type)
        {
            MaxLength = Int(attribute, "MaxLength"),
            MinValue = Decimal(attribute, "MinValue"),
            MaxValue = Decimal(attribute, "MaxValue"),
            IsSecured = Flag(Text(attribute, "IsSecured")),
            GlobalOptionSetName = Text(attribute, "OptionSetName"),
            SchemaName = (string?)attribute.Attribute("PhysicalName"),
            RequiredLevel = Text(attribute, "RequiredLevel"),
            IsCustom = Flag(Text(attribute, "IsCustomField")),
        };
        ReadLabels(attribute.Element("displaynames"), "displayname", column.DisplayNames);

        foreach (var target in attribute.Element("LookupTypes")?.Elements("LookupType") ?? Enumerable.Empty<XElement>())
        {
            column.Targets.Add(target.Value.Trim());
        }

        OptionSetXmlReader.ReadOptions(attribute.Element("optionset"), column.Options, column.StatusToState, column.OptionLabels);
        // Two-option columns always have a default (false unless the metadata says otherwise); a choice has one unless it is -1.
        var appDefault = Int(attribute, "AppDefaultValue");
        if (type == ColumnType.Boolean) column.DefaultValue = appDefault == 1;
        else if (type == ColumnType.Picklist && appDefault is { } option && option != -1) column.DefaultValue = option;
        return column;
    }

    private static void ReadLabels(XElement? parent, string element, System.Collections.Generic.Dictionary<int, string> labels)
    {
        foreach (var label in parent?.Elements(element) ?? Enumerable.Empty<XElement>())
        {
            if ((string?)label.Attribute("description") is { } text && Int32((string?)label.Attribute("languagecode")) is { } language)
            {
                labels[language] = text;
            }
        }
    }

    private static int? Int32(string? text) =>
        text is not null && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static ColumnType MapType(string type) => type.ToLowerInvariant() switch
    {
        "nvarchar" or "string" => ColumnType.String,
        "ntext" or "memo" => ColumnType.Memo,
        "int" or "integer" => ColumnType.Integer,
        "bigint" => ColumnType.BigInt,
        "decimal" => ColumnType.Decimal,
        "float" or "double" => ColumnType.Double,
        "money" => ColumnType.Money,
        "datetime" => ColumnType.DateTime,
        "bit" or "boolean" => ColumnType.Boolean,
        "picklist" => ColumnType.Picklist,
        "multiselectpicklist" => ColumnType.MultiSelectPicklist,
        "state" => ColumnType.State,
        "status" => ColumnType.Status,
        "lookup" => ColumnType.Lookup,
        "customer" => ColumnType.Customer,
        "owner" => ColumnType.Owner,
        "primarykey" => ColumnType.PrimaryKey,
        "uniqueidentifier" => ColumnType.UniqueIdentifier,
        "entityname" => ColumnType.EntityName,
        _ => ColumnType.Other,
    };

    private static string LogicalName(XElement attribute) =>
        (Text(attribute, "LogicalName") ?? (string?)attribute.Attribute("PhysicalName") ?? throw new InvalidOperationException("A column "
            + "has no name."))
            .ToLowerInvariant();

    internal static string? Text(XElement parent, string child)
    {
        var value = parent.Element(child)?.Value;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    internal static bool Flag(string? value) =>
        value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));

    private static int? Int(XElement parent, string child) =>
        Text(parent, child) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value : null;

    private static decimal? Decimal(XElement parent, string child) =>
        Text(parent, child) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value : null;
}
