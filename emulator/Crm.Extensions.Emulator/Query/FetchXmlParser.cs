using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Query;

internal sealed record ParsedFetch(QueryExpression Query, AggregateSpec? Aggregate);

/// <summary>
/// Translates FetchXML to a QueryExpression (plus an aggregate spec). Values are typed from the column metadata.
/// Unlike a QueryExpression, a fetch without attribute elements returns every column.
/// </summary>
internal static class FetchXmlParser
{
    private static readonly Dictionary<string, ConditionOperator> Operators = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eq"] = ConditionOperator.Equal, ["ne"] = ConditionOperator.NotEqual, ["neq"] = ConditionOperator.NotEqual,
        ["gt"] = ConditionOperator.GreaterThan, ["ge"] = ConditionOperator.GreaterEqual, ["lt"] = ConditionOperator.LessThan,
        ["le"] = ConditionOperator.LessEqual, ["like"] = ConditionOperator.Like, ["not-like"] = ConditionOperator.NotLike,
        ["in"] = ConditionOperator.In, ["not-in"] = ConditionOperator.NotIn, ["between"] = ConditionOperator.Between,
        ["not-between"] = ConditionOperator.NotBetween, ["null"] = ConditionOperator.Null, ["not-null"] = ConditionOperator.NotNull,
        ["begins-with"] = ConditionOperator.BeginsWith, ["not-begin-with"] = ConditionOperator.DoesNotBeginWith,
        ["ends-with"] = ConditionOperator.EndsWith, ["not-end-with"] = ConditionOperator.DoesNotEndWith,
        ["yesterday"] = ConditionOperator.Yesterday, ["today"] = ConditionOperator.Today, ["tomorrow"] = ConditionOperator.Tomorrow,
        ["last-seven-days"] = ConditionOperator.Last7Days, ["next-seven-days"] = ConditionOperator.Next7Days,
        ["last-week"] = ConditionOperator.LastWeek, ["this-week"] = ConditionOperator.ThisWeek, ["next-week"] = ConditionOperator.NextWeek,
        ["last-month"] = ConditionOperator.LastMonth, ["this-month"] = ConditionOperator.ThisMonth,
        ["next-month"] = ConditionOperator.NextMonth,
        ["last-year"] = ConditionOperator.LastYear, ["this-year"] = ConditionOperator.ThisYear, ["next-year"] = ConditionOperator.NextYear,
        ["on"] = ConditionOperator.On, ["on-or-before"] = ConditionOperator.OnOrBefore, ["on-or-after"] = ConditionOperator.OnOrAfter,
        ["last-x-hours"] = ConditionOperator.LastXHours, ["next-x-hours"] = ConditionOperator.NextXHours,
        ["last-x-days"] = ConditionOperator.LastXDays, ["next-x-days"] = ConditionOperator.NextXDays,
        ["last-x-weeks"] = ConditionOperator.LastXWeeks, ["next-x-weeks"] = ConditionOperator.NextXWeeks,
        ["last-x-months"] = ConditionOperator.LastXMonths, ["next-x-months"] = ConditionOperator.NextXMonths,
        ["last-x-years"] = ConditionOperator.LastXYears, ["next-x-years"] = ConditionOperator.NextXYears,
        ["olderthan-x-minutes"] = ConditionOperator.OlderThanXMinutes, ["olderthan-x-hours"] = ConditionOperator.OlderThanXHours,
        ["olderthan-x-days"] = ConditionOperator.OlderThanXDays, ["olderthan-x-weeks"] = ConditionOperator.OlderThanXWeeks,
        ["olderthan-x-months"] = ConditionOperator.OlderThanXMonths, ["olderthan-x-years"] = ConditionOperator.OlderThanXYears,
        ["eq-userid"] = ConditionOperator.EqualUserId, ["ne-userid"] = ConditionOperator.NotEqualUserId,
        ["eq-businessid"] = ConditionOperator.EqualBusinessId, ["ne-businessid"] = ConditionOperator.NotEqualBusinessId,
        ["under"] = ConditionOperator.Under, ["eq-or-under"] = ConditionOperator.UnderOrEqual, ["not-under"] = ConditionOperator.NotUnder,
        ["above"] = ConditionOperator.Above, ["eq-or-above"] = ConditionOperator.AboveOrEqual,
        ["this-fiscal-year"] = ConditionOperator.ThisFiscalYear, ["this-fiscal-period"] = ConditionOperator.ThisFiscalPeriod,
        ["next-fiscal-year"] = ConditionOperator.NextFiscalYear, ["next-fiscal-period"] = ConditionOperator.NextFiscalPeriod,
        ["last-fiscal-year"] = ConditionOperator.LastFiscalYear, ["last-fiscal-period"] = ConditionOperator.LastFiscalPeriod,
        ["last-x-fiscal-years"] = ConditionOperator.LastXFiscalYears, ["last-x-fiscal-periods"] = ConditionOperator.LastXFiscalPeriods,
        ["next-x-fiscal-years"] = ConditionOperator.NextXFiscalYears, ["next-x-fiscal-periods"] = ConditionOperator.NextXFiscalPeriods,
        ["in-fiscal-year"] = ConditionOperator.InFiscalYear, ["in-fiscal-period"] = ConditionOperator.InFiscalPeriod,
        ["in-fiscal-period-and-year"] = ConditionOperator.InFiscalPeriodAndYear,
        ["in-or-before-fiscal-period-and-year"] = ConditionOperator.InOrBeforeFiscalPeriodAndYear,
        ["in-or-after-fiscal-period-and-year"] = ConditionOperator.InOrAfterFiscalPeriodAndYear,
        ["contain-values"] = ConditionOperator.ContainValues, ["not-contain-values"] = ConditionOperator.DoesNotContainValues,
        ["eq-userlanguage"] = ConditionOperator.EqualUserLanguage, ["eq-userteams"] = ConditionOperator.EqualUserTeams,
        ["eq-useroruserteams"] = ConditionOperator.EqualUserOrUserTeams,
            ["eq-useroruserhierarchy"] = ConditionOperator.EqualUserOrUserHierarchy,
        ["eq-useroruserhierarchyandteams"] = ConditionOperator.EqualUserOrUserHierarchyAndTeams,
    };

    public static ParsedFetch Parse(string fetchXml, MetadataCatalog catalog)
    {
        var fetch = XDocument.Parse(fetchXml).Root ?? throw PlatformFault.InvalidArgument("Empty FetchXML.");
        var entity = fetch.Element("entity") ?? throw PlatformFault.InvalidArgument("FetchXML has no entity element.");
        var root = catalog.Table(Required(entity, "name"));
        var query = new QueryExpression(root.LogicalName) { Distinct = Flag(fetch, "distinct") };
        if (Int(fetch, "top") is { } top) query.TopCount = top;
        query.PageInfo = new PagingInfo
        {
            Count = Int(fetch, "count") ?? 0,
            PageNumber = Int(fetch, "page") ?? 1,
            PagingCookie = (string?)fetch.Attribute("paging-cookie"),
            ReturnTotalRecordCount = Flag(fetch, "returntotalrecordcount"),
        };

        var isAggregate = Flag(fetch, "aggregate");
        var aggregates = new List<AggregateColumn>();
        query.ColumnSet = ReadColumns(entity, root, null, isAggregate, aggregates);
        foreach (var filter in entity.Elements("filter")) query.Criteria.AddFilter(ReadFilter(filter, root, catalog, null, query));
        foreach (var order in entity.Elements("order")) query.Orders.Add(ReadOrder(order));
        foreach (var link in entity.Elements("link-entity"))
            query.LinkEntities.Add(ReadLink(link, root, catalog, isAggregate, aggregates, query));

        AggregateSpec? spec = null;
        if (isAggregate)
        {
            var limit = Math.Min(Int(fetch, "aggregatelimit") ?? AggregateSpec.MaxRows, AggregateSpec.MaxRows);
            spec = new AggregateSpec(aggregates, limit);
        }

        return new ParsedFetch(query, spec);
    }

    private static ColumnSet ReadColumns(XElement element, TableMetadata table, string? alias, bool isAggregate,
        List<AggregateColumn> aggregates)
    {
        var attributes = element.Elements("attribute").ToList();
        if (isAggregate && element.Element("all-attributes") is not null)
        {
            throw PlatformFault.InvalidArgument("An aggregate query cannot use <all-attributes/>. / Una consulta agregada no puede usar "
                + "<all-attributes/>.");
        }

        if (element.Element("all-attributes") is not null || (attributes.Count == 0 && alias is null && !isAggregate))
            return new ColumnSet(true);
        var columns = new ColumnSet();
        foreach (var attribute in attributes)
        {
            var name = Required(attribute, "name");
            if (table.Column(name) is null) throw PlatformFault.UnknownColumn(table.LogicalName, name);
            if (isAggregate)
            {
                var given = (string?)attribute.Attribute("alias");
                if (given is not null && given.Trim().Length == 0)
                {
                    throw PlatformFault.InvalidArgument($"The aggregate attribute '{name}' has a blank alias. / El atributo agregado "
                        + $"'{name}' tiene un alias vacío.");
                }

                if (attribute.Attribute("aggregate") is null && !Flag(attribute, "groupby"))
                {
                    throw PlatformFault.InvalidArgument($"The attribute '{name}' of an aggregate query needs an aggregate or groupby."
                        + $" / El atributo '{name}' de una consulta agregada necesita aggregate o groupby.");
                }

                aggregates.Add(new AggregateColumn(alias, name, (string?)attribute.Attribute("alias") ?? name,
                    AggregateFunction((string?)attribute.Attribute("aggregate")), Flag(attribute, "groupby"),
                    DateGrouping((string?)attribute.Attribute("dategrouping")), Flag(attribute, "distinct")));
            }
            else
            {
                columns.AddColumn(name);
            }
        }

        return columns;
    }

    private static LinkEntity ReadLink(XElement element, TableMetadata parent, MetadataCatalog catalog, bool isAggregate,
        List<AggregateColumn> aggregates, QueryExpression query)
    {
        var table = catalog.Table(Required(element, "name"));
        var link = new LinkEntity(parent.LogicalName, table.LogicalName, Required(element, "to"), Required(element, "from"),
            JoinType((string?)element.Attribute("link-type")))
        {
            EntityAlias = (string?)element.Attribute("alias") ?? table.LogicalName,
        };
        link.Columns = ReadColumns(element, table, link.EntityAlias, isAggregate, aggregates);
        foreach (var filter in element.Elements("filter")) link.LinkCriteria.AddFilter(ReadFilter(filter, table, catalog, null, query));
        foreach (var order in element.Elements("order")) link.Orders.Add(ReadOrder(order));
        foreach (var child in element.Elements("link-entity"))
            link.LinkEntities.Add(ReadLink(child, table, catalog, isAggregate, aggregates, query));
        return link;
    }

    private static FilterExpression ReadFilter(XElement element, TableMetadata table, MetadataCatalog catalog, string? alias,
        QueryExpression query)
    {
        var filter = new FilterExpression(
            string.Equals((string?)element.Attribute("type"), "or", StringComparison.OrdinalIgnoreCase)
            ? LogicalOperator.Or : LogicalOperator.And);
        foreach (var condition in element.Elements("condition"))
        {
            var entityName = (string?)condition.Attribute("entityname");
            var conditionTable = entityName is null ? table : catalog.Table(LinkTable(query, entityName) ?? entityName);
            var attribute = Required(condition, "attribute");
            var column = conditionTable.Column(attribute) ?? throw PlatformFault.UnknownColumn(conditionTable.LogicalName, attribute);
            var operatorName = Required(condition, "operator");
            if (!Operators.TryGetValue(operatorName, out var op))
            {
                throw PlatformFault.InvalidArgument($"'{operatorName}' is not a valid condition operator. / '{operatorName}' no es un "
                    + $"operador de condición válido.");
            }
            var rawValues = condition.Elements("value").Select(v => v.Value).ToList();
            if (condition.Attribute("value") is { } single) rawValues.Insert(0, single.Value);
            var isRelative = op is >= ConditionOperator.LastXHours and <= ConditionOperator.NextXYears
                or >= ConditionOperator.OlderThanXYears and <= ConditionOperator.OlderThanXMinutes
                || op == ConditionOperator.OlderThanXMonths
                || FiscalDates.IsFiscal(op);
            var values = rawValues.Select(v => isRelative ? int.Parse(v, CultureInfo.InvariantCulture) : Typed(column, v)).ToArray();
            filter.Conditions.Add(new ConditionExpression(entityName, attribute, op, values));
        }

        foreach (var child in element.Elements("filter")) filter.AddFilter(ReadFilter(child, table, catalog, alias, query));
        return filter;
    }

    private static string? LinkTable(QueryExpression query, string alias)
    {
        static IEnumerable<LinkEntity> All(IEnumerable<LinkEntity> links) => links.SelectMany(l => new[] { l }.Concat(All(l.LinkEntities)));
        return All(query.LinkEntities).FirstOrDefault(l => l.EntityAlias == alias)?.LinkToEntityName;
    }

    private static OrderExpression ReadOrder(XElement element) => new(
        (string?)element.Attribute("attribute") ?? "", Flag(element, "descending") ? OrderType.Descending : OrderType.Ascending,
        (string?)element.Attribute("alias"));

    private static object Typed(ColumnMetadata column, string text) => column.Type switch
    {
        ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status
            or ColumnType.MultiSelectPicklist => int.Parse(text, CultureInfo.InvariantCulture),
        ColumnType.BigInt => long.Parse(text, CultureInfo.InvariantCulture),
        ColumnType.Decimal or ColumnType.Money => decimal.Parse(text, CultureInfo.InvariantCulture),
        ColumnType.Double => double.Parse(text, CultureInfo.InvariantCulture),
        ColumnType.Boolean => text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase),
        ColumnType.DateTime => DateTime.Parse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner or ColumnType.PrimaryKey
            or ColumnType.UniqueIdentifier => Guid.Parse(text),
        _ => text,
    };

    private static JoinOperator JoinType(string? type) => type?.ToLowerInvariant() switch
    {
        null or "inner" => JoinOperator.Inner,
        "outer" => JoinOperator.LeftOuter,
        "exists" => JoinOperator.Exists,
        "in" => JoinOperator.In,
        "any" => JoinOperator.Any,
        "not any" or "not-any" => JoinOperator.NotAny,
        "all" => JoinOperator.All,
        "not all" => JoinOperator.NotAll,
        "matchfirstrowusingcrossapply" => JoinOperator.MatchFirstRowUsingCrossApply,
        _ => throw PlatformFault.InvalidArgument($"'{type}' is not a valid link-type. / '{type}' no es un link-type válido."),
    };

    private static XrmAggregateType AggregateFunction(string? name) => name?.ToLowerInvariant() switch
    {
        null => XrmAggregateType.None,
        "count" => XrmAggregateType.Count,
        "countcolumn" => XrmAggregateType.CountColumn,
        "sum" => XrmAggregateType.Sum,
        "avg" => XrmAggregateType.Avg,
        "min" => XrmAggregateType.Min,
        "max" => XrmAggregateType.Max,
        _ => throw PlatformFault.InvalidArgument($"Unknown aggregate '{name}'."),
    };

    private static XrmDateTimeGrouping DateGrouping(string? name) => name?.ToLowerInvariant() switch
    {
        null => XrmDateTimeGrouping.None,
        "day" => XrmDateTimeGrouping.Day,
        "week" => XrmDateTimeGrouping.Week,
        "month" => XrmDateTimeGrouping.Month,
        "quarter" => XrmDateTimeGrouping.Quarter,
        "year" => XrmDateTimeGrouping.Year,
        "fiscal-period" => XrmDateTimeGrouping.FiscalPeriod,
        "fiscal-year" => XrmDateTimeGrouping.FiscalYear,
        _ => throw PlatformFault.InvalidArgument($"Unknown dategrouping '{name}'."),
    };

    private static string Required(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) ?? throw PlatformFault.InvalidArgument($"FetchXML <{element.Name}> needs a '{attribute}' "
            + $"attribute.");

    private static bool Flag(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { } value && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>A numeric attribute (top, count, page, aggregatelimit); a value that is not a number faults, as the platform's
    /// schema check does.</summary>
    private static int? Int(XElement element, string attribute)
    {
        if ((string?)element.Attribute(attribute) is not { } text) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        throw PlatformFault.InvalidArgument($"The '{attribute}' attribute of <{element.Name}> must be a number, not '{text}'."
            + $" / El atributo '{attribute}' de <{element.Name}> debe ser un número, no '{text}'.");
    }
}
