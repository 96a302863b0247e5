using System;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests;

public class QueryTests
{
    private readonly DataverseEmulator _crm = EmulatorFixture.Create();

    private Guid Contact(string last, string? first = null, int children = 0, Guid? account = null, DateTime? birth = null)
    {
        var contact = new Entity("contact") { ["lastname"] = last, ["firstname"] = first, ["numberofchildren"] = children,
            ["birthdate"] = birth };
        if (account is not null) contact["parentcustomerid"] = new EntityReference("account", account.Value);
        _crm.Seed(contact);
        return contact.Id;
    }

    private Guid Account(string name)
    {
        var account = new Entity("account") { ["name"] = name };
        _crm.Seed(account);
        return account.Id;
    }

    [Fact]
    public void Should_MatchNestedFilters_When_QueryCombinesAndOr()
    {
        Contact("Adams", "Ann", 1);
        Contact("Baker", "Bob", 3);
        Contact("Clark", null, 5);
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("numberofchildren", ConditionOperator.GreaterThan, 0);
        var either = query.Criteria.AddFilter(LogicalOperator.Or);
        either.AddCondition("firstname", ConditionOperator.Like, "a%");
        either.AddCondition("firstname", ConditionOperator.Null);
        query.AddOrder("lastname", OrderType.Descending);

        var names = _crm.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("lastname"));

        Assert.Equal(new[] { "Clark", "Adams" }, names);
    }

    [Fact]
    public void Should_SkipNullRows_When_ConditionIsNotEqual()
    {
        Contact("A", "x");
        Contact("B", null);

        var query = new QueryExpression("contact");
        query.Criteria.AddCondition("firstname", ConditionOperator.NotEqual, "y");

        Assert.Single(_crm.Service.RetrieveMultiple(query).Entities);
    }

    [Fact]
    public void Should_ReturnAliasedColumns_When_QueryLinksEntitiesWithAliases()
    {
        var contoso = Account("Contoso");
        var fabrikam = Account("Fabrikam");
        Contact("Doe", account: contoso);
        Contact("Roe", account: fabrikam);
        Contact("Loner");
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        var link = query.AddLink("account", "parentcustomerid", "accountid", JoinOperator.LeftOuter);
        link.EntityAlias = "acc";
        link.Columns = new ColumnSet("name");
        query.AddOrder("lastname", OrderType.Ascending);

        var rows = _crm.Service.RetrieveMultiple(query).Entities;

        Assert.Equal(3, rows.Count);
        Assert.Equal("Contoso", rows[0].GetAttributeValue<AliasedValue>("acc.name").Value);
        Assert.False(rows[1].Contains("acc.name"));
        query.LinkEntities[0].JoinOperator = JoinOperator.Inner;
        query.LinkEntities[0].LinkCriteria.AddCondition("name", ConditionOperator.Equal, "Fabrikam");
        Assert.Equal("Roe", Assert.Single(_crm.Service.RetrieveMultiple(query).Entities)["lastname"]);
    }

    [Fact]
    public void Should_FilterRelativeDates_When_ClockMoves()
    {
        Contact("Recent", birth: _crm.Clock.UtcNow.AddDays(-2));
        Contact("Old", birth: _crm.Clock.UtcNow.AddDays(-40));
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("birthdate", ConditionOperator.LastXDays, 7);

        Assert.Equal("Recent", Assert.Single(_crm.Service.RetrieveMultiple(query).Entities)["lastname"]);
        _crm.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Empty(_crm.Service.RetrieveMultiple(query).Entities);
        query.Criteria.Conditions[0] = new ConditionExpression("birthdate", ConditionOperator.OlderThanXDays, 30);
        Assert.Equal("Old", Assert.Single(_crm.Service.RetrieveMultiple(query).Entities)["lastname"]);
    }

    [Fact]
    public void Should_ReturnOnlyThePrimaryKey_When_QueryExpressionAsksForNoColumns()
    {
        var id = Contact("Doe", "Jane");

        var row = Assert.Single(_crm.Service.RetrieveMultiple(new QueryExpression("contact")).Entities);

        Assert.Equal(new[] { "contactid" }, row.Attributes.Keys.ToArray());
        Assert.Equal(id, row.Id);
        var fetched = Assert.Single(
            _crm.Service.RetrieveMultiple(new FetchExpression("<fetch><entity name='contact' /></fetch>")).Entities);
        Assert.Equal("Jane", fetched["firstname"]);
    }

    [Fact]
    public void Should_ApplyTopCountAndDistinct_When_Requested()
    {
        Contact("Same", "a");
        Contact("Same", "b");
        Contact("Other");

        var distinct = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname"), Distinct = true };
        Assert.Equal(2, _crm.Service.RetrieveMultiple(distinct).Entities.Count);
        var top = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname"), TopCount = 1 };
        Assert.Single(_crm.Service.RetrieveMultiple(top).Entities);
    }

    [Fact]
    public void Should_PageWithCookies_When_ResultsExceedThePageSize()
    {
        for (var i = 0; i < 5; i++) Contact("C" + i);
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname"),
            PageInfo = new PagingInfo { Count = 2, PageNumber = 1 } };
        var seen = 0;
        while (true)
        {
            var page = _crm.Service.RetrieveMultiple(query);
            seen += page.Entities.Count;
            if (!page.MoreRecords) break;
            Assert.StartsWith("<cookie page=", page.PagingCookie);
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }

        Assert.Equal(5, seen);
        Assert.Equal(3, query.PageInfo.PageNumber);
    }

    [Fact]
    public void Should_CapPagesAtFiveThousandRows_When_NoPageSizeIsGiven()
    {
        for (var i = 0; i < 5001; i++) _crm.Seed(new Entity("test_log") { ["test_name"] = "row" });

        var page = _crm.Service.RetrieveMultiple(new QueryExpression("test_log"));

        Assert.Equal(5000, page.Entities.Count);
        Assert.True(page.MoreRecords);
    }

    [Fact]
    public void Should_MatchEquality_When_QueryByAttribute()
    {
        Contact("Doe", "Jane");
        Contact("Doe", "John");
        var query = new QueryByAttribute("contact") { ColumnSet = new ColumnSet("firstname") };
        query.AddAttributeValue("lastname", "doe");
        query.AddAttributeValue("firstname", "John");

        Assert.Equal("John", Assert.Single(_crm.Service.RetrieveMultiple(query).Entities)["firstname"]);
    }

    [Fact]
    public void Should_FilterAndLink_When_QueryIsFetchXml()
    {
        var contoso = Account("Contoso");
        Contact("Doe", account: contoso, children: 2);
        Contact("Roe", children: 2);
        var fetch = $@"<fetch>
  <entity name='contact'>
    <attribute name='lastname' />
    <filter type='and'><condition attribute='numberofchildren' operator='eq' value='2' /></filter>
    <link-entity name='account' from='accountid' to='parentcustomerid' alias='a'>
      <attribute name='name' />
      <filter><condition attribute='accountid' operator='eq' value='{contoso}' /></filter>
    </link-entity>
  </entity>
</fetch>";

        var row = Assert.Single(_crm.Service.RetrieveMultiple(new FetchExpression(fetch)).Entities);

        Assert.Equal("Doe", row["lastname"]);
        Assert.Equal("Contoso", row.GetAttributeValue<AliasedValue>("a.name").Value);
    }

    [Fact]
    public void Should_ComputeAggregates_When_FetchXmlIsAggregate()
    {
        var contoso = Account("Contoso");
        Contact("A", children: 1, account: contoso, birth: new DateTime(1990, 1, 5, 0, 0, 0, DateTimeKind.Utc));
        Contact("B", children: 3, account: contoso, birth: new DateTime(1991, 1, 9, 0, 0, 0, DateTimeKind.Utc));
        Contact("C", children: 5, birth: new DateTime(1992, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        const string fetch = @"<fetch aggregate='true'>
  <entity name='contact'>
    <attribute name='contactid' aggregate='count' alias='n' />
    <attribute name='parentcustomerid' aggregate='countcolumn' alias='linked' />
    <attribute name='numberofchildren' aggregate='sum' alias='total' />
    <attribute name='numberofchildren' aggregate='avg' alias='mean' />
    <attribute name='numberofchildren' aggregate='min' alias='least' />
    <attribute name='numberofchildren' aggregate='max' alias='most' />
  </entity>
</fetch>";

        var row = Assert.Single(_crm.Service.RetrieveMultiple(new FetchExpression(fetch)).Entities);
        object Value(string alias) => row.GetAttributeValue<AliasedValue>(alias).Value;

        Assert.Equal(3, Value("n"));
        Assert.Equal(2, Value("linked"));
        Assert.Equal(9, Value("total"));
        Assert.Equal(3m, Value("mean"));
        Assert.Equal(1, Value("least"));
        Assert.Equal(5, Value("most"));

        const string byMonth = @"<fetch aggregate='true'>
  <entity name='contact'>
    <attribute name='birthdate' groupby='true' dategrouping='month' alias='month' />
    <attribute name='contactid' aggregate='count' alias='n' />
    <order alias='month' />
  </entity>
</fetch>";
        var groups = _crm.Service.RetrieveMultiple(new FetchExpression(byMonth)).Entities
            .Select(e => ((int)e.GetAttributeValue<AliasedValue>("month").Value, (int)e.GetAttributeValue<AliasedValue>("n").Value))
                .ToArray();
        Assert.Equal(new[] { (1, 2), (6, 1) }, groups);
    }

    [Fact]
    public void Should_FailWithAggregateLimitCode_When_AggregateCoversMoreRowsThanTheLimit()
    {
        for (var i = 0; i < 4; i++) Contact("C" + i);
        const string fetch = "<fetch aggregate='true' aggregatelimit='3'><entity name='contact'><attribute name='contactid' " +
            "aggregate='count' alias='n' /></entity></fetch>";

        Faults.Expect(ErrorCodes.AggregateQueryRecordLimitExceeded, () => _crm.Service.RetrieveMultiple(new FetchExpression(fetch)));
    }

    [Fact]
    public void Should_FailWithAggregateLimitCode_When_AggregateCoversMoreThanFiftyThousandRows()
    {
        var rows = Enumerable.Range(0, 50001).Select(_ => new Entity("test_log")).ToArray();
        _crm.Seed(rows);
        const string fetch = "<fetch aggregate='true'><entity name='test_log'><attribute name='test_logid' aggregate='count' alias='n' " +
            "/></entity></fetch>";

        Faults.Expect(ErrorCodes.AggregateQueryRecordLimitExceeded, () => _crm.Service.RetrieveMultiple(new FetchExpression(fetch)));
    }

    [Fact]
    public void Should_RejectUnknownColumns_When_QueryNamesThem()
    {
        var query = new QueryExpression("contact");
        query.Criteria.AddCondition("nosuchcolumn", ConditionOperator.Equal, 1);

        Faults.Expect(ErrorCodes.QueryBuilderNoAttribute, () => _crm.Service.RetrieveMultiple(query));
    }
}
