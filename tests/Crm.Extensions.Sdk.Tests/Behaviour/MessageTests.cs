using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Sdk.Tests.Behaviour;

public sealed class MessageTests
{
    [Fact]
    public void Should_KeepPropertiesInParameters_When_BuildingARequest()
    {
        var target = new Entity("contact");

        var request = new UpdateRequest { Target = target, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches };

        Assert.Equal("Update", request.RequestName);
        Assert.Same(target, request.Parameters["Target"]);
        Assert.Equal(ConcurrencyBehavior.IfRowVersionMatches, request["ConcurrencyBehavior"]);
    }

    [Fact]
    public void Should_ReadResults_When_AResponseIsFilled()
    {
        var id = Guid.NewGuid();
        var response = new CreateResponse();

        response.Results["id"] = id;

        Assert.Equal(id, response.id);
        Assert.Null(new RetrieveResponse().Entity);
    }

    [Theory]
    [InlineData("Create", typeof(CreateRequest))]
    [InlineData("Upsert", typeof(UpsertRequest))]
    [InlineData("ExecuteMultiple", typeof(ExecuteMultipleRequest))]
    [InlineData("ExecuteTransaction", typeof(ExecuteTransactionRequest))]
    [InlineData("CreateMultiple", typeof(CreateMultipleRequest))]
    [InlineData("UpdateMultiple", typeof(UpdateMultipleRequest))]
    public void Should_NameTheMessage_When_ARequestIsCreated(string name, Type requestType)
    {
        var request = (OrganizationRequest)Activator.CreateInstance(requestType)!;

        Assert.Equal(name, request.RequestName);
    }

    [Fact]
    public void Should_LinkFromTheQueryTable_When_AddingALink()
    {
        var query = new QueryExpression("invoice");

        var link = query.AddLink("invoicedetail", "invoiceid", "invoiceid", JoinOperator.LeftOuter);

        Assert.Equal("invoice", link.LinkFromEntityName);
        Assert.Equal(JoinOperator.LeftOuter, link.JoinOperator);
        Assert.Same(link, Assert.Single(query.LinkEntities));
    }

    [Fact]
    public void Should_CollectValues_When_BuildingConditions()
    {
        var filter = new FilterExpression(LogicalOperator.Or);

        filter.AddCondition("statuscode", ConditionOperator.In, 1, 2);
        filter.AddCondition(new ConditionExpression("name", ConditionOperator.Null));

        Assert.Equal(new object[] { 1, 2 }, filter.Conditions[0].Values);
        Assert.Empty(filter.Conditions[1].Values);
    }

    [Theory]
    [InlineData(ConditionOperator.Equal, 0)]
    [InlineData(ConditionOperator.Between, 10)]
    [InlineData(ConditionOperator.BeginsWith, 54)]
    [InlineData(ConditionOperator.EqualUserTeams, 73)]
    [InlineData(ConditionOperator.Under, 75)]
    [InlineData(ConditionOperator.Above, 78)]
    [InlineData(ConditionOperator.AboveOrEqual, 79)]
    [InlineData(ConditionOperator.DoesNotContainValues, 88)]
    public void Should_KeepTheSdkNumber_When_AConditionOperatorIsSerialized(ConditionOperator op, int value)
    {
        Assert.Equal(value, (int)op);
        Assert.Equal(89, Enum.GetValues<ConditionOperator>().Length);
    }
}
