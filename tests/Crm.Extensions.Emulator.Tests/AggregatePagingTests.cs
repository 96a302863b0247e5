using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests;

public class AggregatePagingTests
{
    private readonly DataverseEmulator _crm = EmulatorFixture.Create();

    [Fact]
    public void Should_ReturnFiveThousandGroupsAPage_When_AnAggregateHasMoreGroups()
    {
        _crm.Seed(Enumerable.Range(0, 5003).Select(i => new Entity("account") { ["name"] = "A" + i.ToString("D5") }).ToArray());
        string Fetch(int page, string? cookie) =>
            $"<fetch aggregate='true' " +
            $"page='{page}'{(cookie is null ? "" : " paging-cookie='" + System.Security.SecurityElement.Escape(cookie) + "'")}>" +
            "<entity name='account'><attribute name='name' alias='name' groupby='true' /><attribute name='accountid' alias='rows' " +
            "aggregate='count' />" +
            "<order alias='name' /></entity></fetch>";

        var first = _crm.Service.RetrieveMultiple(new FetchExpression(Fetch(1, null)));
        var second = _crm.Service.RetrieveMultiple(new FetchExpression(Fetch(2, first.PagingCookie)));

        Assert.Equal((5000, true), (first.Entities.Count, first.MoreRecords));
        Assert.Equal((3, false), (second.Entities.Count, second.MoreRecords));
        Assert.Equal("A05002", second.Entities[^1].GetAttributeValue<AliasedValue>("name").Value);
    }
}
