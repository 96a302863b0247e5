using System;
using Crm.Extensions.Emulator.Faults;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Tests;

/// <summary>
/// Append/AppendTo on lookups and Associate, custom API execute privileges and RetrievePrincipalAccess.
/// Append: "associate a record to another record"; Append To: "associate entity record to this record"
/// (learn.microsoft.com/previous-versions/dynamicscrm-2016/developers-guide/gg309366(v=crm.8)). A custom API's
/// ExecutePrivilegeName is the privilege a caller must hold to run it
/// (learn.microsoft.com/power-apps/developer/data-platform/custom-api-tables).
/// </summary>
public class AppendAndExecutePrivilegeTests
{
    private readonly DataverseEmulator _crm = EmulatorFixture.Create();

    [Fact]
    public void Should_FailWithMissingAppend_When_RoleCannotAppendTheRowThatGetsTheLookup()
    {
        var contact = _crm.Service.Create(new Entity("contact") { ["lastname"] = "Doe" });
        var auditor = _crm.ServiceAs(_crm.CreateUser("Auditor", roles: new[] { "Order Auditor" }));

        var fault = Faults.Expect(ErrorCodes.PrivilegeDenied, () => auditor.Create(new Entity("test_order")
        {
            ["test_name"] = "linked",
            ["test_customerid"] = new EntityReference("contact", contact),
        }));

        Assert.Contains("is missing prvAppendtest_order privilege", fault.Message, StringComparison.Ordinal);
        Assert.Equal(0, _crm.Count("test_order"));
    }

    [Fact]
    public void Should_FailTheAccessCheck_When_AppendToDepthDoesNotReachTheReferencedRow()
    {
        var clerkId = _crm.CreateUser("Clerk", roles: new[] { "Order Clerk" });
        var clerk = _crm.ServiceAs(clerkId);
        var othersContact = _crm.Service.Create(new Entity("contact") { ["lastname"] = "Not mine" });
        var order = clerk.Create(new Entity("test_order") { ["test_name"] = "mine" });

        Faults.Expect(ErrorCodes.AccessCheckFailed, () => clerk.Update(new Entity("test_order", order)
        {
            ["test_customerid"] = new EntityReference("contact", othersContact),
        }));

        Assert.Null(_crm.Get("test_order", order)!.GetAttributeValue<EntityReference>("test_customerid"));
    }

    [Fact]
    public void Should_SetTheLookup_When_RoleGrantsAppendAndAppendToOnBothRows()
    {
        var clerkId = _crm.CreateUser("Clerk", roles: new[] { "Order Clerk" });
        var ownContact = new Entity("contact") { ["lastname"] = "Mine", ["ownerid"] = new EntityReference("systemuser", clerkId) };
        _crm.Seed(ownContact);

        var order = _crm.ServiceAs(clerkId).Create(new Entity("test_order")
        {
            ["test_name"] = "linked",
            ["test_customerid"] = ownContact.ToEntityReference(),
        });

        Assert.Equal(ownContact.Id, _crm.Get("test_order", order)!.GetAttributeValue<EntityReference>("test_customerid").Id);
    }

    [Fact]
    public void Should_FailWithMissingAppend_When_AssociateIsCalledWithoutIt()
    {
        var contact = _crm.Service.Create(new Entity("contact") { ["lastname"] = "Doe" });
        var auditor = _crm.ServiceAs(_crm.CreateUser("Auditor", roles: new[] { "Order Auditor" }));
        var order = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "theirs, writable at Local depth" });

        var fault = Faults.Expect(ErrorCodes.PrivilegeDenied, () => auditor.Associate("contact", contact,
            new Relationship("test_contact_test_order"), new EntityReferenceCollection { new EntityReference("test_order", order) }));

        Assert.Contains("prvAppendtest_order", fault.Message, StringComparison.Ordinal);
        Assert.Null(_crm.Get("test_order", order)!.GetAttributeValue<EntityReference>("test_customerid"));
    }

    [Fact]
    public void Should_RefuseTheCustomApi_When_CallerLacksItsExecutePrivilege()
    {
        // test_Calculate declares <executeprivilegename>prvCreatetest_log</executeprivilegename>: the clerk holds it, the auditor does not.
        var auditor = _crm.ServiceAs(_crm.CreateUser("Auditor", roles: new[] { "Order Auditor" }));
        var clerk = _crm.ServiceAs(_crm.CreateUser("Clerk", roles: new[] { "Order Clerk" }));

        var fault = Faults.Expect(ErrorCodes.PrivilegeDenied,
            () => auditor.Execute(new OrganizationRequest("test_Calculate") { ["test_Input"] = 1 }));

        Assert.Contains("is missing prvCreatetest_log privilege", fault.Message, StringComparison.Ordinal);
        Assert.Equal(42, clerk.Execute(new OrganizationRequest("test_Calculate") { ["test_Input"] = 21 })["test_Output"]);
        Assert.Single(_crm.FiredSteps, s => s.Message == "test_Calculate");
    }

    [Fact]
    public void Should_ReportTheUsersRightsOnTheRow_When_RetrievePrincipalAccessIsCalled()
    {
        // RetrievePrincipalAccess returns the principal's AccessRights on the target record
        // (learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.retrieveprincipalaccessrequest).
        var clerkId = _crm.CreateUser("Clerk", roles: new[] { "Order Clerk" });
        var mine = _crm.ServiceAs(clerkId).Create(new Entity("test_order") { ["test_name"] = "mine" });
        var theirs = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "admin's" });

        AccessRights On(Guid order) => ((RetrievePrincipalAccessResponse)_crm.Service.Execute(new RetrievePrincipalAccessRequest
        {
            Principal = new EntityReference("systemuser", clerkId),
            Target = new EntityReference("test_order", order),
        })).AccessRights;

        Assert.Equal(
            AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.CreateAccess | AccessRights.AppendAccess
            | AccessRights.AppendToAccess, On(mine));
        Assert.Equal(AccessRights.None, On(theirs));
    }
}
