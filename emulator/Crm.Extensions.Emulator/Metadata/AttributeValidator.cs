using System;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Metadata;

/// <summary>
/// The platform's checks on a Target: known columns, the right value types, lengths, ranges, choices and lookups that resolve.
/// </summary>
internal sealed class AttributeValidator
{
    private readonly MetadataCatalog _catalog;
    private readonly DataStore _store;

    public AttributeValidator(MetadataCatalog catalog, DataStore store)
    {
        _catalog = catalog;
        _store = store;
    }

    public void Validate(TableMetadata table, Entity target)
    {
        foreach (var pair in target.Attributes)
        {
            var column = table.Column(pair.Key) ?? throw PlatformFault.UnknownColumn(table.LogicalName, pair.Key);
            if (pair.Value is not null) ValidateValue(table, column, pair.Value);
        }
    }

    private void ValidateValue(TableMetadata table, ColumnMetadata column, object value)
    {
        var ok = column.Type switch
        {
            ColumnType.String or ColumnType.Memo or ColumnType.EntityName => value is string,
            ColumnType.Integer => value is int,
            ColumnType.BigInt => value is long,
            ColumnType.Decimal => value is decimal,
            ColumnType.Double => value is double,
            ColumnType.Money => value is Money,
            ColumnType.DateTime => value is DateTime,
            ColumnType.Boolean => value is bool,
            ColumnType.Picklist or ColumnType.State or ColumnType.Status => value is OptionSetValue,
            ColumnType.MultiSelectPicklist => value is OptionSetValueCollection,
            ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => value is EntityReference,
            ColumnType.PrimaryKey or ColumnType.UniqueIdentifier => value is Guid,
            _ => true,
        };
        if (!ok)
        {
            throw PlatformFault.InvalidArgument(
                $"Incorrect attribute value type {value.GetType().FullName} for attribute '{column.LogicalName}' of entity " +
                $"'{table.LogicalName}' (expected {column.Type}).");
        }

        switch (value)
        {
            case string text when column.MaxLength is { } max && text.Length > max:
                throw PlatformFault.Create(ErrorCodes.StringLengthTooLong,
                    $"A validation error occurred. The length of the '{column.LogicalName}' attribute of the '{table.LogicalName}' " +
                    $"entity exceeded the maximum allowed length of '{max}'.");
            case OptionSetValue option when column.Options.Count > 0 && !column.Options.Contains(option.Value):
                throw PlatformFault.InvalidArgument(
                    $"{option.Value} is not a valid value for {column.LogicalName} of {table.LogicalName}.");
            case OptionSetValueCollection options when column.Options.Count > 0 && options.Any(o => !column.Options.Contains(o.Value)):
                throw PlatformFault.InvalidArgument($"A value of {column.LogicalName} of {table.LogicalName} is not a valid choice.");
            case EntityReference reference:
                ValidateReference(table, column, reference);
                break;
            case int or long or decimal or double or Money:
                ValidateRange(table, column, value);
                break;
        }
    }

    private void ValidateReference(TableMetadata table, ColumnMetadata column, EntityReference reference)
    {
        if (string.IsNullOrEmpty(reference.LogicalName))
            throw PlatformFault.InvalidArgument($"The lookup {column.LogicalName} of {table.LogicalName} has no table name.");
        if (column.Targets.Count > 0 && !column.Targets.Contains(reference.LogicalName))
        {
            throw PlatformFault.InvalidArgument(
                $"The lookup {column.LogicalName} of {table.LogicalName} cannot point at {reference.LogicalName}; it accepts " +
                $"{string.Join(", ", column.Targets)}.");
        }

        var target = _catalog.Table(reference.LogicalName);
        if (_store.Find(target.LogicalName, reference.Id) is null) throw PlatformFault.RecordNotFound(reference.LogicalName, reference.Id);
    }

    private static void ValidateRange(TableMetadata table, ColumnMetadata column, object value)
    {
        var number = value is Money money ? money.Value : Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        if ((column.MinValue is { } min && number < min) || (column.MaxValue is { } max && number > max))
        {
            throw PlatformFault.InvalidArgument(
                $"A validation error occurred. The value {number.ToString(CultureInfo.InvariantCulture)} of '{column.LogicalName}' on " +
                $"record of type '{table.LogicalName}' is outside the valid range ({column.MinValue}, {column.MaxValue}).");
        }
    }
}
