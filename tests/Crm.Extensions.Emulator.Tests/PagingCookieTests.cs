using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests;

/// <summary>
/// Paging cookies position the next page after the previous page's last row, so a batch that moves the rows it read out
/// of its own filter still reaches every row. Dataverse evaluates each page request on its own and starts after the
/// cookie's last record (learn.microsoft.com/power-apps/developer/data-platform/org-service/paging-behaviors-and-ordering,
/// "Paging is dynamic"), and ignores a cookie when the requested page does not follow it
/// (learn.microsoft.com/previous-versions/dynamicscrm-2016/developers-guide/gg309717, "nonconsecutive pages").
/// </summary>
public class PagingCookieTests
{
    private readonly DataverseEmulator _crm = EmulatorFixture.Create();

    private void Pending(int count)
    {
        for (var i = 0; i < count; i++)
            _crm.Seed(new Entity("contact") { ["lastname"] = "C" + (count - i).ToString("D3"), ["firstname"] = "pending" });
    }

    private static QueryExpression PendingQuery(params string[] orderBy)
    {
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname"),
            PageInfo = new PagingInfo { Count = 10, PageNumber = 1 } };
        query.Criteria.AddCondition("firstname", ConditionOperator.Equal, "pending");
        foreach (var column in orderBy) query.AddOrder(column, OrderType.Ascending);
        return query;
    }

    /// <summary>Reads page after page and, between pages, moves the page's rows out of the filter with one UpdateMultiple.</summary>
    private List<string> ProcessAll(QueryExpression query, bool useCookie)
    {
        var processed = new List<string>();
        while (true)
        {
            var page = _crm.Service.RetrieveMultiple(query);
            processed.AddRange(page.Entities.Select(e => e.GetAttributeValue<string>("lastname")));
            if (page.Entities.Count > 0)
            {
                var done = new EntityCollection(
                    page.Entities.Select(e => new Entity("contact", e.Id) { ["firstname"] = "done" }).ToList()) { EntityName = "contact" };
                _crm.Service.Execute(new UpdateMultipleRequest { Targets = done });
            }

            if (!page.MoreRecords) return processed;
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = useCookie ? page.PagingCookie : null;
        }
    }

    [Fact]
    public void Should_ReachEveryRow_When_ABatchMovesEachCookiePageOutOfItsFilter()
    {
        Pending(25);

        var processed = ProcessAll(PendingQuery(), useCookie: true);

        Assert.Equal(25, processed.Distinct().Count());
        Assert.Equal(0, _crm.All("contact").Count(c => c.GetAttributeValue<string>("firstname") == "pending"));
    }

    [Fact]
    public void Should_ReachEveryRowInOrder_When_AnOrderedBatchMovesEachCookiePageOutOfItsFilter()
    {
        Pending(25);

        var processed = ProcessAll(PendingQuery("lastname"), useCookie: true);

        Assert.Equal(Enumerable.Range(1, 25).Select(i => "C" + i.ToString("D3")), processed);
    }

    [Fact]
    public void Should_SkipRows_When_TheSameBatchPagesByPageNumberAlone()
    {
        Pending(25);

        var processed = ProcessAll(PendingQuery(), useCookie: false);

        // Page 2 of what is left skips the 10 rows that moved up: the reason batches must send the cookie.
        Assert.Equal(15, processed.Count);
    }

    [Fact]
    public void Should_UseThePageNumber_When_TheCookieIsOfANonConsecutivePage()
    {
        Pending(30);
        var query = PendingQuery();
        var first = _crm.Service.RetrieveMultiple(query);
        query.PageInfo.PageNumber = 3;
        query.PageInfo.PagingCookie = first.PagingCookie;

        var third = _crm.Service.RetrieveMultiple(query);

        // Rows 21-30 in insertion order (seeded C030 down to C001), not the 10 after the cookie's page 1.
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => "C" + i.ToString("D3")),
            third.Entities.Select(e => e.GetAttributeValue<string>("lastname")));
    }

    [Fact]
    public void Should_CarryTheLastRowsOrderValues_When_AnOrderedPageReturnsACookie()
    {
        Pending(3);

        var page = _crm.Service.RetrieveMultiple(PendingQuery("lastname"));

        Assert.StartsWith("<cookie page=\"1\"><lastname last=\"C003\" first=\"C001\" /><contactid last=\"{", page.PagingCookie);
    }
}
