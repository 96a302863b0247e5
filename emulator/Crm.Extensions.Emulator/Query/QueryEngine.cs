using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Security;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Query;

/// <summary>
/// Runs a QueryExpression over the store: joins (inner, outer, exists/in/any, not-any), nested filters, orders,
/// distinct, top, 5,000-row pages with paging cookies, and aggregates. QueryByAttribute and FetchXML are translated to it.
/// </summary>
internal sealed class QueryEngine
{
    public const int MaxPageSize = 5000;

    /// <summary>Rows simple paging (PageNumber and Count, no cookie) can reach.</summary>
    public const int SimplePagingLimit = 50000;

    private readonly MetadataCatalog _catalog;
    private readonly DataStore _store;
    private readonly RowOperations _rows;
    private readonly FieldSecurity _fieldSecurity;
    private readonly Func<DateTime> _now;
    private readonly Func<Guid, Guid> _businessUnitOf;
    private readonly Hierarchy _hierarchy;

    public QueryEngine(MetadataCatalog catalog, DataStore store, RowOperations rows, FieldSecurity fieldSecurity, Func<DateTime> now, Func<Guid, Guid> businessUnitOf)
    {
        _hierarchy = new Hierarchy(store);
        _catalog = catalog;
        _store = store;
        _rows = rows;
        _fieldSecurity = fieldSecurity;
        _now = now;
        _businessUnitOf = businessUnitOf;
    }

    /// <summary>The organization's fiscal calendar (an emulator setting, see <see cref="EmulatorOptions.FiscalCalendar"/>).</summary>
    public Func<FiscalCalendar> FiscalCalendar { get; set; } = () => Emulator.FiscalCalendar.CalendarYearMonthly;

    /// <summary>The caller's language, teams and reports, for EqualUserLanguage and the user/team operators and for sorting choices
    /// by label.</summary>
    public Func<Guid, PrincipalFacts>? Principal { get; set; }

    /// <summary>The primary name of the row a lookup points at (lookups sort by it).</summary>
    public Func<EntityReference, string?>? PrimaryName { get; set; }

    /// <summary>Rows the caller may read (privilege depth); null means every row.</summary>
    public Func<Guid, TableMetadata, StoredRow, bool>? CanRead { get; set; }

    public EntityCollection Execute(QueryBase query, Guid userId) => query switch
    {
        QueryExpression expression => Execute(expression, userId, aggregate: null),
        QueryByAttribute byAttribute => Execute(FromQueryByAttribute(byAttribute), userId, aggregate: null),
        FetchExpression fetch => ExecuteFetch(fetch, userId),
        _ => throw PlatformFault.InvalidArgument($"Unsupported query type {query?.GetType().Name}."),
    };

    private EntityCollection ExecuteFetch(FetchExpression fetch, Guid userId)
    {
        var parsed = FetchXmlParser.Parse(fetch.Query, _catalog);
        return Execute(parsed.Query, userId, parsed.Aggregate);
    }

    public EntityCollection Execute(QueryExpression query, Guid userId, AggregateSpec? aggregate)
    {
        var root = _catalog.Table(query.EntityName);
        QueryValidator.Validate(query, root, _catalog);
        var scopes = new Dictionary<string, QueryScope>(StringComparer.OrdinalIgnoreCase);
        var links = new List<(LinkEntity Link, string Alias, string? ParentAlias)>();
        CollectLinks(query.LinkEntities, null, scopes, links);
        // A condition may name the query's own table as its EntityName; it means the root, as on the platform.
        QueryScope Scope(string? alias) => alias is null ? new QueryScope(null, root)
            : scopes.TryGetValue(alias, out var scope) ? scope
            : alias == root.LogicalName ? new QueryScope(null, root)
            : throw PlatformFault.InvalidArgument($"No link-entity has the alias '{alias}'.");

        // Dataverse checks every column a query names, even when no row would reach the condition.
        ValidateColumns(query.Criteria, Scope, null);
        foreach (var (link, alias, _) in links) ValidateColumns(link.LinkCriteria, Scope, alias);
        var evaluator = new ConditionEvaluator(_now, () => userId, _businessUnitOf, FiscalCalendar(),
            _hierarchy) { Principal = Principal?.Invoke(userId) };
        // Rows the caller's privilege depth does not reach are invisible to the query, as on the platform.
        IEnumerable<JoinedRow> rows = _store.Rows(root.LogicalName).Where(r => CanRead is null || CanRead(userId, root, r)).Select(r => new JoinedRow(r));
        foreach (var (link, alias, parentAlias) in links) rows = Join(rows, link, alias, parentAlias, evaluator, Scope);
        var matched = rows.Where(r => evaluator.Matches(query.Criteria, r, Scope, null)).ToList();

        if (aggregate is not null || query.ColumnSet.AttributeExpressions.Count > 0)
        {
            var spec = aggregate ?? AggregateSpec.FromAttributeExpressions(query.ColumnSet.AttributeExpressions);
            // Grouped results come back 5,000 rows a page like any other result, with MoreRecords and a cookie.
            var groups = Aggregator.Run(spec, matched, root, Scope, query.Orders, _catalog, FiscalCalendar());
            return Page(groups.Entities.ToList(), query.PageInfo, root, hasTop: false);
        }

        var ordered = Order(matched, query.Orders, links, Scope, Principal?.Invoke(userId).LanguageCode ?? 1033);
        var projected = ordered.Select(r => Project(r, query, root, links, Scope, userId)).ToList();
        if (query.Distinct) projected = projected.DistinctBy(Signature).ToList();
        if (query.TopCount is { } top) projected = projected.Take(top).ToList();
        return Page(projected, query.PageInfo, root, query.TopCount is not null);
    }

    private void CollectLinks(IEnumerable<LinkEntity> linkEntities, string? parentAlias, Dictionary<string, QueryScope> scopes,
        List<(LinkEntity, string, string?)> into)
    {
        foreach (var link in linkEntities)
        {
            var alias = link.EntityAlias ?? link.LinkToEntityName + (scopes.Count + 1).ToString(CultureInfo.InvariantCulture);
            link.EntityAlias ??= alias;
            into.Add((link, alias, parentAlias));
            scopes[alias] = new QueryScope(alias, _catalog.Table(link.LinkToEntityName));
            CollectLinks(link.LinkEntities, alias, scopes, into);
        }
    }

    private static void ValidateColumns(FilterExpression filter, Func<string?, QueryScope> scope, string? defaultAlias)
    {
        foreach (var condition in filter.Conditions)
        {
            var table = scope(condition.EntityName ?? defaultAlias).Table;
            if (table.Column(condition.AttributeName) is null) throw PlatformFault.UnknownColumn(table.LogicalName, condition.AttributeName);
        }

        foreach (var child in filter.Filters) ValidateColumns(child, scope, defaultAlias);
    }

    private IEnumerable<JoinedRow> Join(IEnumerable<JoinedRow> rows, LinkEntity link, string alias, string? parentAlias,
        ConditionEvaluator evaluator, Func<string?, QueryScope> scope)
    {
        var table = _catalog.Table(link.LinkToEntityName);
        var fromTable = parentAlias is null ? scope(null).Table : _catalog.Table(link.LinkFromEntityName ?? scope(parentAlias).Table.LogicalName);
        if (fromTable.Column(link.LinkFromAttributeName) is null) throw PlatformFault.UnknownColumn(fromTable.LogicalName, link.LinkFromAttributeName);
        if (table.Column(link.LinkToAttributeName) is null) throw PlatformFault.UnknownColumn(table.LogicalName, link.LinkToAttributeName);
        var candidates = _store.Rows(table.LogicalName).ToList();
        var byId = IndexById(candidates, link.LinkToAttributeName);

        foreach (var row in rows)
        {
            var fromValue = row.RowFor(parentAlias)?.Get(link.LinkFromAttributeName);
            var related = fromValue is null ? new List<JoinedRow>()
                : CandidatesFor(fromValue, candidates, byId, link.LinkToAttributeName).Select(c => row.With(alias, c)).ToList();
            var matches = related.Where(j => evaluator.Matches(link.LinkCriteria, j, scope, alias)).ToList();

            switch (link.JoinOperator)
            {
                case JoinOperator.LeftOuter:
                    if (matches.Count == 0) yield return row.With(alias, null);
                    foreach (var match in matches) yield return match;
                    break;
                case JoinOperator.Exists or JoinOperator.In or JoinOperator.Any or JoinOperator.MatchFirstRowUsingCrossApply:
                    if (matches.Count > 0) yield return link.JoinOperator == JoinOperator.MatchFirstRowUsingCrossApply ? matches[0] : row;
                    break;
                case JoinOperator.NotAny:
                    if (matches.Count == 0) yield return row;
                    break;
                case JoinOperator.All:
                    // Every related row satisfies the link's filters (parents without related rows included).
                    if (matches.Count == related.Count) yield return row;
                    break;
                case JoinOperator.NotAll:
                    // At least one related row does not satisfy the link's filters.
                    if (matches.Count < related.Count) yield return row;
                    break;
                default:
                    foreach (var match in matches) yield return match;
                    break;
            }
        }
    }

    /// <summary>
    /// Joins on ids (lookups, primary keys) are looked up by hash instead of scanning every candidate per row, so a link over
    /// tens of thousands of rows stays linear. Null when some link-to value is not an id: those joins keep the plain scan.
    /// </summary>
    private static Dictionary<Guid, List<StoredRow>>? IndexById(List<StoredRow> candidates, string column)
    {
        var index = new Dictionary<Guid, List<StoredRow>>();
        foreach (var candidate in candidates)
        {
            var value = Comparison.Normalize(candidate.Get(column));
            if (value is null) continue;
            if (value is not Guid id) return null;
            if (!index.TryGetValue(id, out var bucket)) index[id] = bucket = new List<StoredRow>();
            bucket.Add(candidate);
        }

        return index;
    }

    private static IEnumerable<StoredRow> CandidatesFor(object fromValue, List<StoredRow> candidates, Dictionary<Guid, List<StoredRow>>? byId, string column) =>
        byId is not null && Comparison.Normalize(fromValue) is Guid id
            ? byId.TryGetValue(id, out var bucket) ? bucket : Enumerable.Empty<StoredRow>()
            : candidates.Where(c => Comparison.AreEqual(fromValue, c.Get(column)));

    private List<JoinedRow> Order(List<JoinedRow> rows, IEnumerable<OrderExpression> orders, List<(LinkEntity Link, string Alias, string? Parent)> links,
        Func<string?, QueryScope> scope, int language)
    {
        var allOrders = orders.Select(o => (Alias: (string?)o.EntityName, o.AttributeName, o.OrderType))
            .Concat(links.SelectMany(l => l.Link.Orders.Select(o => (Alias: (string?)l.Alias, o.AttributeName, o.OrderType)))).ToList();
        if (allOrders.Count == 0) return rows;
        IOrderedEnumerable<JoinedRow>? ordered = null;
        foreach (var (alias, attribute, type) in allOrders)
        {
            var table = scope(alias).Table;
            var column = table.Column(attribute) ?? throw PlatformFault.UnknownColumn(table.LogicalName, attribute);
            object? Key(JoinedRow r) => SortKey.Of(column, r.RowFor(alias)?.Get(attribute), language, PrimaryName);
            var comparer = Comparer<object?>.Create(Comparison.Compare);
            ordered = ordered is null
                ? type == OrderType.Ascending ? rows.OrderBy(Key, comparer) : rows.OrderByDescending(Key, comparer)
                : type == OrderType.Ascending ? ordered.ThenBy(Key, comparer) : ordered.ThenByDescending(Key, comparer);
        }

        return ordered!.ToList();
    }

    private Entity Project(JoinedRow row, QueryExpression query, TableMetadata root, List<(LinkEntity Link, string Alias, string? Parent)> links,
        Func<string?, QueryScope> scope, Guid userId)
    {
        // With no columns a QueryExpression still returns the primary key.
        var entity = _rows.Project(root, row.Root, query.ColumnSet);
        entity[root.PrimaryIdAttribute] = row.Root.Id;
        _fieldSecurity.MaskUnreadable(userId, root, entity);
        foreach (var (link, alias, _) in links)
        {
            var linked = row.RowFor(alias);
            if (linked is null || link.JoinOperator is JoinOperator.Exists or JoinOperator.In or JoinOperator.Any or JoinOperator.NotAny
                or JoinOperator.All or JoinOperator.NotAll) continue;
            var table = scope(alias).Table;
            var projected = _rows.Project(table, linked, link.Columns);
            _fieldSecurity.MaskUnreadable(userId, table, projected);
            foreach (var pair in projected.Attributes)
            {
                entity[alias + "." + pair.Key] = new AliasedValue(table.LogicalName, pair.Key, pair.Value);
            }
        }

        return entity;
    }

    private static string Signature(Entity entity) => string.Join("|", entity.Attributes
        .Where(a => a.Key != entity.LogicalName + "id")
        .OrderBy(a => a.Key, StringComparer.Ordinal)
        .Select(a => a.Key + "=" + Convert.ToString(Comparison.Normalize(a.Value is AliasedValue v ? v.Value : a.Value), CultureInfo.InvariantCulture)));

    private static EntityCollection Page(List<Entity> rows, PagingInfo paging, TableMetadata root, bool hasTop)
    {
        var size = paging.Count <= 0 ? MaxPageSize : Math.Min(paging.Count, MaxPageSize);
        var page = Math.Max(paging.PageNumber, 1);
        if (string.IsNullOrEmpty(paging.PagingCookie) && (long)page * size > SimplePagingLimit)
        {
            // Simple paging reads every row up to the page, so the platform stops it at 50,000 rows; cookies are not limited.
            throw PlatformFault.Create(ErrorCodes.PagingCookieRequired,
                "Paging cookie is required when trying to retrieve a set of records on any high pages.",
                new[] { new KeyValuePair<string, object>("SimplePagingLimit", SimplePagingLimit) });
        }

        var slice = hasTop && paging.Count <= 0 ? rows : rows.Skip((page - 1) * size).Take(size).ToList();
        var result = new EntityCollection(slice) { EntityName = root.LogicalName };
        result.MoreRecords = !(hasTop && paging.Count <= 0) && rows.Count > page * size;
        result.TotalRecordCount = paging.ReturnTotalRecordCount ? rows.Count : -1;
        if (slice.Count > 0)
        {
            result.PagingCookie = $"<cookie page=\"{page}\"><{root.PrimaryIdAttribute} "
                + $"last=\"{{{slice[^1].Id.ToString().ToUpperInvariant()}}}\" first=\"{{{slice[0].Id.ToString().ToUpperInvariant()}}}\" />"
                + $"</cookie>";
        }

        return result;
    }

    private static QueryExpression FromQueryByAttribute(QueryByAttribute query)
    {
        if (query.Attributes.Count != query.Values.Count)
        {
            throw PlatformFault.InvalidArgument("QueryByAttribute must have the same number of attributes and values.");
        }

        var expression = new QueryExpression(query.EntityName) { ColumnSet = query.ColumnSet, PageInfo = query.PageInfo, TopCount = query.TopCount };
        for (var i = 0; i < query.Attributes.Count; i++) expression.Criteria.AddCondition(query.Attributes[i], ConditionOperator.Equal, query.Values[i]);
        foreach (var order in query.Orders) expression.Orders.Add(order);
        return expression;
    }
}
