using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Reads every row of a query in pages of 5,000 (the platform's maximum) with paging cookies, which are not limited to
/// 50,000 rows the way page numbers alone are. Lazy: rows are yielded page by page.
/// </summary>
public static class QueryPages
{
    public const int PageSize = 5000;

    public static IEnumerable<Entity> All(IOrganizationService service, QueryExpression query)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (query is null) throw new ArgumentNullException(nameof(query));
        return Pages(service, query);
    }

    private static IEnumerable<Entity> Pages(IOrganizationService service, QueryExpression query)
    {
        query.PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 };
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
