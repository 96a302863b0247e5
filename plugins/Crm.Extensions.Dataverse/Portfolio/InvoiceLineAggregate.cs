using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>
/// The behaviour of one page of customers in one FetchXML aggregate: invoicedetail ⋈ paid invoice (in the window, of the
/// page's customers), grouped by customer alone: Σ line amount, Σ kept line cost (<c>cx_linecost</c>, see
/// <see cref="LineCost"/>), the count of distinct invoices and the latest payment. One row per customer, so a page of 5,000
/// customers is one request whatever their history (the platform returns grouped rows 5,000 at a time, and
/// <c>countcolumn</c> with <c>distinct="true"</c> counts each invoice once: FetchXML aggregation,
/// https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data). A paid invoice's last
/// modification is its payment date. The aggregate only ever covers the lines of the page's customers (under 50,000 for
/// any ordinary page); when a page's customers have more, the platform refuses (AggregateQueryRecordLimit) and the page's
/// customers are split in halves.
/// </summary>
public static class InvoiceLineAggregate
{
    /// <summary>AggregateQueryRecordLimit exceeded (-2147164125).</summary>
    public const int AggregateLimitExceeded = unchecked((int)0x8004E023);

    private const string InvoiceAlias = "paid";

    public static IReadOnlyList<CustomerPurchases> Read(IOrganizationService service, CustomerType type, IReadOnlyList<Guid> customers,
        AnalysisWindow window)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (customers is null) throw new ArgumentNullException(nameof(customers));
        if (window is null) throw new ArgumentNullException(nameof(window));
        if (customers.Count == 0) return Array.Empty<CustomerPurchases>();

        try
        {
            // Grouped results come 5,000 a page: one row per customer, so one page for a page of 5,000 customers.
            var lines = new List<CustomerPurchases>();
            string? cookie = null;
            for (var page = 1; ; page++)
            {
                var result = service.RetrieveMultiple(new FetchExpression(Fetch(customers, window, page, cookie)));
                lines.AddRange(result.Entities.Select(row => ToPurchases(row, type)));
                if (!result.MoreRecords) return lines;
                cookie = result.PagingCookie;
            }
        }
        catch (Exception tooMany) when (IsAggregateLimit(tooMany) && customers.Count > 1)
        {
            var half = customers.Count / 2;
            return Read(service, type, customers.Take(half).ToList(), window)
                .Concat(Read(service, type, customers.Skip(half).ToList(), window))
                .ToList();
        }
    }

    /// <summary>Read through Detail so the deployable needs no System.ServiceModel reference (as in BalanceWriter).</summary>
    public static bool IsAggregateLimit(Exception error) =>
        error?.GetType().GetProperty("Detail")?.GetValue(error, null) is OrganizationServiceFault { ErrorCode: AggregateLimitExceeded };

    private static CustomerPurchases ToPurchases(Entity row, CustomerType type)
    {
        var customer = Aliased<EntityReference>(row, "customer")!;
        return new CustomerPurchases(
            new CustomerKey(type, customer.Id),
            (int)Amount(row, "invoices"),
            Amount(row, "revenue"),
            Amount(row, "cost"),
            DateTime.SpecifyKind(Aliased<DateTime?>(row, "paidon") ?? DateTime.MinValue, DateTimeKind.Utc));
    }

    private static string Fetch(IReadOnlyList<Guid> customers, AnalysisWindow window, int page, string? pagingCookie)
    {
        var text = new StringBuilder(customers.Count * 50 + 1500);
        text.Append("<fetch aggregate=\"true\" page=\"").Append(page.ToString(CultureInfo.InvariantCulture)).Append('"');
        if (pagingCookie is not null) text.Append(" paging-cookie=\"").Append(SecurityElement.Escape(pagingCookie)).Append('"');
        text.Append('>')
            .Append("<entity name=\"").Append(InvoiceDetail.EntityLogicalName).Append("\">")
            .Append(Attribute(InvoiceDetail.Fields.ExtendedAmount, "revenue", "aggregate=\"sum\""))
            .Append(Attribute(InvoiceDetail.Fields.LineCost, "cost", "aggregate=\"sum\""))
            .Append("<link-entity name=\"").Append(Invoice.EntityLogicalName).Append("\" from=\"").Append(Invoice.Fields.InvoiceId)
            .Append("\" to=\"").Append(InvoiceDetail.Fields.InvoiceId).Append("\" link-type=\"inner\" alias=\"").Append(InvoiceAlias)
                .Append("\">")
            .Append(Attribute(Invoice.Fields.CustomerId, "customer", "groupby=\"true\""))
            .Append(Attribute(Invoice.Fields.InvoiceId, "invoices", "aggregate=\"countcolumn\" distinct=\"true\""))
            .Append(Attribute(Invoice.Fields.ModifiedOn, "paidon", "aggregate=\"max\""))
            .Append("<filter>")
            .Append(Condition(Invoice.Fields.StateCode, "eq", InvoiceStates.Paid.ToString(CultureInfo.InvariantCulture)))
            .Append(Condition(Invoice.Fields.ModifiedOn, "ge", Instant(window.StartUtc)))
            .Append(Condition(Invoice.Fields.ModifiedOn, "lt", Instant(window.EndUtc)))
            .Append("<condition attribute=\"").Append(Invoice.Fields.CustomerId).Append("\" operator=\"in\">");
        foreach (var id in customers) text.Append("<value>").Append(id.ToString("D")).Append("</value>");
        text.Append("</condition></filter></link-entity>")
            .Append("<order alias=\"customer\" />")
            .Append("</entity></fetch>");
        return text.ToString();
    }

    private static string Attribute(string name, string alias, string function) =>
        "<attribute name=\"" + name + "\" alias=\"" + alias + "\" " + function + " />";

    private static string Condition(string name, string op, string value) =>
        "<condition attribute=\"" + name + "\" operator=\"" + op + "\" value=\"" + SecurityElement.Escape(value) + "\" />";

    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static decimal Amount(Entity row, string alias) => row.GetAttributeValue<AliasedValue>(alias)?.Value switch
    {
        Money money => money.Value,
        decimal number => number,
        null => 0m,
        var other => Convert.ToDecimal(other, CultureInfo.InvariantCulture),
    };

    private static T? Aliased<T>(Entity row, string alias) =>
        row.GetAttributeValue<AliasedValue>(alias)?.Value is T value ? value : default;
}
