using System;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests.Peers;

/// <summary>Conditions, joins, link types, aggregates and user operators from the peers' query suites.</summary>
public class QueryPeerTests
{
    private readonly DataverseEmulator _crm = PeerFixture.Create();

    private Guid Project(string name, params (string, object?)[] values) =>
        _crm.Add("peer_project", new[] { ("peer_name", (object?)name) }.Concat(values).ToArray());

    private Guid Task(string name, Guid? project, int hours = 0) =>
        _crm.Add("peer_task", ("peer_name", name), ("peer_hours", hours), ("peer_projectid", project is null ? null
            : new EntityReference("peer_project", project.Value)));

    private string?[] Projects(Action<QueryExpression> shape) =>
        _crm.Query("peer_project", q => { shape(q); q.AddOrder("peer_name", OrderType.Ascending); }).Names("peer_name");

    // XrmMockup TestRetrieveMultiple.TestQueryExpressionNotEqualExcludesNull
    [Fact]
    public void Should_ExcludeNulls_When_NotEqualIsUsed()
    {
        Project("a", ("peer_priority", 1));
        Project("n");
        Assert.Equal(new[] { "a" }, Projects(q => q.Criteria.AddCondition("peer_priority", ConditionOperator.NotEqual, 2)));
    }

    // XrmMockup TestRetrieveMultiple.TestQueryExpressionNotInExcludesNull
    [Fact]
    public void Should_ExcludeNulls_When_NotInIsUsed()
    {
        Project("a", ("peer_priority", 1));
        Project("n");
        Assert.Equal(new[] { "a" }, Projects(q => q.Criteria.AddCondition("peer_priority", ConditionOperator.NotIn, 2, 3)));
    }

    // XrmMockup TestRetrieveMultiple.TestQueryExpressionIn
    [Fact]
    public void Should_MatchAnyValue_When_InIsUsed()
    {
        Project("a", ("peer_priority", 1));
        Project("b", ("peer_priority", 2));
        Project("c", ("peer_priority", 3));
        Assert.Equal(new[] { "a", "c" }, Projects(q => q.Criteria.AddCondition("peer_priority", ConditionOperator.In, 1, 3)));
    }

    // XrmMockup TestRetrieveMultiple.TestQueryExpressionInEmpty (an In with no values matches nothing)
    [Fact]
    public void Should_MatchNothing_When_InHasNoValues()
    {
        Project("a", ("peer_priority", 1));
        Assert.Empty(Projects(q => q.Criteria.Conditions.Add(new ConditionExpression("peer_priority", ConditionOperator.In,
            Array.Empty<object>()))));
    }

    // XrmMockup TestRetrieveMultiple.TestQueryExpressionInGuidAndState
    [Fact]
    public void Should_CombineIdsAndState_When_InIsUsedOnIds()
    {
        var a = Project("a");
        var b = Project("b");
        _crm.Service.Update(new Entity("peer_project", b) { ["statecode"] = new OptionSetValue(1) });
        Assert.Equal(new[] { "a" }, Projects(q =>
        {
            q.Criteria.AddCondition("peer_projectid", ConditionOperator.In, a, b);
            q.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        }));
    }

    // XrmMockup TestRetrieveMultiple.TestFetchExpressionIn
    [Fact]
    public void Should_MatchAnyValue_When_FetchUsesIn()
    {
        Project("a", ("peer_priority", 1));
        Project("b", ("peer_priority", 2));
        var rows = _crm.Fetch("<fetch><entity name='peer_project'><filter><condition attribute='peer_priority' operator='in'><value>"
            + "2</value><value>5</value></condition></filter></entity></fetch>");
        Assert.Equal(new[] { "b" }, rows.Names("peer_name"));
    }

    // XrmMockup TestRetrieveMultiple.TestFetchExpressionNotIn
    [Fact]
    public void Should_ExcludeValues_When_FetchUsesNotIn()
    {
        Project("a", ("peer_priority", 1));
        Project("b", ("peer_priority", 2));
        var rows = _crm.Fetch("<fetch><entity name='peer_project'><filter><condition attribute='peer_priority' operator='not-in'><value>"
            + "2</value></condition></filter></entity></fetch>");
        Assert.Equal(new[] { "a" }, rows.Names("peer_name"));
    }

    // XrmMockup TestRetrieveMultiple.TestRetrieveMultipleFilterNullOr
    [Fact]
    public void Should_MatchEitherSide_When_AnOrFilterTestsNull()
    {
        Project("a", ("peer_priority", 1));
        Project("n");
        Project("b", ("peer_priority", 9));
        Assert.Equal(new[] { "a", "n" }, Projects(q =>
        {
            var or = q.Criteria.AddFilter(LogicalOperator.Or);
            or.AddCondition("peer_priority", ConditionOperator.Null);
            or.AddCondition("peer_priority", ConditionOperator.Equal, 1);
        }));
    }

    // XrmMockup TestRetrieveMultiple.TestRetrieveMultipleFilterGreaterThan5UnderlyingNull
    [Fact]
    public void Should_SkipNulls_When_GreaterThanIsUsed()
    {
        Project("big", ("peer_priority", 9));
        Project("n");
        Assert.Equal(new[] { "big" }, Projects(q => q.Criteria.AddCondition("peer_priority", ConditionOperator.GreaterThan, 5)));
    }

    // FakeXrmEasy ConditionExpressionTests.When_executing_a_query_expression_equals_operator_is_case_insensitive; XrmMockup
    // TestCaseSensitivity
    [Fact]
    public void Should_IgnoreCase_When_EqualComparesText()
    {
        Project("Contoso");
        Assert.Equal(new[] { "Contoso" }, Projects(q => q.Criteria.AddCondition("peer_name", ConditionOperator.Equal, "CONTOSO")));
    }

    // XrmMockup TestRetrieveMultiple.TestQueryExpressionEqualOptionSet (an int value matches a choice)
    [Fact]
    public void Should_MatchAChoiceByNumber_When_EqualIsGivenAnInt()
    {
        Project("m", ("peer_stage", new OptionSetValue(3)));
        Project("z", ("peer_stage", new OptionSetValue(1)));
        Assert.Equal(new[] { "m" }, Projects(q => q.Criteria.AddCondition("peer_stage", ConditionOperator.Equal, 3)));
    }

    // XrmMockup TestRetrieveMultiple.TestFetchXmlEqualOptionSet
    [Fact]
    public void Should_MatchAChoice_When_FetchComparesItsValue()
    {
        Project("m", ("peer_stage", new OptionSetValue(3)));
        Assert.Single(_crm.Fetch("<fetch><entity name='peer_project'><filter><condition attribute='peer_stage' operator='eq' value='3' />"
            + "</filter></entity></fetch>").Entities);
    }

    // XrmMockup TestRetrieveMultiple.TestFetchXmlDateTimeEqual / FakeXrmEasy TypeConversionTests
    [Fact]
    public void Should_MatchADate_When_FetchComparesIt()
    {
        Project("d", ("peer_start", new DateTime(2025, 5, 6, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Single(_crm.Fetch("<fetch><entity name='peer_project'><filter><condition attribute='peer_start' operator='on-or-after' "
            + "value='2025-05-01' /></filter></entity></fetch>").Entities);
    }

    // FakeXrmEasy FakeContextTestFetchXmlTranslation.When_filtering_by_a_boolean_attribute_right_result_is_returned
    [Fact]
    public void Should_MatchTwoOptions_When_FetchComparesWithOneOrZero()
    {
        Project("yes", ("peer_isbillable", true));
        Project("no", ("peer_isbillable", false));
        Assert.Equal(new[] { "yes" },
            _crm.Fetch("<fetch><entity name='peer_project'><filter><condition attribute='peer_isbillable' operator='eq' value='1' />"
                + "</filter></entity></fetch>").Names("peer_name"));
    }

    // FakeXrmEasy FakeContextTestFetchXmlTranslation.When_filtering_by_a_money_attribute_and_using_proxy_types_right_result_is_returned
    [Fact]
    public void Should_CompareAmounts_When_FetchFiltersMoney()
    {
        Project("rich", ("peer_budget", new Money(500)));
        Project("poor", ("peer_budget", new Money(5)));
        Assert.Equal(new[] { "rich" },
            _crm.Fetch("<fetch><entity name='peer_project'><filter><condition attribute='peer_budget' operator='gt' value='100' />"
                + "</filter></entity></fetch>").Names("peer_name"));
    }

    // XrmMockup TestRetrieveMultiple.TestColumnComparison
    [Fact]
    public void Should_CompareTwoColumns_When_CompareColumnsIsSet()
    {
        Project("same", ("peer_priority", 3), ("peer_rate", 3m));
        Project("diff", ("peer_priority", 3), ("peer_rate", 4m));
        Assert.Equal(new[] { "same" }, Projects(q => q.Criteria.Conditions.Add(new ConditionExpression("peer_priority",
            ConditionOperator.Equal, true, "peer_rate"))));
    }

    // XrmMockup TestRetrieveMultiple.TestRetrieveMultipleTopCount
    [Fact]
    public void Should_ReturnAtMostTop_When_TopCountIsSet()
    {
        foreach (var name in new[] { "a", "b", "c" }) Project(name);
        Assert.Equal(2, _crm.Query("peer_project", q => q.TopCount = 2).Entities.Count);
    }

    // FakeXrmEasy FakeContextTestFetchXmlTranslation.When_executing_fetchxml_with_count_attribute_only_that_number_of_results_is_returned
    [Fact]
    public void Should_ReturnOnePage_When_FetchHasCount()
    {
        foreach (var name in new[] { "a", "b", "c" }) Project(name);
        var page = _crm.Fetch("<fetch count='2'><entity name='peer_project' /></fetch>");
        Assert.Equal(2, page.Entities.Count);
        Assert.True(page.MoreRecords);
    }

    // XrmMockup TestRetrieveMultiple.RetrieveMultipleTotalRecordCount
    [Fact]
    public void Should_CountAllRows_When_ReturnTotalRecordCountIsSet()
    {
        foreach (var name in new[] { "a", "b", "c" }) Project(name);
        var page = _crm.Query("peer_project", q => q.PageInfo = new PagingInfo { Count = 1, PageNumber = 1,
            ReturnTotalRecordCount = true });
        Assert.Equal(3, page.TotalRecordCount);
    }

    // XrmMockup TestRetrieveMultiple.RetrieveMultipleTotalRecordCountDefault
    [Fact]
    public void Should_ReportMinusOne_When_TotalRecordCountIsNotAskedFor()
    {
        Project("a");
        Assert.Equal(-1, _crm.Query("peer_project", _ => { }).TotalRecordCount);
    }

    // XrmMockup TestRetrieveMultiple.TestInnerJoin
    [Fact]
    public void Should_ReturnOnlyJoinedRows_When_InnerJoining()
    {
        var p = Project("with");
        Project("without");
        Task("t", p);
        Assert.Equal(new[] { "with" }, Projects(q => q.AddLink("peer_task", "peer_projectid", "peer_projectid")));
    }

    // XrmMockup TestRetrieveMultiple.TestLeftJoin
    [Fact]
    public void Should_KeepUnjoinedRows_When_OuterJoining()
    {
        var p = Project("with");
        Project("without");
        Task("t", p);
        Assert.Equal(new[] { "with", "without" }, Projects(q => q.AddLink("peer_task", "peer_projectid", "peer_projectid",
            JoinOperator.LeftOuter)));
    }

    // XrmMockup TestRetrieveMultiple.TestNotAnyJoin
    [Fact]
    public void Should_ReturnRowsWithoutRelatedRows_When_JoinIsNotAny()
    {
        var p = Project("with");
        Project("without");
        Task("t", p);
        Assert.Equal(new[] { "without" }, Projects(q => q.AddLink("peer_task", "peer_projectid", "peer_projectid", JoinOperator.NotAny)));
    }

    // XrmMockup TestRetrieveMultiple.TestNotAnyJoinFetchXml
    [Fact]
    public void Should_ReturnRowsWithoutRelatedRows_When_FetchUsesNotAny()
    {
        var p = Project("with");
        Project("without");
        Task("t", p);
        var rows = _crm.Fetch("<fetch><entity name='peer_project'><attribute name='peer_name' /><link-entity name='peer_task' "
            + "from='peer_projectid' to='peer_projectid' link-type='not any' /></entity></fetch>");
        Assert.Equal(new[] { "without" }, rows.Names("peer_name"));
    }

    // link-type all (link-entity reference: every related row satisfies the link filters, parents without related rows included)
    [Fact]
    public void Should_ReturnParentsWhoseEveryChildMatches_When_LinkTypeIsAll()
    {
        var allBig = Project("allbig");
        var mixed = Project("mixed");
        Project("none");
        Task("a", allBig, 10);
        Task("b", mixed, 10);
        Task("c", mixed, 1);
        var rows = _crm.Fetch("<fetch><entity name='peer_project'><attribute name='peer_name' /><order attribute='peer_name' />"
            + "<link-entity name='peer_task' from='peer_projectid' to='peer_projectid' link-type='all'><filter><condition "
            + "attribute='peer_hours' operator='gt' value='5' /></filter></link-entity></entity></fetch>");
        Assert.Equal(new[] { "allbig", "none" }, rows.Names("peer_name"));
    }

    // link-type not all (link-entity reference: at least one related row does not satisfy the link filters)
    [Fact]
    public void Should_ReturnParentsWithAChildThatDoesNotMatch_When_LinkTypeIsNotAll()
    {
        var allBig = Project("allbig");
        var mixed = Project("mixed");
        Task("a", allBig, 10);
        Task("b", mixed, 10);
        Task("c", mixed, 1);
        var rows = _crm.Fetch("<fetch><entity name='peer_project'><attribute name='peer_name' />"
            + "<link-entity name='peer_task' from='peer_projectid' to='peer_projectid' link-type='not all'><filter><condition "
            + "attribute='peer_hours' operator='gt' value='5' /></filter></link-entity></entity></fetch>");
        Assert.Equal(new[] { "mixed" }, rows.Names("peer_name"));
    }

    // XrmMockup TestRetrieveMultiple.TestFilterOnJoin
    [Fact]
    public void Should_FilterOnTheLinkedTable_When_LinkCriteriaAreSet()
    {
        var a = Project("a");
        var b = Project("b");
        Task("long", a, 10);
        Task("short", b, 1);
        Assert.Equal(new[] { "a" }, Projects(q =>
            q.AddLink("peer_task", "peer_projectid", "peer_projectid").LinkCriteria.AddCondition("peer_hours",
                ConditionOperator.GreaterThan, 5)));
    }

    // FakeXrmEasy QueryLinkEntityTests.Should_Not_Apply_Left_Outer_Join_Filters_When_The_Right_hand_side_of_the_expression_wasnt_found
    [Fact]
    public void Should_KeepTheParent_When_AnOuterLinksFilterMatchesNoChild()
    {
        var a = Project("a");
        Task("short", a, 1);
        var link = new LinkEntity("peer_project", "peer_task", "peer_projectid", "peer_projectid",
            JoinOperator.LeftOuter) { EntityAlias = "t" };
        link.LinkCriteria.AddCondition("peer_hours", ConditionOperator.GreaterThan, 5);
        Assert.Equal(new[] { "a" }, Projects(q => q.LinkEntities.Add(link)));
    }

    // XrmMockup TestRetrieveMultiple.TestNestedJoins
    [Fact]
    public void Should_JoinThroughTwoLevels_When_LinksAreNested()
    {
        var contact = _crm.Add("contact", ("lastname", "Boss"));
        var p = Project("p", ("peer_contactid", new EntityReference("contact", contact)));
        Task("t", p);
        var query = new QueryExpression("peer_task") { ColumnSet = new ColumnSet("peer_name") };
        var toProject = query.AddLink("peer_project", "peer_projectid", "peer_projectid");
        var toContact = toProject.AddLink("contact", "peer_contactid", "contactid");
        toContact.EntityAlias = "c";
        toContact.Columns = new ColumnSet("lastname");
        var row = _crm.Service.RetrieveMultiple(query).Entities.Single();
        Assert.Equal("Boss", ((AliasedValue)row["c.lastname"]).Value);
    }

    // XrmMockup TestRetrieveMultiple.RetrieveMultipleWithAliasedNullAttribute: a null linked value is absent
    [Fact]
    public void Should_LeaveOutNullLinkedColumns_When_ALinkedValueIsEmpty()
    {
        var p = Project("p");
        Task("t", p);
        var query = new QueryExpression("peer_task") { ColumnSet = new ColumnSet("peer_name") };
        var link = query.AddLink("peer_project", "peer_projectid", "peer_projectid");
        link.EntityAlias = "p";
        link.Columns = new ColumnSet("peer_priority");
        Assert.False(_crm.Service.RetrieveMultiple(query).Entities.Single().Contains("p.peer_priority"));
    }

    // XrmMockup TestRetrieveMultiple.RetrieveMultipleWithLinkEntitiesReturnDistinctResults
    [Fact]
    public void Should_ReturnEachParentOnce_When_DistinctIsSetOverAJoin()
    {
        var p = Project("p");
        Task("a", p);
        Task("b", p);
        var query = new QueryExpression("peer_project") { ColumnSet = new ColumnSet("peer_name"), Distinct = true };
        query.AddLink("peer_task", "peer_projectid", "peer_projectid");
        Assert.Single(_crm.Service.RetrieveMultiple(query).Entities);
    }

    // FakeXrmEasy QueryLinkEntityTests.When_There_Is_A_LinkedEntity_The_Output_EntityAlias_Should_Be_Suffixed_With_1
    [Fact]
    public void Should_NameTheAliasAfterTheTable_When_ALinkHasNoAlias()
    {
        var p = Project("p");
        Task("t", p);
        var query = new QueryExpression("peer_project") { ColumnSet = new ColumnSet("peer_name") };
        query.AddLink("peer_task", "peer_projectid", "peer_projectid").Columns = new ColumnSet("peer_name");
        Assert.Contains("peer_task1.peer_name", _crm.Service.RetrieveMultiple(query).Entities.Single().Attributes.Keys);
    }

    // FakeXrmEasy AggregateTests.FetchXml_Aggregate_Group_Count
    [Fact]
    public void Should_CountPerGroup_When_FetchGroupsAndCounts()
    {
        Project("a", ("peer_priority", 1));
        Project("b", ("peer_priority", 1));
        Project("c", ("peer_priority", 2));
        var rows = _crm.Fetch("<fetch aggregate='true'><entity name='peer_project'><attribute name='peer_priority' alias='p' "
            + "groupby='true' />"
            + "<attribute name='peer_projectid' alias='n' aggregate='count' /><order alias='p' /></entity></fetch>");
        Assert.Equal(new[] { 2, 1 }, rows.Entities.Select(e => (int)((AliasedValue)e["n"]).Value));
    }

    // FakeXrmEasy AggregateTests.FetchXml_Aggregate_Sum_Money
    [Fact]
    public void Should_SumMoney_When_FetchAggregatesMoney()
    {
        Project("a", ("peer_budget", new Money(10)));
        Project("b", ("peer_budget", new Money(15)));
        var rows = _crm.Fetch("<fetch aggregate='true'><entity name='peer_project'><attribute name='peer_budget' alias='s' "
            + "aggregate='sum' /></entity></fetch>");
        Assert.Equal(25m, ((Money)((AliasedValue)rows.Entities[0]["s"]).Value).Value);
    }

    // FakeXrmEasy AggregateTests.FetchXml_Aggregate_CountDistinct
    [Fact]
    public void Should_CountDistinctValues_When_CountColumnIsDistinct()
    {
        Project("a", ("peer_priority", 1));
        Project("b", ("peer_priority", 1));
        Project("c", ("peer_priority", 2));
        var rows = _crm.Fetch("<fetch aggregate='true'><entity name='peer_project'><attribute name='peer_priority' alias='d' "
            + "aggregate='countcolumn' distinct='true' /></entity></fetch>");
        Assert.Equal(2, ((AliasedValue)rows.Entities[0]["d"]).Value);
    }

    // FakeXrmEasy AggregateTests.FetchXml_Aggregate_NoRows_NoGroups_Count
    [Fact]
    public void Should_ReturnZero_When_CountingNoRows()
    {
        var rows = _crm.Fetch("<fetch aggregate='true'><entity name='peer_project'><attribute name='peer_projectid' alias='n' "
            + "aggregate='count' /></entity></fetch>");
        Assert.Equal(0, ((AliasedValue)rows.Entities[0]["n"]).Value);
    }

    // FakeXrmEasy AggregateTests.FetchXml_Aggregate_Avg_With_Nulls (nulls are ignored)
    [Fact]
    public void Should_IgnoreNulls_When_Averaging()
    {
        Project("a", ("peer_rate", 2m));
        Project("b", ("peer_rate", 4m));
        Project("n");
        var rows = _crm.Fetch("<fetch aggregate='true'><entity name='peer_project'><attribute name='peer_rate' alias='avg' "
            + "aggregate='avg' /></entity></fetch>");
        Assert.Equal(3m, ((AliasedValue)rows.Entities[0]["avg"]).Value);
    }

    // FakeXrmEasy AggregateTests.FetchXml_Aggregate_Max_Date_With_Nulls
    [Fact]
    public void Should_ReturnTheLatestDate_When_MaxAggregatesDates()
    {
        Project("a", ("peer_start", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Project("b", ("peer_start", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Project("n");
        var rows = _crm.Fetch("<fetch aggregate='true'><entity name='peer_project'><attribute name='peer_start' alias='m' aggregate='max' "
            + "/></entity></fetch>");
        Assert.Equal(2025, ((DateTime)((AliasedValue)rows.Entities[0]["m"]).Value).Year);
    }

    // FakeXrmEasy AggregateTests.FetchXml_Aggregate_Dategroup_Year
    [Fact]
    public void Should_GroupByYear_When_DateGroupingIsYear()
    {
        Project("a", ("peer_start", new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc)));
        Project("b", ("peer_start", new DateTime(2024, 9, 1, 0, 0, 0, DateTimeKind.Utc)));
        Project("c", ("peer_start", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        var rows = _crm.Fetch("<fetch aggregate='true'><entity name='peer_project'><attribute name='peer_start' alias='y' groupby='true' "
            + "dategrouping='year' />"
            + "<attribute name='peer_projectid' alias='n' aggregate='count' /><order alias='y' /></entity></fetch>");
        Assert.Equal(new[] { (2024, 2), (2025, 1) }, rows.Entities.Select(e => ((int)((AliasedValue)e["y"]).Value,
            (int)((AliasedValue)e["n"]).Value)));
    }

    // Fiscal date grouping ("Aggregate data using FetchXml": fiscal-period / fiscal-year groupings use the organization's fiscal
    // settings); peer FakeXrmEasy AggregateTests.FetchXml_Aggregate_Dategroup_Quarter groups calendar quarters, this is the fiscal form.
    [Fact]
    public void Should_GroupByFiscalPeriod_When_DateGroupingIsFiscalPeriod()
    {
        var crm = PeerFixture.Create(new EmulatorOptions { FiscalCalendar = new FiscalCalendar(startMonth: 4, monthsPerPeriod: 3) });
        crm.Add("peer_project", ("peer_name", "apr"), ("peer_start", new DateTime(2025, 4, 10, 0, 0, 0, DateTimeKind.Utc)));
        crm.Add("peer_project", ("peer_name", "jun"), ("peer_start", new DateTime(2025, 6, 10, 0, 0, 0, DateTimeKind.Utc)));
        crm.Add("peer_project", ("peer_name", "feb"), ("peer_start", new DateTime(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc)));
        var rows = crm.Fetch("<fetch aggregate='true'><entity name='peer_project'><attribute name='peer_start' alias='fp' groupby='true' "
            + "dategrouping='fiscal-period' />"
            + "<attribute name='peer_projectid' alias='n' aggregate='count' /><order alias='fp' /></entity></fetch>");
        Assert.Equal(new[] { (1, 2), (4, 1) }, rows.Entities.Select(e => ((int)((AliasedValue)e["fp"]).Value,
            (int)((AliasedValue)e["n"]).Value)));
    }

    // Same documentation page, fiscal-year grouping: a fiscal year starting in April 2025 holds February 2026.
    [Fact]
    public void Should_GroupByFiscalYear_When_DateGroupingIsFiscalYear()
    {
        var crm = PeerFixture.Create(new EmulatorOptions { FiscalCalendar = new FiscalCalendar(startMonth: 4, monthsPerPeriod: 3) });
        crm.Add("peer_project", ("peer_name", "mar"), ("peer_start", new DateTime(2025, 3, 10, 0, 0, 0, DateTimeKind.Utc)));
        crm.Add("peer_project", ("peer_name", "feb"), ("peer_start", new DateTime(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc)));
        var rows = crm.Fetch("<fetch aggregate='true'><entity name='peer_project'><attribute name='peer_start' alias='fy' groupby='true' "
            + "dategrouping='fiscal-year' />"
            + "<attribute name='peer_projectid' alias='n' aggregate='count' /><order alias='fy' /></entity></fetch>");
        Assert.Equal(new[] { 2024, 2025 }, rows.Entities.Select(e => (int)((AliasedValue)e["fy"]).Value));
    }

    // FakeXrmEasy BusinessIdTests.FetchXml_Operator_EqualBusinessId_Execution (QueryExpression form)
    [Fact]
    public void Should_MatchTheCallersBusinessUnit_When_EqualBusinessIdIsUsed()
    {
        var query = new QueryExpression("systemuser") { ColumnSet = new ColumnSet("fullname") };
        query.Criteria.AddCondition("businessunitid", ConditionOperator.EqualBusinessId);
        Assert.NotEmpty(_crm.Service.RetrieveMultiple(query).Entities);
    }

    // ConditionOperator.EqualUserId ("the value is equal to the specified user ID"): rows the caller owns
    [Fact]
    public void Should_ReturnTheCallersRows_When_EqualUserIdIsUsed()
    {
        Project("mine");
        _crm.Add("peer_project", ("peer_name", "theirs"), ("ownerid", new EntityReference("systemuser", _crm.CreateUser("Other"))));
        Assert.Equal(new[] { "mine" }, Projects(q => q.Criteria.AddCondition("ownerid", ConditionOperator.EqualUserId)));
    }

    // ConditionOperator.EqualUserLanguage ("the value is equal to the language for the user"): the Spanish caller matches 3082
    [Fact]
    public void Should_MatchTheCallersLanguage_When_EqualUserLanguageIsUsed()
    {
        Project("es", ("peer_priority", 3082));
        Project("en", ("peer_priority", 1033));
        var spanish = _crm.ServiceAs(_crm.CreateUser("Usuario", uiLanguageId: 3082));
        var query = new QueryExpression("peer_project") { ColumnSet = new ColumnSet("peer_name") };
        query.Criteria.AddCondition("peer_priority", ConditionOperator.EqualUserLanguage);
        Assert.Equal(new[] { "es" }, spanish.RetrieveMultiple(query).Names("peer_name"));
    }

    // ConditionOperator.EqualUserOrUserTeams: the caller's own rows (the emulator has no team membership, so only the user)
    [Fact]
    public void Should_ReturnTheCallersRows_When_EqualUserOrUserTeamsIsUsed()
    {
        Project("mine");
        _crm.Add("peer_project", ("peer_name", "theirs"), ("ownerid", new EntityReference("systemuser", _crm.CreateUser("Other"))));
        Assert.Equal(new[] { "mine" }, Projects(q => q.Criteria.AddCondition("ownerid", ConditionOperator.EqualUserOrUserTeams)));
    }

    // ConditionOperator.EqualUserOrUserHierarchy: the caller and the users below (no manager hierarchy here, so the caller)
    [Fact]
    public void Should_ReturnTheCallersRows_When_EqualUserOrUserHierarchyIsUsed()
    {
        Project("mine");
        Assert.Equal(new[] { "mine" }, Projects(q => q.Criteria.AddCondition("ownerid", ConditionOperator.EqualUserOrUserHierarchy)));
    }

    // ConditionOperator.EqualUserTeams in FetchXML (eq-userteams): a user on no team matches nothing, and the query does not fail
    [Fact]
    public void Should_MatchNothing_When_TheCallerIsOnNoTeam()
    {
        Project("mine");
        Assert.Empty(_crm.Fetch("<fetch><entity name='peer_project'><filter><condition attribute='ownerid' operator='eq-userteams' />"
            + "</filter></entity></fetch>").Entities);
    }

    // A fiscal operator with a non-numeric value is refused by the platform, not by a .NET parse (FakeXrmEasy DateTimeOperatorsTests shape)
    [Fact]
    public void Should_Fault_When_AFiscalOperatorValueIsNotANumber() => Faults.Expect(ErrorCodes.InvalidArgument, () =>
        _crm.Fetch("<fetch><entity name='peer_project'><filter><condition attribute='peer_start' operator='last-x-fiscal-years' "
            + "value='some' /></filter></entity></fetch>"));
}
