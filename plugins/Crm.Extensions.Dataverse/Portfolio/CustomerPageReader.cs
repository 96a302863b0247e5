using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>One page of customers with what they hold now; <paramref name="PagingCookie"/> is the key cursor of the next page.</summary>
public sealed record CustomerPage(IReadOnlyList<StoredCustomer> Customers, bool MoreRecords, string? PagingCookie);

public sealed record StoredCustomer(CustomerKey Customer, PortfolioColumns Stored);

/// <summary>
/// Reads contacts or accounts in pages of 5,000 by a key cursor: ordered by id, each page asks for ids greater than the last
/// one of the page before (the cursor the analysis saves between units). Unlike a page number (which the emulator counts
/// and which a cookie-less platform call would count too), the key does not shift when customers are created or deleted
/// between units, so no customer is skipped or written twice. Each row carries its current portfolio columns and, through
/// an outer many-to-one link (one segment per customer, so no row repeats), its segment's code: one request per page.
/// </summary>
public static class CustomerPageReader
{
    private const string SegmentAlias = "segment";

    public static CustomerPage Read(IOrganizationService service, CustomerType type, string? pagingCookie)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var table = TableOf(type);
        var primaryKey = type == CustomerType.Contact ? Contact.Fields.ContactId : Account.Fields.AccountId;
        var query = new QueryExpression(table)
        {
            ColumnSet = new ColumnSet(PortfolioColumns.Names),
            PageInfo = new PagingInfo { Count = RequestBudget.ReadPageSize, PageNumber = 1 },
        };
        if (After(pagingCookie) is { } after) query.Criteria.AddCondition(primaryKey, ConditionOperator.GreaterThan, after);
        query.AddOrder(primaryKey, OrderType.Ascending);
        var segment = query.AddLink(CustomerSegment.EntityLogicalName, Contact.Fields.CustomerSegmentId,
            CustomerSegment.Fields.CustomerSegmentId, JoinOperator.LeftOuter);
        segment.EntityAlias = SegmentAlias;
        segment.Columns = new ColumnSet(CustomerSegment.Fields.SegmentCode);

        var result = service.RetrieveMultiple(query);
        var customers = new List<StoredCustomer>(result.Entities.Count);
        foreach (var row in result.Entities)
        {
            var code = row.GetAttributeValue<AliasedValue>(
                SegmentAlias + "." + CustomerSegment.Fields.SegmentCode)?.Value as OptionSetValue;
            customers.Add(new StoredCustomer(new CustomerKey(type, row.Id), PortfolioColumns.FromRow(row, code?.Value)));
        }

        var more = result.MoreRecords && customers.Count > 0;
        return new CustomerPage(customers, more, more ? customers[customers.Count - 1].Customer.Id.ToString("D") : null);
    }

    /// <summary>
    /// The last id read: the cursor is that id; a cursor saved before key paging holds the platform's cookie, whose
    /// <c>last="{id}"</c> is the same id.
    /// </summary>
    public static Guid? After(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        if (Guid.TryParse(cursor, out var id)) return id;
        var at = cursor!.IndexOf("last=\"{", StringComparison.Ordinal);
        if (at < 0) return null;
        var start = at + "last=\"{".Length;
        var end = cursor.IndexOf('}', start);
        return end > start && Guid.TryParse(cursor.Substring(start, end - start), out var last) ? last : null;
    }

    public static string TableOf(CustomerType type) => type == CustomerType.Contact ? Contact.EntityLogicalName : Account.EntityLogicalName;
}
