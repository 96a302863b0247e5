using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests;

/// <summary>
/// Joins on ids and In/NotIn over ids take hashed paths (the 20,000-customer portfolio test needs them); these tests pin
/// that the answers are the ones the general comparison gives: ids written as Guid, text or EntityReference all match,
/// null lookups never match, and a list with a value that is not an id falls back to the general comparison.
/// </summary>
public class IdLookupQueryTests
{
    private readonly DataverseEmulator _crm = EmulatorFixture.Create();

    private Guid Account(string name)
    {
        var account = new Entity("account") { ["name"] = name };
        _crm.Seed(account);
        return account.Id;
    }

    private Guid Contact(string last, Guid? account)
    {
        var contact = new Entity("contact") { ["lastname"] = last };
        if (account is not null) contact["parentcustomerid"] = new EntityReference("account", account.Value);
        _crm.Seed(contact);
        return contact.Id;
    }

    [Fact]
    public void Should_MatchIdsGivenAsGuidTextOrReference_When_InNamesALookup()
    {
        var north = Account("North");
        var south = Account("South");
        var west = Account("West");
        Contact("Adams", north);
        Contact("Baker", south);
        Contact("Clark", west);
        Contact("Davis", null);
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("parentcustomerid", ConditionOperator.In, north, south.ToString("D").ToUpperInvariant(),
            new EntityReference("account", west));

        var names = _crm.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("lastname")).OrderBy(n => n)
            .ToList();

        Assert.Equal(new[] { "Adams", "Baker", "Clark" }, names);
    }

    [Fact]
    public void Should_SkipNullLookups_When_NotInNamesIds()
    {
        var north = Account("North");
        Contact("Adams", north);
        Contact("Baker", Account("South"));
        Contact("Davis", null);
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("parentcustomerid", ConditionOperator.NotIn, north);

        var names = _crm.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("lastname")).ToList();

        Assert.Equal(new[] { "Baker" }, names);
    }

    [Fact]
    public void Should_FallBackToTheGeneralComparison_When_AnInListHoldsSomethingElseThanIds()
    {
        Account("North");
        Account("South");
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("name", ConditionOperator.In, "north", Guid.NewGuid());

        var names = _crm.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("name")).ToList();

        Assert.Equal(new[] { "North" }, names);
    }

    [Fact]
    public void Should_JoinEveryMatchingRowAndKeepOuterRowsWithoutOne_When_ALinkJoinsOnALookup()
    {
        var north = Account("North");
        Account("Empty");
        Contact("Adams", north);
        Contact("Baker", north);
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var link = query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);
        link.EntityAlias = "c";
        link.Columns = new ColumnSet("lastname");

        var rows = _crm.Service.RetrieveMultiple(query).Entities
            .Select(e => e.GetAttributeValue<string>("name") + ":" + (e.GetAttributeValue<AliasedValue>("c.lastname")?.Value ?? "-"))
            .OrderBy(r => r)
            .ToList();

        Assert.Equal(new[] { "Empty:-", "North:Adams", "North:Baker" }, rows);
    }
}
