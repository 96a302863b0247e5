using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests;

/// <summary>
/// How queries find their rows at scale, counted by <see cref="DataverseEmulator.RowsExamined"/> (stored rows handed to the
/// query, not timing): a page read by a key cursor (id greater than the last id, ordered by id) and a query whose inner link
/// filters an indexed column cost what they return, whatever the table's size. The results are those of the general plan:
/// ordered by the primary key (compared as the emulator compares ids everywhere), filters applied to every row.
/// </summary>
public class QueryPlanTests
{
    private readonly DataverseEmulator _crm = EmulatorFixture.Create();

    private Guid[] Contacts(int count, Guid? parent = null, string prefix = "c")
    {
        var ids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            var contact = new Entity("contact") { ["lastname"] = "C" + i, ["emailaddress1"] = $"{prefix}{i}@example.com" };
            if (parent is not null) contact["parentcustomerid"] = new EntityReference("account", parent.Value);
            _crm.Seed(contact);
            ids[i] = contact.Id;
        }

        return ids;
    }

    private Guid Account(string name)
    {
        var account = new Entity("account") { ["name"] = name };
        _crm.Seed(account);
        return account.Id;
    }

    private static QueryExpression KeyPage(Guid? after, int size, ConditionOperator comparison = ConditionOperator.GreaterThan,
        OrderType order = OrderType.Ascending)
    {
        var query = new QueryExpression("contact")
        {
            ColumnSet = new ColumnSet("lastname"),
            PageInfo = new PagingInfo { Count = size, PageNumber = 1 },
        };
        if (after is not null) query.Criteria.AddCondition("contactid", comparison, after.Value);
        query.AddOrder("contactid", order);
        return query;
    }

    /// <summary>Runs the query once (building any index it needs), then counts what a second run examines.</summary>
    private (EntityCollection Result, long Examined) Measure(QueryBase query)
    {
        _crm.Service.RetrieveMultiple(query);
        _crm.ResetObservations();
        var result = _crm.Service.RetrieveMultiple(query);
        return (result, _crm.RowsExamined);
    }

    [Fact]
    public void Should_ExamineOnlyThePageAndOneMore_When_AQueryPagesByAKeyCursor()
    {
        var ids = Contacts(3000).OrderBy(id => id).ToArray();

        var (page, examined) = Measure(KeyPage(ids[1500], 50));

        Assert.Equal(ids.Skip(1501).Take(50), page.Entities.Select(e => e.Id));
        Assert.True(page.MoreRecords);
        Assert.Equal(51, examined);
    }

    [Fact]
    public void Should_ExamineTheSameRows_When_TheTableGrowsTenfold()
    {
        var small = Contacts(300).OrderBy(id => id).ToArray();
        var (_, examinedSmall) = Measure(KeyPage(small[100], 20));
        var (_, examinedByEmailSmall) = Measure(ByEmail("c7@example.com"));

        Contacts(2700, prefix: "more");
        var (_, examinedLarge) = Measure(KeyPage(small[100], 20));
        var (_, examinedByEmailLarge) = Measure(ByEmail("c7@example.com"));

        Assert.Equal(examinedSmall, examinedLarge);
        Assert.Equal(examinedByEmailSmall, examinedByEmailLarge);
    }

    [Fact]
    public void Should_ReturnTheRowsAtAndBeforeTheBoundInDescendingOrder_When_AKeyPageIsDescendingWithLessEqual()
    {
        var ids = Contacts(500).OrderByDescending(id => id).ToArray();

        var (page, examined) = Measure(KeyPage(ids[200], 30, ConditionOperator.LessEqual, OrderType.Descending));

        Assert.Equal(ids.Skip(200).Take(30), page.Entities.Select(e => e.Id));
        Assert.Equal(31, examined);
    }

    [Fact]
    public void Should_SkipRowsThatLeaveTheFilter_When_AKeyPagedReadUpdatesTheRowsItRead()
    {
        var ids = Contacts(120).OrderBy(id => id).ToArray();
        var read = new System.Collections.Generic.List<Guid>();
        Guid? after = null;
        while (true)
        {
            var query = KeyPage(after, 25);
            query.Criteria.AddCondition("lastname", ConditionOperator.NotEqual, "moved");
            var page = _crm.Service.RetrieveMultiple(query);
            read.AddRange(page.Entities.Select(e => e.Id));
            foreach (var row in page.Entities) _crm.Service.Update(new Entity("contact", row.Id) { ["lastname"] = "moved" });
            if (!page.MoreRecords) break;
            after = page.Entities[^1].Id;
        }

        Assert.Equal(ids, read);
    }

    [Fact]
    public void Should_ExamineOnlyTheLinkedRowsAndTheirRoots_When_AnInnerLinkFiltersAnIndexedColumn()
    {
        for (var i = 0; i < 1000; i++) Contacts(1, Account("Other " + i));
        var north = Account("North");
        var expected = Contacts(3, north);
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.AddLink("account", "parentcustomerid", "accountid").LinkCriteria.AddCondition("name", ConditionOperator.Equal, "North");

        var (result, examined) = Measure(query);

        Assert.Equal(expected, result.Entities.Select(e => e.Id));
        // The North account, its three contacts, and the account again for each contact's join.
        Assert.Equal(7, examined);
    }

    [Fact]
    public void Should_ExamineOnlyTheLinkedRowsAndTheirRoots_When_AFetchXmlAggregateFiltersItsLinkByAnIndexedColumn()
    {
        for (var i = 0; i < 1000; i++) Contacts(1, Account("Other " + i));
        var north = Account("North");
        Contacts(3, north);
        var fetch = "<fetch aggregate=\"true\"><entity name=\"contact\"><attribute name=\"contactid\" alias=\"rows\" aggregate=\"count\" />"
            + "<link-entity name=\"account\" from=\"accountid\" to=\"parentcustomerid\" link-type=\"inner\" alias=\"a\">"
            + "<attribute name=\"accountid\" alias=\"account\" groupby=\"true\" />"
            + "<filter><condition attribute=\"name\" operator=\"eq\" value=\"North\" /></filter></link-entity></entity></fetch>";

        var (result, examined) = Measure(new FetchExpression(fetch));

        var group = Assert.Single(result.Entities);
        Assert.Equal(3, group.GetAttributeValue<AliasedValue>("rows").Value);
        Assert.Equal(7, examined);
    }

    [Fact]
    public void Should_ExamineEveryRoot_When_TheLinkIsOuter()
    {
        for (var i = 0; i < 200; i++) Contacts(1, Account("Other " + i));
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        var link = query.AddLink("account", "parentcustomerid", "accountid", JoinOperator.LeftOuter);
        link.LinkCriteria.AddCondition("name", ConditionOperator.Equal, "North");

        var (result, examined) = Measure(query);

        // An outer link keeps every contact (with no account columns), so no index can narrow the roots.
        Assert.Equal(200, result.Entities.Count);
        Assert.True(examined >= 200, $"examined {examined}");
    }

    private static QueryExpression ByEmail(string email)
    {
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.Equal, email);
        return query;
    }
}
