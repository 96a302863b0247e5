using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Query;

/// <summary>count, countcolumn, sum, avg, min, max over groups (with date grouping), each returned as an AliasedValue.</summary>
internal static class Aggregator
{
    public static EntityCollection Run(AggregateSpec spec, List<JoinedRow> rows, TableMetadata root, Func<string?, QueryScope> scope,
        IEnumerable<OrderExpression> orders, MetadataCatalog catalog, FiscalCalendar? calendar = null)
    {
        var fiscal = calendar ?? FiscalCalendar.CalendarYearMonthly;
        if (rows.Count > spec.Limit)
        {
            throw PlatformFault.Create(ErrorCodes.AggregateQueryRecordLimitExceeded, "AggregateQueryRecordLimit exceeded. Cannot perform "
                + "this operation.");
        }

        foreach (var column in spec.Columns)
        {
            var table = scope(column.EntityAlias).Table;
            if (table.Column(column.Attribute) is null) throw PlatformFault.UnknownColumn(table.LogicalName, column.Attribute);
        }

        var groupColumns = spec.Columns.Where(c => c.GroupBy).ToList();
        var groups = rows.GroupBy(r => string.Join("|", groupColumns.Select(c => Key(GroupValue(c, r, fiscal)))));
        var results = new List<Entity>();
        foreach (var group in groups)
        {
            var entity = new Entity(root.LogicalName);
            foreach (var column in spec.Columns)
            {
                var tableName = scope(column.EntityAlias).Table.LogicalName;
                var value = column.GroupBy ? GroupValue(column, group.First(), fiscal) : Compute(column, group.ToList());
                entity[column.Alias] = new AliasedValue(tableName, column.Attribute, value);
            }

            results.Add(entity);
        }

        if (groupColumns.Count == 0 && results.Count == 0)
        {
            var empty = new Entity(root.LogicalName);
            foreach (var column in spec.Columns)
                empty[column.Alias] = new AliasedValue(root.LogicalName, column.Attribute, Compute(column, new List<JoinedRow>()));
            results.Add(empty);
        }

        foreach (var order in orders.Reverse())
        {
            var key = order.Alias ?? order.AttributeName;
            var comparer = Comparer<object?>.Create(Comparison.Compare);
            results = (order.OrderType == OrderType.Ascending
                ? results.OrderBy(e => (e.GetAttributeValue<AliasedValue>(key))?.Value, comparer)
                : results.OrderByDescending(e => (e.GetAttributeValue<AliasedValue>(key))?.Value, comparer)).ToList();
        }

        return new EntityCollection(results) { EntityName = root.LogicalName };
    }

    private static object? RawValue(AggregateColumn column, JoinedRow row) => row.RowFor(column.EntityAlias)?.Get(column.Attribute);

    private static object? GroupValue(AggregateColumn column, JoinedRow row, FiscalCalendar fiscal)
    {
        var value = RawValue(column, row);
        if (column.DateGrouping == XrmDateTimeGrouping.None || value is not DateTime date) return value;
        return column.DateGrouping switch
        {
            XrmDateTimeGrouping.Day => date.Day,
            XrmDateTimeGrouping.Week => CultureInfo.InvariantCulture.Calendar.GetWeekOfYear(date, CalendarWeekRule.FirstDay,
                DayOfWeek.Sunday),
            XrmDateTimeGrouping.Month => date.Month,
            XrmDateTimeGrouping.Quarter => (date.Month - 1) / 3 + 1,
            XrmDateTimeGrouping.Year => date.Year,
            // Fiscal groupings follow the organization's fiscal calendar: the period number, or the year the fiscal year starts in.
            XrmDateTimeGrouping.FiscalPeriod => fiscal.PeriodOf(date),
            XrmDateTimeGrouping.FiscalYear => fiscal.FiscalYearOf(date),
            _ => throw PlatformFault.InvalidArgument($"Unknown date grouping {column.DateGrouping}."),
        };
    }

    private static string Key(object? value) => Convert.ToString(Comparison.Normalize(value), CultureInfo.InvariantCulture) ?? "\0null";

    private static object? Compute(AggregateColumn column, List<JoinedRow> rows)
    {
        var values = rows.Select(r => RawValue(column, r)).Where(v => v is not null).ToList();
        switch (column.Function)
        {
            case XrmAggregateType.Count:
                return rows.Count;
            case XrmAggregateType.CountColumn:
                return column.Distinct ? values.Select(Key).Distinct().Count() : values.Count;
        }

        if (values.Count == 0) return null;
        var numbers = values[0] is DateTime ? new List<decimal>() : values.Select(v => (decimal)Comparison.Normalize(v)!).ToList();
        var isMoney = values[0] is Money;
        object Wrap(decimal d) => isMoney ? new Money(d) : values[0] switch
        {
            int => (object)(int)d,
            long => (long)d,
            double => (double)d,
            _ => d,
        };

        return column.Function switch
        {
            XrmAggregateType.Sum => Wrap(numbers.Sum()),
            XrmAggregateType.Avg => isMoney ? new Money(numbers.Average()) : numbers.Average(),
            XrmAggregateType.Min => values[0] is DateTime ? values.Min() : Wrap(numbers.Min()),
            XrmAggregateType.Max => values[0] is DateTime ? values.Max() : Wrap(numbers.Max()),
            _ => throw PlatformFault.InvalidArgument($"Unknown aggregate {column.Function}."),
        };
    }
}
