using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>One page of customers with what they hold now.</summary>
public sealed record CustomerPage(IReadOnlyList<StoredCustomer> Customers, bool MoreRecords, string? PagingCookie);

public sealed record StoredCustomer(CustomerKey Customer, PortfolioColumns Stored);

/// <summary>
/// Reads contacts or accounts in pages of 5,000 with the platform's paging cookie, ordered by id (cookies need a stable
/// order). Each row carries its current portfolio columns and, through an outer link, its segment's code: one request per page.
/// </summary>
public static class CustomerPageReader
{
    private const string SegmentAlias = "segment";

    public static CustomerPage Read(IOrganizationService service, CustomerType type, int pageNumber, string? pagingCookie)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var table = TableOf(type);
        var primaryKey = type == CustomerType.Contact ? Contact.Fields.ContactId : Account.Fields.AccountId;
        var query = new QueryExpression(table)
        {
            ColumnSet = new ColumnSet(PortfolioColumns.Names),
            PageInfo = new PagingInfo { Count = RequestBudget.ReadPageSize, PageNumber = pageNumber, PagingCookie = pagingCookie },
        };
        query.AddOrder(primaryKey, OrderType.Ascending);
        var segment = query.AddLink(CustomerSegment.EntityLogicalName, Contact.Fields.CustomerSegmentId, CustomerSegment.Fields.CustomerSegmentId, JoinOperator.LeftOuter);
        segment.EntityAlias = SegmentAlias;
        segment.Columns = new ColumnSet(CustomerSegment.Fields.SegmentCode);

        var result = service.RetrieveMultiple(query);
        var customers = new List<StoredCustomer>(result.Entities.Count);
        foreach (var row in result.Entities)
        {
            var code = row.GetAttributeValue<AliasedValue>(SegmentAlias + "." + CustomerSegment.Fields.SegmentCode)?.Value as OptionSetValue;
            customers.Add(new StoredCustomer(new CustomerKey(type, row.Id), PortfolioColumns.FromRow(row, code?.Value)));
        }

        return new CustomerPage(customers, result.MoreRecords, result.MoreRecords ? result.PagingCookie : null);
    }

    public static string TableOf(CustomerType type) => type == CustomerType.Contact ? Contact.EntityLogicalName : Account.EntityLogicalName;
}
