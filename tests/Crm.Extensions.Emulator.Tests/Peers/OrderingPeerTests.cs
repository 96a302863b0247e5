using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests.Peers;

/// <summary>
/// Ordering, from FakeXrmEasy OrderByTests and XrmMockup TestOrderByQueryExpression. Where the peers order a choice by its value
/// or a lookup by its id, this suite follows "Order rows"
/// (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/order-rows):
/// choices sort by label, lookups by the related row's primary name.
/// </summary>
public class OrderingPeerTests
{
    private readonly DataverseEmulator _crm = PeerFixture.Create();

    private string?[] Ordered(string column, OrderType type, params (string Column, object? Value)[][] rows)
    {
        foreach (var row in rows) _crm.Add("peer_project", row);
        return _crm.Query("peer_project", q => q.AddOrder(column, type)).Names("peer_name");
    }

    private static (string, object?)[] Row(string name, string column, object? value) =>
        new (string, object?)[] { ("peer_name", name), (column, value) };

    // FakeXrmEasy OrderByTests.When_ordering_by_money_fields_expected_result_is_returned; XrmMockup same name
    [Fact]
    public void Should_SortByAmount_When_OrderingMoneyAscending() => Assert.Equal(new[] { "b", "c", "a" },
        Ordered("peer_budget", OrderType.Ascending, Row("a", "peer_budget", new Money(300)), Row("b", "peer_budget", new Money(100)),
            Row("c", "peer_budget", new Money(200))));

    // FakeXrmEasy OrderByTests.When_ordering_by_money_fields_descending_expected_result_is_returned; XrmMockup same name
    [Fact]
    public void Should_SortByAmount_When_OrderingMoneyDescending() => Assert.Equal(new[] { "a", "c", "b" },
        Ordered("peer_budget", OrderType.Descending, Row("a", "peer_budget", new Money(300)), Row("b", "peer_budget", new Money(100)),
            Row("c", "peer_budget", new Money(200))));

    // FakeXrmEasy OrderByTests.When_ordering_by_int_fields_expected_result_is_returned; XrmMockup ..._int_fields_ascending_...
    [Fact]
    public void Should_SortNumerically_When_OrderingIntegersAscending() => Assert.Equal(new[] { "b", "a", "c" },
        Ordered("peer_priority", OrderType.Ascending, Row("a", "peer_priority", 9), Row("b", "peer_priority", 2),
            Row("c", "peer_priority", 10)));

    // XrmMockup TestOrderByQueryExpression.When_ordering_by_int_fields_descending_expected_result_is_returned
    [Fact]
    public void Should_SortNumerically_When_OrderingIntegersDescending() => Assert.Equal(new[] { "c", "a", "b" },
        Ordered("peer_priority", OrderType.Descending, Row("a", "peer_priority", 9), Row("b", "peer_priority", 2),
            Row("c", "peer_priority", 10)));

    // FakeXrmEasy OrderByTests.When_ordering_by_datetime_fields_expected_result_is_returned; XrmMockup ..._datetime_ascending_...
    [Fact]
    public void Should_SortChronologically_When_OrderingDates() => Assert.Equal(new[] { "b", "a" },
        Ordered("peer_start", OrderType.Ascending, Row("a", "peer_start", new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc)),
            Row("b", "peer_start", new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc))));

    // XrmMockup TestOrderByQueryExpression.When_ordering_by_datetime_descending_fields_expected_result_is_returned
    [Fact]
    public void Should_SortLatestFirst_When_OrderingDatesDescending() => Assert.Equal(new[] { "a", "b" },
        Ordered("peer_start", OrderType.Descending, Row("a", "peer_start", new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc)),
            Row("b", "peer_start", new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc))));

    // FakeXrmEasy OrderByTests.When_ordering_by_decimal_fields_expected_result_is_returned; XrmMockup ..._decimal_fields_ascending_...
    [Fact]
    public void Should_SortNumerically_When_OrderingDecimals() => Assert.Equal(new[] { "b", "a" },
        Ordered("peer_rate", OrderType.Ascending, Row("a", "peer_rate", 2.5m), Row("b", "peer_rate", 1.25m)));

    // XrmMockup TestOrderByQueryExpression.When_ordering_by_decimal_fields_descending_expected_result_is_returned
    [Fact]
    public void Should_SortLargestFirst_When_OrderingDecimalsDescending() => Assert.Equal(new[] { "a", "b" },
        Ordered("peer_rate", OrderType.Descending, Row("a", "peer_rate", 2.5m), Row("b", "peer_rate", 1.25m)));

    // FakeXrmEasy OrderByTests.When_ordering_by_double_fields_expected_result_is_returned; XrmMockup ..._double_fields_ascending_...
    [Fact]
    public void Should_SortNumerically_When_OrderingDoubles() => Assert.Equal(new[] { "b", "a" },
        Ordered("peer_score", OrderType.Ascending, Row("a", "peer_score", 0.9), Row("b", "peer_score", 0.1)));

    // FakeXrmEasy OrderByTests.When_ordering_by_boolean_fields_expected_result_is_returned; XrmMockup ..._boolean_fields_ascending_...
    [Fact]
    public void Should_PutFalseFirst_When_OrderingTwoOptionsAscending() => Assert.Equal(new[] { "b", "a" },
        Ordered("peer_isbillable", OrderType.Ascending, Row("a", "peer_isbillable", true), Row("b", "peer_isbillable", false)));

    // XrmMockup TestOrderByQueryExpression.When_ordering_by_boolean_fields_descending_expected_result_is_returned
    [Fact]
    public void Should_PutTrueFirst_When_OrderingTwoOptionsDescending() => Assert.Equal(new[] { "a", "b" },
        Ordered("peer_isbillable", OrderType.Descending, Row("a", "peer_isbillable", true), Row("b", "peer_isbillable", false)));

    // FakeXrmEasy OrderByTests.When_ordering_by_optionsetvalue_fields_expected_result_is_returned. The peer sorts by value (1, 2, 3);
    // the documentation says label: Alpha (2) < Mid (3) < Zeta (1).
    [Fact]
    public void Should_SortByLabel_When_OrderingAChoice() => Assert.Equal(new[] { "two", "three", "one" },
        Ordered("peer_stage", OrderType.Ascending, Row("one", "peer_stage", new OptionSetValue(1)), Row("two", "peer_stage",
            new OptionSetValue(2)),
            Row("three", "peer_stage", new OptionSetValue(3))));

    // XrmMockup TestOrderByQueryExpression.When_ordering_by_optionsetvalue_fields_descending_expected_result_is_returned (label, per
    // the docs)
    [Fact]
    public void Should_SortByLabelDescending_When_OrderingAChoiceDescending() => Assert.Equal(new[] { "one", "three", "two" },
        Ordered("peer_stage", OrderType.Descending, Row("one", "peer_stage", new OptionSetValue(1)), Row("two", "peer_stage",
            new OptionSetValue(2)),
            Row("three", "peer_stage", new OptionSetValue(3))));

    // Choice labels follow the caller's language ("Order rows"): in Spanish Alfa < Medio < Zeta, same order; Internal/External flip.
    [Fact]
    public void Should_SortByTheCallersLabels_When_TheCallerUsesSpanish()
    {
        _crm.Add("peer_project", ("peer_name", "int"), ("peer_category", new OptionSetValue(10)));
        _crm.Add("peer_project", ("peer_name", "ext"), ("peer_category", new OptionSetValue(20)));
        var spanish = _crm.ServiceAs(_crm.CreateUser("Usuario", uiLanguageId: 3082));
        var query = new QueryExpression("peer_project") { ColumnSet = new ColumnSet("peer_name") };
        query.AddOrder("peer_category", OrderType.Ascending);

        Assert.Equal(new[] { "ext", "int" }, spanish.RetrieveMultiple(query).Names("peer_name")); // Externo < Interno
    }

    // FakeXrmEasy OrderByTests.When_ordering_by_entity_reference_fields_expected_result_is_returned. The peer sorts by id; the
    // documentation says a lookup sorts by the related row's primary name.
    [Fact]
    public void Should_SortByRelatedPrimaryName_When_OrderingALookup()
    {
        var zed = _crm.Add("contact", ("lastname", "Zed"));
        var amy = _crm.Add("contact", ("lastname", "Amy"));
        Assert.Equal(new[] { "b", "a" }, Ordered("peer_contactid", OrderType.Ascending,
            Row("a", "peer_contactid", new EntityReference("contact", zed)), Row("b", "peer_contactid", new EntityReference("contact",
                amy))));
    }

    // XrmMockup TestOrderByQueryExpression.When_ordering_by_entity_reference_fields_descending_expected_result_is_returned (by name,
    // per the docs)
    [Fact]
    public void Should_SortByRelatedPrimaryNameDescending_When_OrderingALookupDescending()
    {
        var zed = _crm.Add("contact", ("lastname", "Zed"));
        var amy = _crm.Add("contact", ("lastname", "Amy"));
        Assert.Equal(new[] { "a", "b" }, Ordered("peer_contactid", OrderType.Descending,
            Row("a", "peer_contactid", new EntityReference("contact", zed)), Row("b", "peer_contactid", new EntityReference("contact",
                amy))));
    }

    // FakeXrmEasy OrderByTests.When_ordering_by_guid_fields_expected_result_is_returned; XrmMockup ..._guid_fields_ascending_...
    [Fact]
    public void Should_ReturnEveryRowOnce_When_OrderingByThePrimaryKey()
    {
        foreach (var name in new[] { "a", "b", "c" }) _crm.Add("peer_project", ("peer_name", name));
        var ids = _crm.Query("peer_project", q => q.AddOrder("peer_projectid", OrderType.Ascending)).Entities.Select(e => e.Id).ToList();
        Assert.Equal(3, ids.Distinct().Count());
    }

    // FakeXrmEasy OrderByTests.When_ordering_by_2_columns_simultaneously_right_result_is_returned_asc_desc; XrmMockup same name
    [Fact]
    public void Should_BreakTiesWithTheSecondOrder_When_OrderingByTwoColumnsAscDesc()
    {
        _crm.Add("peer_project", ("peer_name", "a"), ("peer_priority", 1), ("peer_rate", 1m));
        _crm.Add("peer_project", ("peer_name", "b"), ("peer_priority", 1), ("peer_rate", 2m));
        _crm.Add("peer_project", ("peer_name", "c"), ("peer_priority", 0), ("peer_rate", 5m));
        var names = _crm.Query("peer_project", q => { q.AddOrder("peer_priority", OrderType.Ascending); q.AddOrder("peer_rate",
            OrderType.Descending); }).Names("peer_name");
        Assert.Equal(new[] { "c", "b", "a" }, names);
    }

    // FakeXrmEasy OrderByTests.When_ordering_by_2_columns_simultaneously_right_result_is_returned_desc_asc; XrmMockup same name
    [Fact]
    public void Should_BreakTiesWithTheSecondOrder_When_OrderingByTwoColumnsDescAsc()
    {
        _crm.Add("peer_project", ("peer_name", "a"), ("peer_priority", 1), ("peer_rate", 1m));
        _crm.Add("peer_project", ("peer_name", "b"), ("peer_priority", 1), ("peer_rate", 2m));
        _crm.Add("peer_project", ("peer_name", "c"), ("peer_priority", 0), ("peer_rate", 5m));
        var names = _crm.Query("peer_project", q => { q.AddOrder("peer_priority", OrderType.Descending); q.AddOrder("peer_rate",
            OrderType.Ascending); }).Names("peer_name");
        Assert.Equal(new[] { "a", "b", "c" }, names);
    }

    // XrmMockup TestOrderByQueryExpression.When_ordering_by_2_columns_nulled_column_is_handled: nulls sort first ascending (SQL)
    [Fact]
    public void Should_PutNullsFirst_When_OrderingAscendingOverNulls() => Assert.Equal(new[] { "n", "b", "a" },
        Ordered("peer_priority", OrderType.Ascending, Row("a", "peer_priority", 5), Row("b", "peer_priority", 1),
            Row("n", "peer_priority", null)));

    // FakeXrmEasy OrderByTests.When_ordering_column_is_not_in_column_set_ordering_is_still_correct
    [Fact]
    public void Should_OrderByAColumnNotSelected_When_ColumnSetLeavesItOut()
    {
        _crm.Add("peer_project", ("peer_name", "late"), ("peer_priority", 9));
        _crm.Add("peer_project", ("peer_name", "early"), ("peer_priority", 1));
        var query = new QueryExpression("peer_project") { ColumnSet = new ColumnSet("peer_name") };
        query.AddOrder("peer_priority", OrderType.Ascending);
        Assert.Equal(new[] { "early", "late" }, _crm.Service.RetrieveMultiple(query).Names("peer_name"));
    }

    // XrmMockup TestRetrieveMultiple.TestFetchOrderByOtherAttributesDescending
    [Fact]
    public void Should_OrderDescending_When_FetchOrderIsDescending()
    {
        _crm.Add("peer_project", ("peer_name", "a"), ("peer_priority", 1));
        _crm.Add("peer_project", ("peer_name", "b"), ("peer_priority", 2));
        var rows = _crm.Fetch("<fetch><entity name='peer_project'><attribute name='peer_name' /><order attribute='peer_priority' "
            + "descending='true' /></entity></fetch>");
        Assert.Equal(new[] { "b", "a" }, rows.Names("peer_name"));
    }

    /// <summary>Reads every page of <paramref name="query"/> with its paging cookie, two rows a page.</summary>
    private List<string?> CookiePages(QueryExpression query)
    {
        var names = new List<string?>();
        query.PageInfo = new PagingInfo { Count = 2, PageNumber = 1 };
        while (true)
        {
            var page = _crm.Service.RetrieveMultiple(query);
            names.AddRange(page.Names("peer_name"));
            if (!page.MoreRecords) return names;
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    // The cookie's position follows the sort ("Order rows": a choice sorts by label): the pages after the first continue in
    // label order, Alpha (2), Mid (3), Zeta (1), not in value order.
    [Fact]
    public void Should_ContinueInLabelOrder_When_CookiePagesOrderByAChoice()
    {
        foreach (var (name, stage) in new[] { ("z1", 1), ("a1", 2), ("m1", 3), ("z2", 1), ("a2", 2), ("m2", 3) })
        {
            _crm.Add("peer_project", ("peer_name", name), ("peer_stage", new OptionSetValue(stage)));
        }

        var query = new QueryExpression("peer_project") { ColumnSet = new ColumnSet("peer_name") };
        query.AddOrder("peer_stage", OrderType.Ascending);

        Assert.Equal(new[] { "a1", "a2", "m1", "m2", "z1", "z2" }, CookiePages(query));
    }

    // The cookie's position follows the sort ("Order rows": a lookup sorts by the related row's primary name), whatever the ids.
    [Fact]
    public void Should_ContinueInNameOrder_When_CookiePagesOrderByALookup()
    {
        var zed = new EntityReference("contact", _crm.Add("contact", ("lastname", "Zed")));
        var amy = new EntityReference("contact", _crm.Add("contact", ("lastname", "Amy")));
        var kim = new EntityReference("contact", _crm.Add("contact", ("lastname", "Kim")));
        foreach (var (name, contact) in new[] { ("z1", zed), ("a1", amy), ("k1", kim), ("z2", zed), ("a2", amy), ("k2", kim) })
        {
            _crm.Add("peer_project", ("peer_name", name), ("peer_contactid", contact));
        }

        var query = new QueryExpression("peer_project") { ColumnSet = new ColumnSet("peer_name") };
        query.AddOrder("peer_contactid", OrderType.Descending);

        Assert.Equal(new[] { "z1", "z2", "k1", "k2", "a1", "a2" }, CookiePages(query));
    }
}
