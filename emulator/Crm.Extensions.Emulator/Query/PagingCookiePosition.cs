using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Query;

/// <summary>
/// Where a paging cookie says the previous page ended: the last row's order values and its id. Dataverse evaluates each
/// page request on its own and starts after the cookie's last row, so rows that leave the filter between pages do not
/// shift later pages (learn.microsoft.com/power-apps/developer/data-platform/org-service/paging-behaviors-and-ordering,
/// "Paging is dynamic"; .../fetchxml/page-results). The cookie is ignored, and the page number used, when the requested
/// page does not follow the cookie's page (learn.microsoft.com/previous-versions/dynamicscrm-2016/developers-guide/gg309717,
/// "if you request nonconsecutive pages, the paging cookie value is ignored").
/// The emulator honours a cookie only where a position is well defined: no TopCount, no distinct, no aggregate, orders on
/// the root table only and links that cannot repeat a root row (semi-joins and joins to the linked table's primary key).
/// Other queries keep page-number paging. Ties in the order keep insertion order here, so the last row's insertion number
/// (looked up by its id, also after a delete) breaks them as the primary key does on the platform.
/// </summary>
internal sealed class PagingCookiePosition
{
    private readonly List<(ColumnMetadata Column, bool Descending, object? Last)> _orders;
    private readonly SortContext _sort;

    private PagingCookiePosition(List<(ColumnMetadata, bool, object?)> orders, long sequence, Guid lastId, SortContext sort)
    {
        _orders = orders;
        Sequence = sequence;
        LastId = lastId;
        _sort = sort;
    }

    /// <summary>The primary id of the previous page's last row.</summary>
    public Guid LastId { get; }

    /// <summary>Insertion number of the previous page's last row.</summary>
    public long Sequence { get; }

    public static PagingCookiePosition? Read(QueryExpression query, TableMetadata root,
        List<(LinkEntity Link, string Alias, string? Parent)> links,
        MetadataCatalog catalog, DataStore store, SortContext sort)
    {
        var paging = query.PageInfo;
        if (string.IsNullOrEmpty(paging.PagingCookie) || query.TopCount is not null || query.Distinct) return null;
        if (query.Orders.Any(o => o.EntityName is not null) || links.Any(l => !KeepsOneRowPerRoot(l.Link, catalog))) return null;
        if (Parse(paging.PagingCookie) is not { } cookie) return null;
        if (!int.TryParse((string?)cookie.Attribute("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var page)
            || page != Math.Max(paging.PageNumber, 1) - 1)
        {
            return null;
        }

        if (Element(cookie, root.PrimaryIdAttribute)?.Attribute("last")?.Value is not { } lastId
            || !Guid.TryParse(lastId, out var id)
            || store.SequenceOf(root.LogicalName, id) is not { } sequence)
        {
            return null;
        }

        var orders = new List<(ColumnMetadata, bool, object?)>();
        foreach (var order in query.Orders)
        {
            if (Element(cookie, order.AttributeName) is not { } element) return null;
            var column = root.Column(order.AttributeName)!;
            var last = sort.KeyOfCookieValue(column, ParseValue(element.Attribute("last")?.Value, column.Type));
            orders.Add((column, order.OrderType == OrderType.Descending, last));
        }

        return new PagingCookiePosition(orders, sequence, id, sort);
    }

    /// <summary>
    /// Whether a row comes after the cookie's last row in the query's order (then insertion order), comparing the same sort
    /// keys the query sorts by (a choice's label, a lookup's name).
    /// </summary>
    public bool IsAfter(JoinedRow row)
    {
        foreach (var (column, descending, last) in _orders)
        {
            var compared = Comparison.Compare(_sort.KeyOf(column, row.Root.Get(column.LogicalName)), last);
            if (compared != 0) return descending ? compared < 0 : compared > 0;
        }

        return row.Root.Sequence > Sequence;
    }

    /// <summary>The cookie of a page: each root order column's first and last values, then the primary key's.</summary>
    public static string Write(int page, TableMetadata root, IEnumerable<(string? Alias, string Attribute, OrderType Type)> orders,
        StoredRow first, StoredRow last)
    {
        var cookie = new XElement("cookie", new XAttribute("page", page.ToString(CultureInfo.InvariantCulture)));
        var columns = orders.Where(o => o.Alias is null).Select(o => o.Attribute.ToLowerInvariant())
            .Where(c => !c.Equals(root.PrimaryIdAttribute, StringComparison.OrdinalIgnoreCase)).Distinct();
        foreach (var column in columns)
        {
            var element = new XElement(column);
            if (Format(last.Get(column)) is { } lastValue) element.Add(new XAttribute("last", lastValue));
            if (Format(first.Get(column)) is { } firstValue) element.Add(new XAttribute("first", firstValue));
            cookie.Add(element);
        }

        cookie.Add(
            new XElement(root.PrimaryIdAttribute, new XAttribute("last", Format(last.Id)!), new XAttribute("first", Format(first.Id)!)));
        return cookie.ToString(SaveOptions.DisableFormatting);
    }

    private static bool KeepsOneRowPerRoot(LinkEntity link, MetadataCatalog catalog) =>
        link.Orders.Count == 0
        && (link.JoinOperator is JoinOperator.Exists or JoinOperator.In or JoinOperator.Any or JoinOperator.NotAny or JoinOperator.All
                or JoinOperator.NotAll or JoinOperator.MatchFirstRowUsingCrossApply
            || link.LinkToAttributeName.Equals(catalog.Table(link.LinkToEntityName).PrimaryIdAttribute,
                StringComparison.OrdinalIgnoreCase));

    private static XElement? Parse(string cookie)
    {
        try
        {
            var element = XElement.Parse(cookie);
            return element.Name.LocalName == "cookie" ? element : null;
        }
        catch (XmlException)
        {
            // A cookie the emulator cannot read is ignored, as the platform ignores one it cannot use: page numbers apply.
            return null;
        }
    }

    private static XElement? Element(XElement cookie, string name) =>
        cookie.Elements().FirstOrDefault(e => e.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static string? Format(object? value) => Comparison.Normalize(value) switch
    {
        null => null,
        Guid id => "{" + id.ToString("D").ToUpperInvariant() + "}",
        DateTime date => date.ToString("o", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    /// <summary>Cookie text back to a value that compares with stored values like the original did.</summary>
    private static object? ParseValue(string? text, ColumnType type) => text is null ? null : type switch
    {
        ColumnType.DateTime when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) => date,
        ColumnType.Boolean when bool.TryParse(text, out var flag) => flag,
        ColumnType.Integer or ColumnType.BigInt or ColumnType.Decimal or ColumnType.Double or ColumnType.Money
            when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        _ => text,
    };
}
