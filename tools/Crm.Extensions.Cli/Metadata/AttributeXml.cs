using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>Writes one &lt;attribute&gt; the way an export does: common flags, then the parts specific to the type, then labels.</summary>
internal static class AttributeXml
{
    public const string IntroducedVersion = "1.0.0.0";

    public static XElement Write(Table table, Column column)
    {
        var customizable = Xml.Bit(ManagedProperties.IsCustomizable(table));
        var attribute = new XElement("attribute", new XAttribute("PhysicalName", column.SchemaName),
            new XElement("Type", TypeName(column.Kind)),
            new XElement("Name", column.LogicalName),
            new XElement("LogicalName", column.LogicalName),
            new XElement("RequiredLevel", RequiredLevelName(column.Required)),
            new XElement("DisplayMask", DisplayMask(column)),
            new XElement("ImeMode", "auto"),
            new XElement("ValidForUpdateApi", Xml.Bit(column.ValidForUpdate)),
            new XElement("ValidForReadApi", "1"),
            new XElement("ValidForCreateApi", Xml.Bit(column.ValidForCreate)),
            new XElement("IsCustomField", Xml.Bit(column.IsCustom)),
            new XElement("IsAuditEnabled", Xml.Bit(column.IsAudited)),
            new XElement("IsSecured", Xml.Bit(column.IsSecured)),
            new XElement("IntroducedVersion", IntroducedVersion),
            new XElement("IsCustomizable", customizable),
            new XElement("IsRenameable", customizable),
            new XElement("CanModifySearchSettings", customizable),
            new XElement("CanModifyRequirementLevelSettings",
                Xml.Bit(column.Required != RequiredLevel.SystemRequired && ManagedProperties.IsCustomizable(table))),
            new XElement("CanModifyAdditionalSettings", customizable),
            new XElement("SourceType", "0"),
            new XElement("IsGlobalFilterEnabled", "0"),
            new XElement("IsSortableEnabled", "0"),
            new XElement("CanModifyGlobalFilterSettings", customizable),
            new XElement("CanModifyIsSortableSettings", customizable),
            new XElement("IsDataSourceSecret", "0"),
            // Dataverse search flags, newer than the 2018 schema; current exports write them after IsDataSourceSecret.
            new XElement("AutoNumberFormat"),
            new XElement("IsSearchable", Xml.Bit(IsSearchable(table, column))),
            new XElement("IsFilterable", Xml.Bit(IsFilterable(column))),
            new XElement("IsRetrievable", Xml.Bit(IsSearchable(table, column) || column.Kind == ColumnKind.PrimaryKey)),
            new XElement("IsLocalizable", "0"));

        attribute.Add(TypeSpecific(table, column));
        attribute.Add(Xml.Labels("displaynames", "displayname", column.Display));
        attribute.Add(Xml.Labels("Descriptions", "Description", column.Description));
        return attribute;
    }

    /// <summary>Search finds a row by the columns quick find searches: the primary name and the table's find columns.</summary>
    private static bool IsSearchable(Table table, Column column) =>
        column.LogicalName == table.PrimaryNameColumn || table.FindColumns.Contains(column.LogicalName);

    /// <summary>Search results can be narrowed by the columns with a fixed set of values.</summary>
    private static bool IsFilterable(Column column) => column.Kind is ColumnKind.Choice or ColumnKind.State or ColumnKind.Status
        or ColumnKind.Boolean or ColumnKind.Lookup or ColumnKind.Customer or ColumnKind.Owner;

    public static string TypeName(ColumnKind kind) => kind switch
    {
        ColumnKind.PrimaryKey => "primarykey",
        ColumnKind.Text or ColumnKind.Email or ColumnKind.Url => "nvarchar",
        ColumnKind.Memo => "ntext",
        ColumnKind.WholeNumber => "int",
        ColumnKind.BigInt => "bigint",
        ColumnKind.Decimal => "decimal",
        ColumnKind.Money => "money",
        ColumnKind.DateOnly or ColumnKind.DateTime => "datetime",
        ColumnKind.Boolean => "bit",
        ColumnKind.Choice => "picklist",
        ColumnKind.State => "state",
        ColumnKind.Status => "status",
        ColumnKind.Lookup => "lookup",
        ColumnKind.Customer => "customer",
        ColumnKind.Owner => "owner",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string RequiredLevelName(RequiredLevel level) => level switch
    {
        RequiredLevel.Required => "required",
        RequiredLevel.Recommended => "recommended",
        RequiredLevel.SystemRequired => "systemrequired",
        _ => "none",
    };

    private static string DisplayMask(Column column) => column.Kind == ColumnKind.PrimaryKey
        ? "ValidForAdvancedFind|RequiredForGrid"
        : column.LogicalName == "cx_name"
            ? "PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm"
            // An internal column drops ValidForAdvancedFind, as a column exported with searching turned off carries it.
            : column.IsInternal ? "ValidForForm|ValidForGrid" : "ValidForAdvancedFind|ValidForForm|ValidForGrid";

    private static IEnumerable<XElement> TypeSpecific(Table table, Column column)
    {
        switch (column.Kind)
        {
            case ColumnKind.Text or ColumnKind.Email or ColumnKind.Url:
                var length = column.MaxLength ?? 100;
                yield return new XElement("Format",
                    column.Kind switch { ColumnKind.Email => "email", ColumnKind.Url => "url", _ => "text" });
                yield return new XElement("MaxLength", length);
                yield return new XElement("Length", length * 2);
                break;
            case ColumnKind.Memo:
                yield return new XElement("Format", "textarea");
                yield return new XElement("MaxLength", column.MaxLength ?? 2000);
                break;
            case ColumnKind.WholeNumber or ColumnKind.BigInt:
                yield return new XElement("Format",
                    column.LogicalName.EndsWith("minutes", StringComparison.Ordinal)
                    || column.LogicalName.EndsWith("duration", StringComparison.Ordinal) ? "duration" : "none");
                yield return new XElement("MinValue",
                    Number(column.MinValue ?? (column.Kind == ColumnKind.BigInt ? -9223372036854775808d : int.MinValue)));
                yield return new XElement("MaxValue",
                    Number(column.MaxValue ?? (column.Kind == ColumnKind.BigInt ? 9223372036854775807d : int.MaxValue)));
                break;
            case ColumnKind.Decimal:
                yield return new XElement("MinValue", Number(column.MinValue ?? -100000000000));
                yield return new XElement("MaxValue", Number(column.MaxValue ?? 100000000000));
                yield return new XElement("Accuracy", column.Precision ?? 2);
                break;
            case ColumnKind.Money:
                yield return new XElement("MinValue", Number(column.MinValue ?? -922337203685477));
                yield return new XElement("MaxValue", Number(column.MaxValue ?? 922337203685477));
                yield return new XElement("Accuracy", column.Precision ?? 2);
                // 2: the precision of the row's currency, as the maker portal defaults to.
                yield return new XElement("AccuracySource", 2);
                if (column.SchemaName.EndsWith("_Base", StringComparison.Ordinal))
                {
                    yield return new XElement("CalculationOf", column.LogicalName[..^"_base".Length]);
                }

                break;
            case ColumnKind.DateOnly or ColumnKind.DateTime:
                yield return new XElement("Format", column.Kind == ColumnKind.DateOnly ? "date" : "datetime");
                yield return new XElement("CanChangeDateTimeBehavior", Xml.Bit(column.IsCustom));
                // 1 user local, 2 date only: a date-only column never shifts with the reader's time zone.
                yield return new XElement("Behavior", column.Kind == ColumnKind.DateOnly ? 2 : 1);
                break;
            case ColumnKind.Boolean:
                yield return new XElement("AppDefaultValue", column.DefaultValue ?? 0);
                yield return OptionSetXml.YesNo($"{table.LogicalName}_{column.LogicalName}", column);
                break;
            case ColumnKind.Choice:
                yield return new XElement("AppDefaultValue", column.DefaultValue ?? -1);
                var choice = column.Choice
                    ?? throw new InvalidOperationException($"{table.LogicalName}.{column.LogicalName} is a choice without options.");
                yield return choice.IsGlobal ? new XElement("OptionSetName", choice.Name) : OptionSetXml.Write(choice);
                break;
            case ColumnKind.State:
                yield return OptionSetXml.State($"{table.LogicalName}_statecode", column);
                break;
            case ColumnKind.Status:
                yield return OptionSetXml.Status($"{table.LogicalName}_statuscode", column);
                break;
            case ColumnKind.Lookup or ColumnKind.Customer or ColumnKind.Owner:
                yield return new XElement("LookupStyle", "single");
                // Exports leave LookupTypes empty: the targets are the relationships' referenced tables.
                yield return new XElement("LookupTypes");
                break;
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
