using System;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Tests.Peers;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests;

/// <summary>
/// Sharing. Access to a record is checked in two steps: the privilege check (the role grants the privilege at any depth),
/// then the access check, passed by ownership, role depth or shared access ("How access to a record is determined",
/// learn.microsoft.com/power-platform/admin/how-record-access-determined). A share cannot give a right the user's roles do not
/// grant for the table, and several shares add up ("Sharing and assigning",
/// learn.microsoft.com/power-apps/developer/data-platform/security-sharing-assigning). Sharing needs the Share privilege on the
/// record (learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.grantaccessrequest, "Privileges and Access Rights").
/// Order Clerk: Read/Write test_order at Basic, no Share; Order Sharer: Read/Write/Share at Basic.
/// </summary>
public class SharingTests
{
    private readonly DataverseEmulator _crm = EmulatorFixture.Create();

    private static GrantAccessRequest Grant(string table, Guid id, Guid user, AccessRights rights) => new()
    {
        Target = new EntityReference(table, id),
        PrincipalAccess = new PrincipalAccess { Principal = new EntityReference("systemuser", user), AccessMask = rights },
    };

    // XrmMockup TestSharing.TestSharingAccess (delegateas/XrmMockup tests): a record shared with a user can be read by that user.
    [Fact]
    public void Should_LetTheUserReadTheRow_When_ItIsSharedWithReadAccess()
    {
        var sharer = _crm.CreateUser("Sharer", roles: new[] { "Order Sharer" });
        var clerk = _crm.CreateUser("Clerk", roles: new[] { "Order Clerk" });
        var order = _crm.ServiceAs(sharer).Create(new Entity("test_order") { ["test_name"] = "shared" });
        Faults.Expect(ErrorCodes.AccessCheckFailed, () => _crm.ServiceAs(clerk).Retrieve("test_order", order, new ColumnSet("test_name")));

        _crm.ServiceAs(sharer).Execute(Grant("test_order", order, clerk, AccessRights.ReadAccess));

        Assert.Equal("shared", _crm.ServiceAs(clerk).Retrieve("test_order", order, new ColumnSet("test_name"))["test_name"]);
        Assert.Single(_crm.ServiceAs(clerk).RetrieveMultiple(new QueryExpression("test_order")).Entities);
    }

    [Fact]
    public void Should_RefuseTheWrite_When_TheShareGrantsReadOnly()
    {
        var sharer = _crm.CreateUser("Sharer", roles: new[] { "Order Sharer" });
        var clerk = _crm.CreateUser("Clerk", roles: new[] { "Order Clerk" });
        var order = _crm.ServiceAs(sharer).Create(new Entity("test_order") { ["test_name"] = "shared" });
        _crm.ServiceAs(sharer).Execute(Grant("test_order", order, clerk, AccessRights.ReadAccess));

        var before = _crm.Get("test_order", order)!.GetAttributeValue<string>("test_note");

        Faults.Expect(ErrorCodes.AccessCheckFailed,
            () => _crm.ServiceAs(clerk).Update(new Entity("test_order", order) { ["test_note"] = "x" }));
        Assert.Equal(before, _crm.Get("test_order", order)!.GetAttributeValue<string>("test_note"));
    }

    // ModifyAccess replaces the rights; the write then passes.
    [Fact]
    public void Should_LetTheUserWrite_When_ModifyAccessAddsWriteAccess()
    {
        var sharer = _crm.CreateUser("Sharer", roles: new[] { "Order Sharer" });
        var clerk = _crm.CreateUser("Clerk", roles: new[] { "Order Clerk" });
        var order = _crm.ServiceAs(sharer).Create(new Entity("test_order") { ["test_name"] = "shared" });
        _crm.ServiceAs(sharer).Execute(Grant("test_order", order, clerk, AccessRights.ReadAccess));

        _crm.ServiceAs(sharer).Execute(new ModifyAccessRequest
        {
            Target = new EntityReference("test_order", order),
            PrincipalAccess = new PrincipalAccess
            {
                Principal = new EntityReference("systemuser", clerk), AccessMask = AccessRights.ReadAccess | AccessRights.WriteAccess,
            },
        });
        _crm.ServiceAs(clerk).Update(new Entity("test_order", order) { ["test_note"] = "edited" });

        Assert.Equal("edited", _crm.Get("test_order", order)!["test_note"]);
    }

    [Fact]
    public void Should_HideTheRowAgain_When_AccessIsRevoked()
    {
        var sharer = _crm.CreateUser("Sharer", roles: new[] { "Order Sharer" });
        var clerk = _crm.CreateUser("Clerk", roles: new[] { "Order Clerk" });
        var order = _crm.ServiceAs(sharer).Create(new Entity("test_order") { ["test_name"] = "shared" });
        _crm.ServiceAs(sharer).Execute(Grant("test_order", order, clerk, AccessRights.ReadAccess));

        _crm.ServiceAs(sharer).Execute(new RevokeAccessRequest
        {
            Target = new EntityReference("test_order", order), Revokee = new EntityReference("systemuser", clerk),
        });

        Assert.Empty(_crm.ServiceAs(clerk).RetrieveMultiple(new QueryExpression("test_order")).Entities);
    }

    // The caller needs prvShare: Order Clerk has none.
    [Fact]
    public void Should_FailWithMissingPrivilege_When_TheCallerLacksShare()
    {
        var clerk = _crm.CreateUser("Clerk", roles: new[] { "Order Clerk" });
        var other = _crm.CreateUser("Other", roles: new[] { "Order Clerk" });
        var order = _crm.ServiceAs(clerk).Create(new Entity("test_order") { ["test_name"] = "mine" });

        var fault = Faults.Expect(ErrorCodes.PrivilegeDenied,
            () => _crm.ServiceAs(clerk).Execute(Grant("test_order", order, other, AccessRights.ReadAccess)));

        Assert.Contains("prvSharetest_order", fault.Message, StringComparison.Ordinal);
        Assert.Empty(_crm.ServiceAs(other).RetrieveMultiple(new QueryExpression("test_order")).Entities);
    }

    // prvShare at Basic reaches only the caller's own rows.
    [Fact]
    public void Should_FailTheAccessCheck_When_TheShareDepthDoesNotReachTheRow()
    {
        var sharer = _crm.CreateUser("Sharer", roles: new[] { "Order Sharer" });
        var clerk = _crm.CreateUser("Clerk", roles: new[] { "Order Clerk" });
        var adminsOrder = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "admin's" });

        Faults.Expect(ErrorCodes.AccessCheckFailed,
            () => _crm.ServiceAs(sharer).Execute(Grant("test_order", adminsOrder, clerk, AccessRights.ReadAccess)));
    }

    // "You can't give a user any rights that they wouldn't have for that type of table": Order Clerk has no prvDelete.
    [Fact]
    public void Should_StillRefuseTheDelete_When_TheShareGrantsDeleteButTheRoleLacksIt()
    {
        var clerk = _crm.CreateUser("Clerk", roles: new[] { "Order Clerk" });
        var order = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "admin's" });
        _crm.Service.Execute(Grant("test_order", order, clerk, AccessRights.ReadAccess | AccessRights.DeleteAccess));

        Faults.Expect(ErrorCodes.PrivilegeDenied, () => _crm.ServiceAs(clerk).Delete("test_order", order));
        Assert.NotNull(_crm.Get("test_order", order));
    }

    // RetrievePrincipalAccess adds the shared rights to what the roles reach.
    [Fact]
    public void Should_ReportTheSharedRights_When_RetrievePrincipalAccessIsCalled()
    {
        var clerk = _crm.CreateUser("Clerk", roles: new[] { "Order Clerk" });
        var order = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "admin's" });
        _crm.Service.Execute(Grant("test_order", order, clerk, AccessRights.ReadAccess));

        var response = (RetrievePrincipalAccessResponse)_crm.Service.Execute(new RetrievePrincipalAccessRequest
        {
            Principal = new EntityReference("systemuser", clerk), Target = new EntityReference("test_order", order),
        });

        Assert.Equal(AccessRights.ReadAccess, response.AccessRights & (AccessRights.ReadAccess | AccessRights.WriteAccess));
    }

    [Fact]
    public void Should_ListThePrincipals_When_RetrieveSharedPrincipalsAndAccessIsCalled()
    {
        var clerk = _crm.CreateUser("Clerk", roles: new[] { "Order Clerk" });
        var order = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "x" });
        _crm.Service.Execute(Grant("test_order", order, clerk, AccessRights.ReadAccess));
        _crm.Service.Execute(Grant("test_order", order, clerk, AccessRights.WriteAccess));

        var shared = ((RetrieveSharedPrincipalsAndAccessResponse)_crm.Service.Execute(
            new RetrieveSharedPrincipalsAndAccessRequest { Target = new EntityReference("test_order", order) })).PrincipalAccesses;

        var only = Assert.Single(shared);
        Assert.Equal((clerk, AccessRights.ReadAccess | AccessRights.WriteAccess), (only.Principal.Id, only.AccessMask));
    }

    // A share made inside a request that fails is rolled back with it.
    [Fact]
    public void Should_DropTheShare_When_TheBatchRollsBack()
    {
        var clerk = _crm.CreateUser("Clerk", roles: new[] { "Order Clerk" });
        var order = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "x" });
        var batch = new Microsoft.Xrm.Sdk.Messages.ExecuteTransactionRequest
        {
            Requests = new OrganizationRequestCollection
            {
                Grant("test_order", order, clerk, AccessRights.ReadAccess),
                new Microsoft.Xrm.Sdk.Messages.DeleteRequest { Target = new EntityReference("test_order", Guid.NewGuid()) },
            },
        };

        Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => _crm.Service.Execute(batch));
        Assert.Empty(_crm.ServiceAs(clerk).RetrieveMultiple(new QueryExpression("test_order")).Entities);
    }

    // Share and Unshare cascade to children per CascadeShare / CascadeUnshare (peer_project_tasks: Cascade).
    [Fact]
    public void Should_ShareAndUnshareTheChildren_When_TheRelationshipCascadesSharing()
    {
        var crm = PeerFixture.Create();
        var user = crm.CreateUser("Reader");
        var project = crm.Add("peer_project", ("peer_name", "p"));
        var task = crm.Add("peer_task", ("peer_name", "t"), ("peer_projectid", new EntityReference("peer_project", project)));
        PrincipalAccess[] SharedOn(Guid id) => ((RetrieveSharedPrincipalsAndAccessResponse)crm.Service.Execute(
            new RetrieveSharedPrincipalsAndAccessRequest { Target = new EntityReference("peer_task", id) })).PrincipalAccesses;

        crm.Service.Execute(Grant("peer_project", project, user, AccessRights.ReadAccess));
        var shared = SharedOn(task).Single();
        crm.Service.Execute(new RevokeAccessRequest
        {
            Target = new EntityReference("peer_project", project), Revokee = new EntityReference("systemuser", user),
        });

        Assert.Equal((user, AccessRights.ReadAccess), (shared.Principal.Id, shared.AccessMask));
        Assert.Empty(SharedOn(task));
    }

    [Fact]
    public void Should_FaultWithRecordNotFound_When_ThePrincipalDoesNotExist()
    {
        var order = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "x" });
        Faults.Expect(ErrorCodes.ObjectDoesNotExist,
            () => _crm.Service.Execute(Grant("test_order", order, Guid.NewGuid(), AccessRights.ReadAccess)));
    }
}
