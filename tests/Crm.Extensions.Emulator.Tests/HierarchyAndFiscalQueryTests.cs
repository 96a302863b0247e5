using System;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests;

public class HierarchyAndFiscalQueryTests
{
    private readonly DataverseEmulator _crm = EmulatorFixture.Create();

    private Guid Account(string name, Guid? parent = null)
    {
        var account = new Entity("account") { ["name"] = name };
        if (parent is not null) account["parentaccountid"] = new EntityReference("account", parent.Value);
        _crm.Seed(account);
        return account.Id;
    }

    private string[] Names(ConditionOperator op, Guid reference)
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("accountid", op, reference);
        query.AddOrder("name", OrderType.Ascending);
        return _crm.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray();
    }

    [Fact]
    public void Should_WalkTheParentAccountHierarchy_When_QueryUsesHierarchyOperators()
    {
        var root = Account("A root");
        var child = Account("B child", root);
        var grandchild = Account("C grandchild", child);
        Account("D other");

        Assert.Equal(new[] { "B child", "C grandchild" }, Names(ConditionOperator.Under, root));
        Assert.Equal(new[] { "A root", "B child", "C grandchild" }, Names(ConditionOperator.UnderOrEqual, root));
        Assert.Equal(new[] { "A root", "B child" }, Names(ConditionOperator.Above, grandchild));
        Assert.Equal(new[] { "A root", "B child" }, Names(ConditionOperator.AboveOrEqual, child));
        Assert.Equal(new[] { "A root", "D other" }, Names(ConditionOperator.NotUnder, root));
    }

    [Fact]
    public void Should_WalkTheHierarchy_When_FetchXmlUsesUnder()
    {
        var root = Account("Root");
        Account("Child", root);
        var fetch = $"<fetch><entity name='account'><attribute name='name' /><filter><condition attribute='accountid' " +
            $"operator='eq-or-under' value='{root}' /></filter></entity></fetch>";

        var rows = _crm.Service.RetrieveMultiple(new FetchExpression(fetch));

        Assert.Equal(2, rows.Entities.Count);
    }

    [Fact]
    public void Should_RejectHierarchyOperators_When_TableHasNoHierarchicalRelationship()
    {
        var contact = new Entity("contact") { ["lastname"] = "Flat" };
        _crm.Seed(contact);
        var query = new QueryExpression("contact");
        query.Criteria.AddCondition("contactid", ConditionOperator.Under, contact.Id);

        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.RetrieveMultiple(query));
        Assert.Equal("parentproductid", _crm.Metadata.Table("product").HierarchyParentAttribute);
    }

    private Guid Order(string name, DateTime createdOn)
    {
        var order = new Entity("test_order") { ["test_name"] = name, ["test_duedate"] = createdOn };
        _crm.Seed(order);
        return order.Id;
    }

    private string[] Orders(ConditionOperator op, params object[] values)
    {
        var query = new QueryExpression("test_order") { ColumnSet = new ColumnSet("test_name") };
        query.Criteria.AddCondition("test_duedate", op, values);
        query.AddOrder("test_name", OrderType.Ascending);
        return _crm.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("test_name")).ToArray();
    }

    [Fact]
    public void Should_UseCalendarYearWithMonthlyPeriods_When_FiscalOperatorsRunWithTheDefaultCalendar()
    {
        // The clock starts on 2025-01-15: fiscal year 2025, period 1 (January).
        Order("a-dec-2024", new DateTime(2024, 12, 20, 0, 0, 0, DateTimeKind.Utc));
        Order("b-jan-2025", new DateTime(2025, 1, 3, 0, 0, 0, DateTimeKind.Utc));
        Order("c-mar-2025", new DateTime(2025, 3, 31, 0, 0, 0, DateTimeKind.Utc));
        Order("d-feb-2026", new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new[] { "b-jan-2025", "c-mar-2025" }, Orders(ConditionOperator.ThisFiscalYear));
        Assert.Equal(new[] { "a-dec-2024" }, Orders(ConditionOperator.LastFiscalYear));
        Assert.Equal(new[] { "d-feb-2026" }, Orders(ConditionOperator.NextFiscalYear));
        Assert.Equal(new[] { "b-jan-2025" }, Orders(ConditionOperator.ThisFiscalPeriod));
        Assert.Equal(new[] { "a-dec-2024" }, Orders(ConditionOperator.LastFiscalPeriod));
        Assert.Equal(new[] { "c-mar-2025" }, Orders(ConditionOperator.InFiscalPeriodAndYear, 3, 2025));
        Assert.Equal(new[] { "a-dec-2024", "b-jan-2025" }, Orders(ConditionOperator.InOrBeforeFiscalPeriodAndYear, 1, 2025));
        Assert.Equal(new[] { "c-mar-2025", "d-feb-2026" }, Orders(ConditionOperator.InOrAfterFiscalPeriodAndYear, 2, 2025));
        Assert.Equal(new[] { "a-dec-2024" }, Orders(ConditionOperator.InFiscalYear, 2024));
        Assert.Equal(new[] { "d-feb-2026" }, Orders(ConditionOperator.InFiscalPeriod, 2));
        Assert.Equal(new[] { "c-mar-2025", "d-feb-2026" }, Orders(ConditionOperator.NextXFiscalPeriods, 13));
    }

    [Fact]
    public void Should_FollowTheConfiguredCalendar_When_FiscalYearStartsInApril()
    {
        var crm = EmulatorFixture.Create(new EmulatorOptions { FiscalCalendar = new FiscalCalendar(startMonth: 4, monthsPerPeriod: 3) });
        crm.Seed(
            new Entity("test_order") { ["test_name"] = "q4-fy2024",
                ["test_duedate"] = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc) });
        crm.Seed(
            new Entity("test_order") { ["test_name"] = "q1-fy2025",
                ["test_duedate"] = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc) });
        const string fetch = "<fetch><entity name='test_order'><attribute name='test_name' /><filter><condition attribute='test_duedate' " +
            "operator='this-fiscal-period' /></filter></entity></fetch>";

        var thisQuarter = crm.Service.RetrieveMultiple(new FetchExpression(fetch));

        Assert.Equal("q4-fy2024", Assert.Single(thisQuarter.Entities)["test_name"]);
        var inFiscal2025 = new QueryExpression("test_order") { ColumnSet = new ColumnSet("test_name") };
        inFiscal2025.Criteria.AddCondition("test_duedate", ConditionOperator.InFiscalYear, 2025);
        Assert.Equal("q1-fy2025", Assert.Single(crm.Service.RetrieveMultiple(inFiscal2025).Entities)["test_name"]);
    }

    [Fact]
    public void Should_RefuseSimplePaging_When_PageReachesBeyondFiftyThousandRows()
    {
        var query = new QueryExpression("test_order") { PageInfo = new PagingInfo { Count = 5000, PageNumber = 11 } };

        var fault = Faults.Expect(ErrorCodes.PagingCookieRequired, () => _crm.Service.RetrieveMultiple(query));

        Assert.Contains("Paging cookie is required", fault.Message, StringComparison.Ordinal);
        query.PageInfo.PageNumber = 10;
        Assert.Empty(_crm.Service.RetrieveMultiple(query).Entities);
        query.PageInfo = new PagingInfo { Count = 5000, PageNumber = 11, PagingCookie = "<cookie page=\"10\" />" };
        Assert.Empty(_crm.Service.RetrieveMultiple(query).Entities);
    }
}
