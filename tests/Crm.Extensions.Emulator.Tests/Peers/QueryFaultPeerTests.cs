using System;
using Crm.Extensions.Emulator.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests.Peers;

/// <summary>Queries Dataverse refuses before reading rows (every case runs on an empty table, so the refusal cannot depend on
/// data).</summary>
public class QueryFaultPeerTests
{
    private readonly DataverseEmulator _crm = PeerFixture.Create();

    private void Refused(int code, QueryBase query) => Faults.Expect(code, () => _crm.Service.RetrieveMultiple(query));

    // XrmMockup TestRetrieveMultiple.TestRetrieveMultipleFilterAttributeLookupIsCaseSensitive
    [Fact]
    public void Should_FailAsUnknownColumn_When_AConditionNamesAColumnWithTheWrongCase()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("Name", ConditionOperator.Equal, "x");
        Refused(ErrorCodes.QueryBuilderNoAttribute, query);
    }

    // FakeXrmEasy ConditionExpressionTests.When_executing_a_query_expression_attributes_returned_are_case_sensitive
    [Fact]
    public void Should_FailAsUnknownColumn_When_TheColumnSetNamesAColumnWithTheWrongCase() =>
        Refused(ErrorCodes.QueryBuilderNoAttribute, new QueryExpression("account") { ColumnSet = new ColumnSet("NAME") });

    // XrmMockup TestRetrieveMultiple.TestRetrieveMultipleFilterOnInvalidAttributeFails
    [Fact]
    public void Should_FailAsUnknownColumn_When_AConditionNamesAMissingColumn()
    {
        var query = new QueryExpression("account");
        query.Criteria.AddCondition("nosuchcolumn", ConditionOperator.Equal, 1);
        Refused(ErrorCodes.QueryBuilderNoAttribute, query);
    }

    // XrmMockup TestRetrieveMultiple.TestRetrieveMultipleFetchXmlFilterOnInvalidAttributeFails
    [Fact]
    public void Should_FailAsUnknownColumn_When_FetchFiltersOnAMissingColumn() => Refused(ErrorCodes.QueryBuilderNoAttribute,
        new FetchExpression("<fetch><entity name='account'><filter><condition attribute='nosuch' operator='eq' value='1' /></filter>"
            + "</entity></fetch>"));

    // XrmMockup TestRetrieveMultiple.TestRetrieveMultipleLinkEntityFilterOnInvalidAttributeFails
    [Fact]
    public void Should_FailAsUnknownColumn_When_ALinkFiltersOnAMissingColumn()
    {
        var query = new QueryExpression("contact");
        var link = query.AddLink("account", "parentcustomerid", "accountid");
        link.EntityAlias = "a";
        link.LinkCriteria.AddCondition("nosuch", ConditionOperator.Equal, 1);
        Refused(ErrorCodes.QueryBuilderNoAttribute, query);
    }

    // XrmMockup TestRetrieve.TestRetrieveInvalidAttributeFails
    [Fact]
    public void Should_FailAsUnknownColumn_When_RetrieveAsksForAMissingColumn()
    {
        var id = _crm.Add("account", ("name", "x"));
        Faults.Expect(ErrorCodes.QueryBuilderNoAttribute, () => _crm.Service.Retrieve("account", id, new ColumnSet("invalidattribute")));
    }

    // FakeXrmEasy FakeContextTestFetchXmlTranslation.When_executing_fetchxml_with_a_not_integer_count_attribute_exception_is_thrown
    [Fact]
    public void Should_Fault_When_FetchCountIsNotANumber() =>
        Refused(ErrorCodes.InvalidArgument, new FetchExpression("<fetch count='many'><entity name='account' /></fetch>"));

    // FakeXrmEasy FakeContextTestFetchXmlTranslation.When_translating_a_fetch_xml_entity_node_must_have_a_name_attribute
    [Fact]
    public void Should_Fault_When_FetchEntityHasNoName() =>
        Refused(ErrorCodes.InvalidArgument, new FetchExpression("<fetch><entity /></fetch>"));

    // FakeXrmEasy FakeContextTestFetchXmlTranslation.When_translating_a_fetch_xml_expression_fetchxml_must_be_an_xml
    [Fact]
    public void Should_Fault_When_FetchIsNotXml() => Refused(ErrorCodes.InvalidArgument, new FetchExpression("this is not xml"));

    // FakeXrmEasy FakeContextTestFetchXmlTranslation.When_translating_a_fetch_xml_attribute_node_must_have_a_name_attribute
    [Fact]
    public void Should_Fault_When_FetchAttributeHasNoName() =>
        Refused(ErrorCodes.InvalidArgument, new FetchExpression("<fetch><entity name='account'><attribute /></entity></fetch>"));

    // FakeXrmEasy
    // ConditionExpressionTests.When_executing_a_query_expression_with_a_not_implemented_operator_pull_request_exception_is_thrown:
    // the peer throws its own exception; here an unknown fetch operator is the platform's fault, never a .NET exception.
    [Fact]
    public void Should_Fault_When_FetchUsesAnUnknownOperator() => Refused(ErrorCodes.InvalidArgument,
        new FetchExpression("<fetch><entity name='account'><filter><condition attribute='name' operator='sounds-like' value='x' />"
            + "</filter></entity></fetch>"));

    // Paging and TopCount: "Page results using QueryExpression"
    // (https://learn.microsoft.com/power-apps/developer/data-platform/org-service/queryexpression/page-results):
    // TopCount cannot be combined with PageInfo. Peer XrmMockup TestRetrieveMultiple.TestRetrieveMultipleTopCount covers TopCount alone.
    [Fact]
    public void Should_Fault_When_TopCountIsCombinedWithPageInfo() =>
        Refused(ErrorCodes.InvalidArgument, new QueryExpression("account") { TopCount = 5, PageInfo = new PagingInfo { Count = 10,
            PageNumber = 1 } });

    // Same documentation page: no total record count with TopCount. Peer XrmMockup TestRetrieveMultiple.RetrieveMultipleTotalRecordCount.
    [Fact]
    public void Should_Fault_When_TopCountIsCombinedWithReturnTotalRecordCount() =>
        Refused(ErrorCodes.InvalidArgument, new QueryExpression("account") { TopCount = 5,
            PageInfo = new PagingInfo { ReturnTotalRecordCount = true } });

    // FetchXML reference (fetch element): top cannot be used with count/page.
    [Fact]
    public void Should_Fault_When_FetchCombinesTopAndCount() =>
        Refused(ErrorCodes.InvalidArgument, new FetchExpression("<fetch top='5' count='10'><entity name='account' /></fetch>"));

    // Between needs two values (ConditionOperator reference, Between: "Two values").
    [Fact]
    public void Should_Fault_When_BetweenHasOneValue()
    {
        var query = new QueryExpression("account");
        query.Criteria.AddCondition("numberofemployees", ConditionOperator.Between, 1);
        Refused(ErrorCodes.InvalidArgument, query);
    }

    // Same: three values.
    [Fact]
    public void Should_Fault_When_NotBetweenHasThreeValues()
    {
        var query = new QueryExpression("account");
        query.Criteria.AddCondition("numberofemployees", ConditionOperator.NotBetween, 1, 2, 3);
        Refused(ErrorCodes.InvalidArgument, query);
    }

    // XrmMockup TestRetrieveMultiple.TestQueryExpressionIn uses object[]; a Guid[] passed as one value is one (array) value, which the
    // platform cannot compare with a column: it faults.
    [Fact]
    public void Should_Fault_When_AnArrayIsPassedAsOneInValue()
    {
        var query = new QueryExpression("account");
        query.Criteria.Conditions.Add(new ConditionExpression("accountid", ConditionOperator.In, new object[] { new[] { Guid.NewGuid(),
            Guid.NewGuid() } }));
        Refused(ErrorCodes.InvalidArgument, query);
    }

    // FakeXrmEasy AggregateTests (every aggregate attribute has aggregate or groupby); "Aggregate data using FetchXml"
    // (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data): an attribute without either faults.
    [Fact]
    public void Should_Fault_When_AnAggregateAttributeNeitherAggregatesNorGroups() =>
        Refused(ErrorCodes.InvalidArgument, new FetchExpression(
        "<fetch aggregate='true'><entity name='account'><attribute name='name' alias='n' /><attribute name='accountid' alias='c' "
            + "aggregate='count' /></entity></fetch>"));

    // Same documentation page: aggregate queries name their attributes; all-attributes is refused.
    [Fact]
    public void Should_Fault_When_AnAggregateUsesAllAttributes() => Refused(ErrorCodes.InvalidArgument,
        new FetchExpression("<fetch aggregate='true'><entity name='account'><all-attributes /></entity></fetch>"));

    // Same documentation page: an aggregate needs a usable alias.
    [Fact]
    public void Should_Fault_When_AnAggregateAliasIsBlank() => Refused(ErrorCodes.InvalidArgument,
        new FetchExpression("<fetch aggregate='true'><entity name='account'><attribute name='accountid' alias=' ' aggregate='count' />"
            + "</entity></fetch>"));

    // The QueryExpression form of the same rule (AttributeExpression without aggregate or group by).
    [Fact]
    public void Should_Fault_When_AnAttributeExpressionNeitherAggregatesNorGroups()
    {
        var query = new QueryExpression("account");
        query.ColumnSet.AttributeExpressions.Add(new XrmAttributeExpression("name", XrmAggregateType.None, "n"));
        Refused(ErrorCodes.InvalidArgument, query);
    }

    // FakeXrmEasy FakeContextTestRetrieve.When_retrieve_is_invoked_with_a_non_existing_logical_name_an_exception_is_thrown
    [Fact]
    public void Should_FailAsUnknownTable_When_QueryNamesAMissingTable() =>
        Refused(ErrorCodes.QueryBuilderNoEntity, new QueryExpression("nosuchtable"));

    // Link type all / not all on an empty table still validate their columns (XrmMockup
    // TestRetrieveMultiple.TestRetrieveMultipleLinkEntityWithEmptyAliasFilterOnInvalidAttributeFails)
    [Fact]
    public void Should_FailAsUnknownColumn_When_ALinkJoinsOnAMissingColumn()
    {
        var query = new QueryExpression("contact");
        query.AddLink("account", "nosuchcolumn", "accountid");
        Faults.Expect(ErrorCodes.QueryBuilderNoAttribute, () => { _crm.Add("contact",
            ("lastname", "x")); _crm.Service.RetrieveMultiple(query); });
    }

    // A condition may name the query's own table in EntityName (ConditionExpression.EntityName: "the logical name of the table
    // in the condition"). Peer XrmMockup TestRetrieveMultiple.TestQueryExpressionLinkEntityNoSetEntityName.
    [Fact]
    public void Should_AcceptTheCondition_When_EntityNameIsTheQueriedTable()
    {
        _crm.Add("account", ("name", "Fabrikam"));
        _crm.Add("account", ("name", "Contoso"));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("account", "name", ConditionOperator.Equal, "Contoso");
        Assert.Equal(new[] { "Contoso" }, _crm.Service.RetrieveMultiple(query).Names("name"));
    }

    // Same, in FetchXML: a condition with entityname equal to the root entity's name.
    [Fact]
    public void Should_AcceptTheCondition_When_FetchEntityNameIsTheRootTable()
    {
        _crm.Add("account", ("name", "Fabrikam"));
        var rows = _crm.Fetch("<fetch><entity name='account'><filter><condition entityname='account' attribute='name' operator='eq' "
            + "value='Fabrikam' /></filter></entity></fetch>");
        Assert.Single(rows.Entities);
    }

    // A value of the wrong type for the column is refused by the platform, not by a .NET cast (FakeXrmEasy LinqTests
    // EqualityWithDifferentDataTypesTests)
    [Fact]
    public void Should_Fault_When_AFetchValueDoesNotParseForTheColumn() => Refused(ErrorCodes.InvalidArgument,
        new FetchExpression("<fetch><entity name='account'><filter><condition attribute='numberofemployees' operator='eq' value='lots' />"
            + "</filter></entity></fetch>"));

    // An unknown link-type is refused (link-entity reference lists the valid types).
    [Fact]
    public void Should_Fault_When_FetchUsesAnUnknownLinkType() => Refused(ErrorCodes.InvalidArgument, new FetchExpression(
        "<fetch><entity name='contact'><link-entity name='account' from='accountid' to='parentcustomerid' link-type='sideways' /></entity>"
            + "</fetch>"));

    // Between with two values works (FakeXrmEasy DateTimeOperatorsTests uses between on dates).
    [Fact]
    public void Should_ReturnRowsInRange_When_BetweenHasTwoValues()
    {
        _crm.Add("account", ("name", "small"), ("numberofemployees", 5));
        _crm.Add("account", ("name", "big"), ("numberofemployees", 500));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("numberofemployees", ConditionOperator.Between, 1, 10);
        Assert.Equal(new[] { "small" }, _crm.Service.RetrieveMultiple(query).Names("name"));
    }

    // An EntityReference used as a condition value compares by id (XrmMockup TestRetrieveMultiple.TestQueryExpressionEqualGuid).
    [Fact]
    public void Should_MatchById_When_AConditionValueIsAnEntityReference()
    {
        var parent = _crm.Add("account", ("name", "parent"));
        _crm.Add("account", ("name", "child"), ("parentaccountid", new EntityReference("account", parent)));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("parentaccountid", ConditionOperator.Equal, parent);
        Assert.Equal(new[] { "child" }, _crm.Service.RetrieveMultiple(query).Names("name"));
    }
}
