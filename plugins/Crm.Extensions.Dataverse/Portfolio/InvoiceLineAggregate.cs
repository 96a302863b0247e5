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
/// page's customers) ⟕ product, grouped by customer, invoice and the product's current cost, summing line amounts and
/// quantities. Each group becomes one <see cref="InvoiceLine"/> (amount, quantity, unit cost), so cost = Σ quantity × cost
/// stays exact while the result has at most one row per invoice and cost. A paid invoice's last modification is its payment date.
/// The aggregate only ever covers the lines of the page's customers (under 50,000 for any ordinary page); when a page's
/// customers have more, the platform refuses (AggregateQueryRecordLimit) and the page's customers are split in halves.
/// </summary>
public static class InvoiceLineAggregate
{
    /// <summary>AggregateQueryRecordLimit exceeded (-2147164125).</summary>
    public const int AggregateLimitExceeded = unchecked((int)0x8004E023);

    private const string InvoiceAlias = "paid";
    private const string ProductAlias = "product";

    public static IReadOnlyList<InvoiceLine> Read(IOrganizationService service, CustomerType type, IReadOnlyList<Guid> customers, AnalysisWindow window)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (customers is null) throw new ArgumentNullException(nameof(customers));
        if (window is null) throw new ArgumentNullException(nameof(window));
        if (customers.Count == 0) return Array.Empty<InvoiceLine>();

        try
        {
            // Grouped results come 5,000 a page: a page of customers with more (customer, invoice, cost) groups needs more pages.
            var lines = new List<InvoiceLine>();
            string? cookie = null;
            for (var page = 1; ; page++)
            {
                var result = service.RetrieveMultiple(new FetchExpression(Fetch(customers, window, page, cookie)));
                lines.AddRange(result.Entities.Select(row => ToLine(row, type)));
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

    private static InvoiceLine ToLine(Entity row, CustomerType type)
    {
        var customer = Aliased<EntityReference>(row, "customer")!;
        return new InvoiceLine(
            new CustomerKey(type, customer.Id),
            Aliased<Guid?>(row, "invoice") ?? Guid.Empty,
            DateTime.SpecifyKind(Aliased<DateTime?>(row, "paidon") ?? DateTime.MinValue, DateTimeKind.Utc),
            Amount(row, "revenue"),
            Amount(row, "quantity"),
            Amount(row, "unitcost"));
    }

    private static string Fetch(IReadOnlyList<Guid> customers, AnalysisWindow window, int page, string? pagingCookie)
    {
        var text = new StringBuilder(customers.Count * 50 + 1500);
        text.Append("<fetch aggregate=\"true\" page=\"").Append(page.ToString(CultureInfo.InvariantCulture)).Append('"');
        if (pagingCookie is not null) text.Append(" paging-cookie=\"").Append(SecurityElement.Escape(pagingCookie)).Append('"');
        text.Append('>')
            .Append("<entity name=\"").Append(InvoiceDetail.EntityLogicalName).Append("\">")
            .Append(Attribute(InvoiceDetail.Fields.ExtendedAmount, "revenue", "aggregate=\"sum\""))
            .Append(Attribute(InvoiceDetail.Fields.Quantity, "quantity", "aggregate=\"sum\""))
            .Append("<link-entity name=\"").Append(Invoice.EntityLogicalName).Append("\" from=\"").Append(Invoice.Fields.InvoiceId)
            .Append("\" to=\"").Append(InvoiceDetail.Fields.InvoiceId).Append("\" link-type=\"inner\" alias=\"").Append(InvoiceAlias).Append("\">")
            .Append(Attribute(Invoice.Fields.CustomerId, "customer", "groupby=\"true\""))
            .Append(Attribute(Invoice.Fields.InvoiceId, "invoice", "groupby=\"true\""))
            .Append(Attribute(Invoice.Fields.ModifiedOn, "paidon", "aggregate=\"max\""))
            .Append("<filter>")
            .Append(Condition(Invoice.Fields.StateCode, "eq", InvoiceStates.Paid.ToString(CultureInfo.InvariantCulture)))
            .Append(Condition(Invoice.Fields.ModifiedOn, "ge", Instant(window.StartUtc)))
            .Append(Condition(Invoice.Fields.ModifiedOn, "lt", Instant(window.EndUtc)))
            .Append("<condition attribute=\"").Append(Invoice.Fields.CustomerId).Append("\" operator=\"in\">");
        foreach (var id in customers) text.Append("<value>").Append(id.ToString("D")).Append("</value>");
        text.Append("</condition></filter></link-entity>")
            .Append("<link-entity name=\"").Append(Product.EntityLogicalName).Append("\" from=\"").Append(Product.Fields.ProductId)
            .Append("\" to=\"").Append(InvoiceDetail.Fields.ProductId).Append("\" link-type=\"outer\" alias=\"").Append(ProductAlias).Append("\">")
            .Append(Attribute(Product.Fields.CurrentCost, "unitcost", "groupby=\"true\""))
            .Append("</link-entity>")
            .Append("<order alias=\"customer\" /><order alias=\"invoice\" /><order alias=\"unitcost\" />")
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
