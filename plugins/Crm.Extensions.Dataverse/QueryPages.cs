using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse;

/// <summary>
/// Every row of a query, read in 5,000-row pages with paging cookies (one request per page). Rows are yielded page by
/// page, so a caller that aggregates as it goes holds one page at a time. Without an explicit order Dataverse orders by
/// the primary key, which is what keeps cookies stable.
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
