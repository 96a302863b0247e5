using System;
using System.Linq;
using System.ServiceModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Tests;

/// <summary>Marketing-list membership through AddMemberList and RemoveMemberList (listmember rows).</summary>
public sealed class ListMembershipTests
{
    [Fact]
    public void Should_DeleteTheListMemberRow_When_RemoveMemberListNamesAMember()
    {
        var crm = EmulatorFixture.Create();
        var listId = crm.Service.Create(
            new Entity("list") { ["listname"] = "VIP", ["membertype"] = 2, ["createdfromcode"] = new OptionSetValue(2) });
        var contactId = crm.Service.Create(new Entity("contact") { ["lastname"] = "Doe" });
        crm.Service.Execute(new AddMemberListRequest { ListId = listId, EntityId = contactId });

        crm.Service.Execute(new RemoveMemberListRequest { ListId = listId, EntityId = contactId });

        Assert.Equal(0, crm.Count("listmember"));
    }

    [Fact]
    public void Should_LeaveOtherMembers_When_RemoveMemberListNamesARecordThatIsNotAMember()
    {
        var crm = EmulatorFixture.Create();
        var listId = crm.Service.Create(
            new Entity("list") { ["listname"] = "VIP", ["membertype"] = 2, ["createdfromcode"] = new OptionSetValue(2) });
        var member = crm.Service.Create(new Entity("contact") { ["lastname"] = "Member" });
        var outsider = crm.Service.Create(new Entity("contact") { ["lastname"] = "Outsider" });
        crm.Service.Execute(new AddMemberListRequest { ListId = listId, EntityId = member });

        crm.Service.Execute(new RemoveMemberListRequest { ListId = listId, EntityId = outsider });

        Assert.Equal(member, crm.All("listmember").Single().GetAttributeValue<EntityReference>("entityid").Id);
    }

    [Fact]
    public void Should_FailWithRecordNotFound_When_RemoveMemberListNamesAnUnknownList()
    {
        var crm = EmulatorFixture.Create();
        var contactId = crm.Service.Create(new Entity("contact") { ["lastname"] = "Doe" });

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(
            () => crm.Service.Execute(new RemoveMemberListRequest { ListId = Guid.NewGuid(), EntityId = contactId }));

        Assert.Contains("list", fault.Detail.Message, StringComparison.OrdinalIgnoreCase);
    }
}
