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

    public QueryEngine(MetadataCatalog catalog, DataStore store, RowOperations rows, FieldSecurity fieldSecurity, Func<DateTime> now,
        Func<Guid, Guid> businessUnitOf)
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
        var principal = Principal?.Invoke(userId);
        var evaluator = new ConditionEvaluator(_now, () => userId, _businessUnitOf, FiscalCalendar(), _hierarchy) { Principal = principal };
        // Choices sort by their label in the caller's language, lookups by the related row's name; the cookie position
        // compares with the same keys, so the next page starts where the sorted previous page ended.
        var sort = new SortContext(principal?.LanguageCode ?? 1033, PrimaryName);
        var plain = aggregate is null && query.ColumnSet.AttributeExpressions.Count == 0;
        var orders = plain ? AllOrders(query.Orders, links, Scope) : new();
        var cookie = plain ? PagingCookiePosition.Read(query, root, links, _catalog, _store, sort) : null;

        // The root filter's conditions on the root table alone run before any join (they cannot depend on linked rows);
        // an indexed equality or In among them picks the candidate rows instead of a scan of the table.
        var (rootFilter, joinedFilter) = SplitRootFilter(query.Criteria, root, scopes);
        var startAfter = cookie is not null && orders.Count == 0 && !query.PageInfo.ReturnTotalRecordCount ? cookie.Sequence : 0;
        // A page ordered by the primary key alone (a key cursor: id > last id, ordered by id) reads the ordered id index from
        // its position instead of filtering and sorting the table.
        var keyOrder = plain && !query.Distinct && !query.PageInfo.ReturnTotalRecordCount ? KeyOrder(orders, root, scopes) : null;
        var (candidates, presorted) = RootCandidates(root, rootFilter, startAfter, links, keyOrder, cookie);
        // Rows the caller's privilege depth does not reach are invisible to the query, as on the platform.
        IEnumerable<JoinedRow> rows = candidates
            .Where(r => CanRead is null || CanRead(userId, root, r))
            .Select(r => new JoinedRow(r))
            .Where(r => evaluator.Matches(rootFilter, r, Scope, null));
        foreach (var (link, alias, parentAlias) in links) rows = Join(rows, link, alias, parentAlias, evaluator, Scope);
        if (joinedFilter is not null) rows = rows.Where(r => evaluator.Matches(joinedFilter, r, Scope, null));

        if (aggregate is not null || query.ColumnSet.AttributeExpressions.Count > 0)
        {
            var spec = aggregate ?? AggregateSpec.FromAttributeExpressions(query.ColumnSet.AttributeExpressions);
            // Grouped results come back 5,000 rows a page like any other result, with MoreRecords and a cookie.
            var groups = Aggregator.Run(spec, rows.ToList(), root, Scope, query.Orders, _catalog, FiscalCalendar());
            return Page(groups.Entities.ToList(), query.PageInfo, root, hasTop: false);
        }

        if (query.Distinct)
        {
            var projected = Order(rows, orders, Scope, sort).Select(r => Project(r, query, root, links, Scope, userId))
                .DistinctBy(Signature).ToList();
            if (query.TopCount is { } top) projected = projected.Take(top).ToList();
            return Page(projected, query.PageInfo, root, query.TopCount is not null);
        }

        return PageOfRows(rows, orders, presorted, cookie, query, root, links, Scope, userId, sort);
    }

    /// <summary>
    /// One page without projecting or sorting more than it needs: the rows after the cookie's position (or the page number's
    /// offset), ordered with a partial sort, and only the returned rows copied into entities. A request for the total count
    /// still reads every matching row.
    /// </summary>
    private EntityCollection PageOfRows(IEnumerable<JoinedRow> rows, List<(string? Alias, string Attribute, OrderType Type)> orders,
        bool presorted, PagingCookiePosition? cookie, QueryExpression query, TableMetadata root,
        List<(LinkEntity Link, string Alias, string? Parent)> links,
        Func<string?, QueryScope> scope, Guid userId, SortContext sort)
    {
        var paging = query.PageInfo;
        var (size, page) = PageBounds(paging);
        var hasTop = query.TopCount is not null;
        var whole = hasTop && paging.Count <= 0;
        var total = -1;
        if (paging.ReturnTotalRecordCount)
        {
            var all = Order(rows, orders, scope, sort).ToList();
            if (query.TopCount is { } top && all.Count > top) all = all.Take(top).ToList();
            total = all.Count;
            rows = all;
            orders = new();
        }

        if (cookie is not null) rows = rows.Where(cookie.IsAfter);
        IEnumerable<JoinedRow> ordered = presorted ? rows : Order(rows, orders, scope, sort);
        if (query.TopCount is { } limit) ordered = ordered.Take(limit);
        var skip = whole || cookie is not null ? 0 : (page - 1) * size;
        var window = (whole ? ordered : ordered.Skip(skip).Take(size + 1)).ToList();
        var more = !whole && window.Count > size;
        if (more) window.RemoveAt(window.Count - 1);

        var result = new EntityCollection(window.Select(r => Project(r, query, root, links, scope, userId)).ToList()) {
            EntityName = root.LogicalName };
        result.MoreRecords = more;
        result.TotalRecordCount = total;
        if (window.Count > 0)
            result.PagingCookie = PagingCookiePosition.Write(page, root, orders.Count > 0 ? orders : OrdersOf(query, links), window[0].Root,
                window[^1].Root);
        return result;
    }

    private static List<(string? Alias, string Attribute, OrderType Type)> OrdersOf(QueryExpression query,
        List<(LinkEntity Link, string Alias, string? Parent)> links) =>
        query.Orders.Select(o => ((string?)o.EntityName, o.AttributeName, o.OrderType))
            .Concat(links.SelectMany(l => l.Link.Orders.Select(o => ((string?)l.Alias, o.AttributeName, o.OrderType)))).ToList();

    /// <summary>Splits an And filter into its root-only part and the rest (null when nothing names a link alias).</summary>
    private static (FilterExpression Root, FilterExpression? Joined) SplitRootFilter(FilterExpression criteria, TableMetadata root,
        Dictionary<string, QueryScope> scopes)
    {
        // A condition naming the root table itself (and no link alias of that name) is a root condition too.
        bool OnRoot(ConditionExpression c) => c.EntityName is null
            || (!scopes.ContainsKey(c.EntityName) && c.EntityName.Equals(root.LogicalName, StringComparison.Ordinal));
        bool RootOnly(FilterExpression filter) => filter.Conditions.All(OnRoot) && filter.Filters.All(RootOnly);

        if (RootOnly(criteria)) return (criteria, null);
        if (criteria.FilterOperator != LogicalOperator.And) return (new FilterExpression(LogicalOperator.And), criteria);
        var rootPart = new FilterExpression(LogicalOperator.And);
        var joinedPart = new FilterExpression(LogicalOperator.And);
        foreach (var condition in criteria.Conditions) (OnRoot(condition) ? rootPart : joinedPart).Conditions.Add(condition);
        foreach (var child in criteria.Filters) (RootOnly(child) ? rootPart : joinedPart).Filters.Add(child);
        return (rootPart, joinedPart);
    }

    /// <summary>
    /// The root rows a query has to look at, in insertion order unless <c>Presorted</c>: those an index gives for the narrowest
    /// indexed Equal/In condition of the root filter when it is selective; else those an inner link's selective indexed
    /// condition leads back to; else, for a query ordered by the primary key alone, the ordered id index from the key
    /// cursor's position (already in the query's order); else the whole table (from <paramref name="afterSequence"/> on, for
    /// a cookie page). Every plan returns a superset of the rows the filters keep: the filters still run on each row.
    /// </summary>
    private (IEnumerable<StoredRow> Rows, bool Presorted) RootCandidates(TableMetadata root, FilterExpression rootFilter,
        long afterSequence, List<(LinkEntity Link, string Alias, string? Parent)> links, bool? keyDescending, PagingCookiePosition? cookie)
    {
        if (Narrowest(root, Required(rootFilter)) is { } best && Selective(root, best.Count))
        {
            return (InSequence(IndexedRows(root, best.Column, best.Keys), afterSequence), false);
        }

        if (LinkedCandidates(root, links) is { } linked) return (InSequence(linked, afterSequence), false);
        if (keyDescending is { } descending)
        {
            var (bound, inclusive) = KeyBound(root, rootFilter, descending, cookie);
            return (_store.RowsById(root.LogicalName, bound, inclusive, descending), true);
        }

        return (_store.RowsAfter(root.LogicalName, afterSequence), false);
    }

    /// <summary>
    /// The conditions every row the filter keeps must meet: those of an And filter and of its And children, at any depth
    /// (FetchXML puts a filter's conditions in a child filter). None for an Or filter.
    /// </summary>
    private static IEnumerable<ConditionExpression> Required(FilterExpression filter)
    {
        if (filter.FilterOperator != LogicalOperator.And) yield break;
        foreach (var condition in filter.Conditions) yield return condition;
        foreach (var child in filter.Filters)
        {
            foreach (var condition in Required(child)) yield return condition;
        }
    }

    private static IEnumerable<StoredRow> InSequence(IEnumerable<StoredRow> rows, long afterSequence) =>
        rows.Where(r => r.Sequence > afterSequence).OrderBy(r => r.Sequence);

    /// <summary>
    /// A value most rows share (statecode = 0) is cheaper to scan for: the scan stops once the page is full, and the index
    /// would hand over most of the table to be put back in insertion order.
    /// </summary>
    private bool Selective(TableMetadata table, int count) => count <= 64 || count <= _store.Count(table.LogicalName) / 8;

    /// <summary>The indexed Equal/In condition among <paramref name="conditions"/> that selects the fewest rows, or null.</summary>
    private (List<object> Keys, string Column, int Count)? Narrowest(TableMetadata table, IEnumerable<ConditionExpression> conditions)
    {
        (List<object> Keys, string Column, int Count)? best = null;
        foreach (var condition in conditions)
        {
            if (condition.CompareColumns || table.Column(condition.AttributeName) is not { } column) continue;
            if (IndexedKeys(column, condition) is not { } keys) continue;
            var count = 0;
            foreach (var key in keys)
            {
                count += column.LogicalName.Equals(table.PrimaryIdAttribute, StringComparison.OrdinalIgnoreCase)
                    ? 1 : _store.LookupCount(table.LogicalName, column.LogicalName, key);
            }

            if (best is null || count < best.Value.Count) best = (keys, column.LogicalName, count);
        }

        return best;
    }

    /// <summary>The rows whose <paramref name="column"/> holds one of <paramref name="keys"/>, each once (any order).</summary>
    private IEnumerable<StoredRow> IndexedRows(TableMetadata table, string column, List<object> keys)
    {
        var found = new Dictionary<Guid, StoredRow>();
        foreach (var key in keys)
        {
            if (column.Equals(table.PrimaryIdAttribute, StringComparison.OrdinalIgnoreCase))
            {
                if (_store.Find(table.LogicalName, (Guid)key) is { } row)
                {
                    _store.RowsExamined++;
                    found[row.Id] = row;
                }
            }
            else
            {
                foreach (var row in _store.Lookup(table.LogicalName, column, key)) found[row.Id] = row;
            }
        }

        return found.Values;
    }

    /// <summary>
    /// Root rows reached backwards from an inner (or semi-) join whose own filter has a selective indexed Equal/In
    /// condition: the linked rows that condition selects, then the root rows whose link-from column equals their link-to
    /// column (through the root's index). A root row outside them has no linked row that passes the link's filter, so the
    /// join would drop it. Null when no link qualifies or the root's index cannot answer a value exactly.
    /// </summary>
    private List<StoredRow>? LinkedCandidates(TableMetadata root, List<(LinkEntity Link, string Alias, string? Parent)> links)
    {
        foreach (var (link, alias, parent) in links)
        {
            if (parent is not null
                || link.JoinOperator is not (JoinOperator.Inner or JoinOperator.Exists or JoinOperator.In or JoinOperator.Any
                    or JoinOperator.MatchFirstRowUsingCrossApply))
            {
                continue;
            }

            var linked = _catalog.Table(link.LinkToEntityName);
            if (root.Column(link.LinkFromAttributeName) is not { } from || linked.Column(link.LinkToAttributeName) is not { } to) continue;
            var conditions = Required(link.LinkCriteria)
                .Where(c => c.EntityName is null || c.EntityName.Equals(alias, StringComparison.Ordinal));
            // Worth it while the linked rows are fewer than half the root table: the alternative is a scan of all of it.
            if (Narrowest(linked, conditions) is not { } best) continue;
            if (best.Count > 64 && best.Count > _store.Count(root.LogicalName) / 2) continue;

            var fromIsKey = from.LogicalName.Equals(root.PrimaryIdAttribute, StringComparison.OrdinalIgnoreCase);
            var found = new Dictionary<Guid, StoredRow>();
            foreach (var row in IndexedRows(linked, best.Column, best.Keys))
            {
                var value = to.LogicalName.Equals(linked.PrimaryIdAttribute, StringComparison.OrdinalIgnoreCase)
                    ? row.Id : row.Get(to.LogicalName);
                if (value is null) continue;
                if (fromIsKey)
                {
                    if (Comparison.Normalize(value) is not Guid id) return null;
                    if (_store.Find(root.LogicalName, id) is { } match)
                    {
                        _store.RowsExamined++;
                        found[match.Id] = match;
                    }

                    continue;
                }

                if (IndexKeyFor(from, value) is not { } key) return null;
                foreach (var match in _store.Lookup(root.LogicalName, from.LogicalName, key)) found[match.Id] = match;
            }

            return found.Values.ToList();
        }

        return null;
    }

    /// <summary>
    /// Whether the query is ordered by its primary key alone (then: descending or not). Null otherwise, and for orders a
    /// link's rows could repeat under: those keep the general sort.
    /// </summary>
    private static bool? KeyOrder(List<(string? Alias, string Attribute, OrderType Type)> orders, TableMetadata root,
        Dictionary<string, QueryScope> scopes)
    {
        if (orders.Count != 1) return null;
        var (alias, attribute, type) = orders[0];
        var onRoot = alias is null || (!scopes.ContainsKey(alias) && alias.Equals(root.LogicalName, StringComparison.Ordinal));
        if (!onRoot || !attribute.Equals(root.PrimaryIdAttribute, StringComparison.OrdinalIgnoreCase)) return null;
        return type == OrderType.Descending;
    }

    /// <summary>
    /// Where a key-ordered read starts: the tightest bound among the root filter's top-level comparisons of the primary key
    /// in the order's direction (id &gt; x, id &gt;= x; &lt; and &lt;= when descending) and the cookie's last id. The
    /// conditions still run on every row; the bound only skips rows they would drop.
    /// </summary>
    private static (Guid? Bound, bool Inclusive) KeyBound(TableMetadata root, FilterExpression rootFilter, bool descending,
        PagingCookiePosition? cookie)
    {
        Guid? bound = null;
        var inclusive = false;
        void Tighten(Guid value, bool isInclusive)
        {
            var compared = bound is { } current ? value.CompareTo(current) : descending ? -1 : 1;
            if (descending) compared = -compared;
            if (compared > 0 || (compared == 0 && !isInclusive)) (bound, inclusive) = (value, isInclusive);
        }

        if (cookie is not null) Tighten(cookie.LastId, false);
        foreach (var condition in Required(rootFilter))
        {
            if (condition.CompareColumns || condition.Values.Count != 1
                || !condition.AttributeName.Equals(root.PrimaryIdAttribute, StringComparison.OrdinalIgnoreCase)
                || Comparison.Normalize(condition.Values[0]) is not Guid value)
            {
                continue;
            }

            switch (condition.Operator)
            {
                case ConditionOperator.GreaterThan when !descending:
                case ConditionOperator.LessThan when descending:
                    Tighten(value, false);
                    break;
                case ConditionOperator.GreaterEqual when !descending:
                case ConditionOperator.LessEqual when descending:
                    Tighten(value, true);
                    break;
            }
        }

        return (bound, inclusive);
    }

    /// <summary>
    /// The index keys an Equal or In condition asks for, when the index gives exactly the rows the condition's comparison
    /// (<see cref="Comparison.AreEqual"/>) would: ids in id columns, text or ids in text columns, whole numbers in choice
    /// columns, numbers in number columns, true/false in yes/no columns. Null when any value falls outside that.
    /// </summary>
    private static List<object>? IndexedKeys(ColumnMetadata column, ConditionExpression condition)
    {
        IEnumerable<object?> values;
        if (condition.Operator == ConditionOperator.Equal && condition.Values.Count == 1) values = condition.Values;
        else if (condition.Operator == ConditionOperator.In) values = ConditionEvaluator.Flatten(condition.Values);
        else return null;
        var keys = new List<object>();
        foreach (var value in values)
        {
            if (IndexKeyFor(column, value) is not { } key) return null;
            keys.Add(key);
        }

        return keys;
    }

    /// <summary>
    /// The index key for <paramref name="value"/> when an index on <paramref name="column"/> answers equality with it exactly.
    /// </summary>
    private static object? IndexKeyFor(ColumnMetadata column, object? value)
    {
        var normalized = Comparison.Normalize(value);
        return normalized is not null && IndexAnswers(column.Type, normalized) ? IndexKey.Of(normalized) : null;
    }

    private static bool IndexAnswers(ColumnType type, object key) => type switch
    {
        ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner or ColumnType.PrimaryKey or ColumnType.UniqueIdentifier => key is Guid,
        ColumnType.String or ColumnType.Memo or ColumnType.EntityName => key is string or Guid,
        // Choices are stored as whole numbers and compared as text against other kinds: 3 and 3m match, 3.0m does not.
        ColumnType.Picklist or ColumnType.State or ColumnType.Status => key is int or decimal { Scale: 0 },
        ColumnType.Integer or ColumnType.BigInt or ColumnType.Decimal or ColumnType.Double or ColumnType.Money => key is decimal,
        ColumnType.Boolean => key is bool,
        _ => false,
    };

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
            if (table.Column(condition.AttributeName) is null)
                throw PlatformFault.UnknownColumn(table.LogicalName, condition.AttributeName);
        }

        foreach (var child in filter.Filters) ValidateColumns(child, scope, defaultAlias);
    }

    private IEnumerable<JoinedRow> Join(IEnumerable<JoinedRow> rows, LinkEntity link, string alias, string? parentAlias,
        ConditionEvaluator evaluator, Func<string?, QueryScope> scope)
    {
        var table = _catalog.Table(link.LinkToEntityName);
        var fromTable = parentAlias is null
            ? scope(null).Table : _catalog.Table(link.LinkFromEntityName ?? scope(parentAlias).Table.LogicalName);
        if (fromTable.Column(link.LinkFromAttributeName) is null)
            throw PlatformFault.UnknownColumn(fromTable.LogicalName, link.LinkFromAttributeName);
        if (table.Column(link.LinkToAttributeName) is null) throw PlatformFault.UnknownColumn(table.LogicalName, link.LinkToAttributeName);
        var toColumn = table.Column(link.LinkToAttributeName)!;
        var byPrimaryId = toColumn.LogicalName.Equals(table.PrimaryIdAttribute, StringComparison.OrdinalIgnoreCase);
        List<StoredRow>? scanned = null;

        foreach (var row in rows)
        {
            var fromValue = row.RowFor(parentAlias)?.Get(link.LinkFromAttributeName);
            var matches = new List<JoinedRow>();
            var related = 0;
            if (fromValue is not null)
            {
                foreach (var candidate in CandidatesFor(table, toColumn, byPrimaryId, fromValue, ref scanned))
                {
                    related++;
                    var joined = row.With(alias, candidate);
                    if (evaluator.Matches(link.LinkCriteria, joined, scope, alias)) matches.Add(joined);
                }
            }

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
                    if (matches.Count == related) yield return row;
                    break;
                case JoinOperator.NotAll:
                    // At least one related row does not satisfy the link's filters.
                    if (matches.Count < related) yield return row;
                    break;
                default:
                    foreach (var match in matches) yield return match;
                    break;
            }
        }
    }

    /// <summary>
    /// The linked rows whose link-to column equals <paramref name="fromValue"/>: by id for the primary key, through the
    /// column's index when it answers the comparison exactly (lookups, text, numbers), else by comparing every row.
    /// </summary>
    private IEnumerable<StoredRow> CandidatesFor(TableMetadata table, ColumnMetadata toColumn, bool byPrimaryId, object fromValue,
        ref List<StoredRow>? scanned)
    {
        if (byPrimaryId && Comparison.Normalize(fromValue) is Guid id)
        {
            if (_store.Find(table.LogicalName, id) is not { } row) return Array.Empty<StoredRow>();
            _store.RowsExamined++;
            return new[] { row };
        }

        if (IndexKeyFor(toColumn, fromValue) is { } key) return _store.Lookup(table.LogicalName, toColumn.LogicalName, key);
        scanned ??= _store.Rows(table.LogicalName).ToList();
        var column = toColumn.LogicalName;
        return scanned.Where(c => Comparison.AreEqual(fromValue, c.Get(column)));
    }

    private List<(string? Alias, string Attribute, OrderType Type)> AllOrders(IEnumerable<OrderExpression> orders,
        List<(LinkEntity Link, string Alias, string? Parent)> links, Func<string?, QueryScope> scope)
    {
        var all = orders.Select(o => (Alias: (string?)o.EntityName, o.AttributeName, o.OrderType))
            .Concat(links.SelectMany(l => l.Link.Orders.Select(o => (Alias: (string?)l.Alias, o.AttributeName, o.OrderType)))).ToList();
        foreach (var (alias, attribute, _) in all)
        {
            var table = scope(alias).Table;
            if (table.Column(attribute) is null) throw PlatformFault.UnknownColumn(table.LogicalName, attribute);
        }

        return all;
    }

    /// <summary>
    /// Stable order (ties keep insertion order) by each column's sort key (<see cref="SortKey"/>); lazy, so a following
    /// Skip/Take sorts only what it returns.
    /// </summary>
    private static IEnumerable<JoinedRow> Order(IEnumerable<JoinedRow> rows, List<(string? Alias, string Attribute, OrderType Type)> orders,
        Func<string?, QueryScope> scope, SortContext sort)
    {
        if (orders.Count == 0) return rows;
        var comparer = Comparer<object?>.Create(Comparison.Compare);
        IOrderedEnumerable<JoinedRow>? ordered = null;
        foreach (var (alias, attribute, type) in orders)
        {
            var column = scope(alias).Table.Column(attribute)!;
            object? Key(JoinedRow r) => sort.KeyOf(column, r.RowFor(alias)?.Get(attribute));
            ordered = ordered is null
                ? type == OrderType.Ascending ? rows.OrderBy(Key, comparer) : rows.OrderByDescending(Key, comparer)
                : type == OrderType.Ascending ? ordered.ThenBy(Key, comparer) : ordered.ThenByDescending(Key, comparer);
        }

        return ordered!;
    }

    private Entity Project(JoinedRow row, QueryExpression query, TableMetadata root,
        List<(LinkEntity Link, string Alias, string? Parent)> links,
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
        .Select(
            a => a.Key + "="
            + Convert.ToString(Comparison.Normalize(a.Value is AliasedValue v ? v.Value : a.Value), CultureInfo.InvariantCulture)));

    private static (int Size, int Page) PageBounds(PagingInfo paging)
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

        return (size, page);
    }

    private static EntityCollection Page(List<Entity> rows, PagingInfo paging, TableMetadata root, bool hasTop)
    {
        var (size, page) = PageBounds(paging);
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

        var expression = new QueryExpression(query.EntityName) { ColumnSet = query.ColumnSet, PageInfo = query.PageInfo,
            TopCount = query.TopCount };
        for (var i = 0; i < query.Attributes.Count; i++)
            expression.Criteria.AddCondition(query.Attributes[i], ConditionOperator.Equal, query.Values[i]);
        foreach (var order in query.Orders) expression.Orders.Add(order);
        return expression;
    }
}
