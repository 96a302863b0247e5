using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse;

/// <summary>One page read by key: its rows, the last id read (the cursor of the next page) and whether more rows follow.</summary>
public sealed record KeyPage(IReadOnlyList<Entity> Rows, Guid? LastId, bool MoreRecords);

/// <summary>
/// Every row of a query, read in 5,000-row pages (one request per page). Rows are yielded page by page, so a caller that
/// aggregates as it goes holds one page at a time.
/// <para>
/// <see cref="All"/> pages with paging cookies, for reads whose selection the caller does not change while it reads.
/// <see cref="ByKey"/> and <see cref="AllByKey"/> page by a key cursor: ordered by the table's primary id, each page asks
/// for ids greater than the last one read. A batch that updates the rows it selects (and may move them out of the
/// selection) uses the key cursor: rows ahead of the cursor never move, whether the platform honours the cookie or
/// counts pages, and the cursor is a plain id a later unit of work can resume from.
/// </para>
/// </summary>
public static class QueryPages
{
    public const int PageSize = 5000;

    public static IEnumerable<Entity> All(IOrganizationService service, QueryExpression query)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (query is null) throw new ArgumentNullException(nameof(query));
        query.PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 };
        return Pages(service, query);
    }

    /// <summary>Every row of a root-only query, page by page on <paramref name="primaryKey"/> (see the class remarks).</summary>
    public static IEnumerable<Entity> AllByKey(IOrganizationService service, QueryExpression query, string primaryKey)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (query is null) throw new ArgumentNullException(nameof(query));
        return KeyPages(service, query, primaryKey);
    }

    /// <summary>
    /// The page of at most <paramref name="pageSize"/> rows after <paramref name="after"/> (null: from the first row), ordered by
    /// <paramref name="primaryKey"/>. The query's own order is replaced and its criteria are kept under the key condition;
    /// the query must not join (a joined row would repeat its root id across a page boundary). One request.
    /// </summary>
    public static KeyPage ByKey(IOrganizationService service, QueryExpression query, string primaryKey, Guid? after,
        int pageSize = PageSize)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (query is null) throw new ArgumentNullException(nameof(query));
        if (string.IsNullOrEmpty(primaryKey)) throw new ArgumentException("The primary key column is required.", nameof(primaryKey));
        if (pageSize < 1 || pageSize > PageSize)
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds 1 to 5,000 rows.");
        if (query.LinkEntities.Count > 0) throw new ArgumentException("Key paging needs a query without joins.", nameof(query));

        var page = new QueryExpression(query.EntityName)
        {
            ColumnSet = query.ColumnSet,
            Criteria = new FilterExpression(LogicalOperator.And),
            PageInfo = new PagingInfo { Count = pageSize, PageNumber = 1 },
            NoLock = query.NoLock,
        };
        page.Criteria.AddFilter(query.Criteria);
        if (after is { } last) page.Criteria.AddCondition(primaryKey, ConditionOperator.GreaterThan, last);
        page.AddOrder(primaryKey, OrderType.Ascending);
        var result = service.RetrieveMultiple(page);
        var rows = result.Entities;
        return new KeyPage(rows, rows.Count == 0 ? after : rows[rows.Count - 1].Id, result.MoreRecords && rows.Count > 0);
    }

    private static IEnumerable<Entity> KeyPages(IOrganizationService service, QueryExpression query, string primaryKey)
    {
        Guid? after = null;
        while (true)
        {
            var page = ByKey(service, query, primaryKey, after);
            foreach (var row in page.Rows) yield return row;
            if (!page.MoreRecords) yield break;
            after = page.LastId;
        }
    }

    private static IEnumerable<Entity> Pages(IOrganizationService service, QueryExpression query)
    {
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            foreach (var row in page.Entities) yield return row;
            if (!page.MoreRecords) yield break;
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }
}
