using System;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests;

public class SecurityRoleTests
{
    private readonly DataverseEmulator _crm = EmulatorFixture.Create();

    [Fact]
    public void Should_FailWithMissingPrivilege_When_RoleDoesNotGrantIt()
    {
        var clerk = _crm.ServiceAs(_crm.CreateUser("Clerk", roles: new[] { "Order Clerk" }));
        var order = clerk.Create(new Entity("test_order") { ["test_name"] = "mine" });

        var fault = Faults.Expect(ErrorCodes.PrivilegeDenied, () => clerk.Delete("test_order", order));

        Assert.Contains("is missing prvDeletetest_order privilege", fault.Message, StringComparison.Ordinal);
        Faults.Expect(ErrorCodes.PrivilegeDenied, () => clerk.Create(new Entity("contact") { ["lastname"] = "Nope" }));
        Assert.Equal(1, _crm.Count("test_order"));
        Assert.Equal(0, _crm.Count("contact"));
    }

    [Fact]
    public void Should_ReachOnlyOwnRows_When_PrivilegeDepthIsBasic()
    {
        var theirs = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "admin's" });
        var clerk = _crm.ServiceAs(_crm.CreateUser("Clerk", roles: new[] { "Order Clerk" }));
        var mine = clerk.Create(new Entity("test_order") { ["test_name"] = "clerk's" });

        clerk.Update(new Entity("test_order", mine) { ["test_note"] = "edited" });
        var visible = clerk.RetrieveMultiple(new QueryExpression("test_order") { ColumnSet = new ColumnSet("test_name") });

        Assert.Equal(new[] { mine }, visible.Entities.Select(e => e.Id));
        Faults.Expect(ErrorCodes.AccessCheckFailed, () => clerk.Retrieve("test_order", theirs, new ColumnSet("test_name")));
        Faults.Expect(ErrorCodes.AccessCheckFailed, () => clerk.Update(new Entity("test_order", theirs) { ["test_note"] = "hijack" }));
        Assert.Null(_crm.Get("test_order", theirs)!.GetAttributeValue<string>("test_note"));
    }

    [Fact]
    public void Should_ReachEveryRow_When_PrivilegeDepthIsGlobalOrTheBusinessUnit()
    {
        var order = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "admin's" });
        var auditor = _crm.ServiceAs(_crm.CreateUser("Auditor", roles: new[] { "Order Auditor" }));

        Assert.Equal("admin's", auditor.Retrieve("test_order", order, new ColumnSet("test_name"))["test_name"]);
        auditor.Update(new Entity("test_order", order) { ["test_note"] = "checked" });

        Assert.Equal("checked", _crm.Get("test_order", order)!["test_note"]);
        Assert.Single(auditor.RetrieveMultiple(new QueryExpression("test_order")).Entities);
    }

    [Fact]
    public void Should_CheckTheCallerOfNestedCalls_When_PluginActsAsTheUser()
    {
        // AuditLogPlugin writes a test_log row as the calling user: a clerk holds prvCreatetest_log, an auditor does not.
        var auditor = _crm.ServiceAs(_crm.CreateUser("Auditor", roles: new[] { "Order Auditor", "Order Clerk" }));
        auditor.Create(new Entity("test_order") { ["test_name"] = "nested ok" });
        var noLogs = _crm.ServiceAs(_crm.CreateUser("NoLogs", roles: new[] { "Order Auditor" }));

        var fault = Faults.Expect(ErrorCodes.PrivilegeDenied,
            () => noLogs.Create(new Entity("test_order") { ["test_name"] = "nested fails" }));

        Assert.Contains("prvCreatetest_log", fault.Message, StringComparison.Ordinal);
        Assert.Equal(1, _crm.Count("test_order"));
        Assert.Equal(1, _crm.Count("test_log"));
    }

    [Fact]
    public void Should_RefuseEverything_When_UserHasAnEmptyRoleList()
    {
        var nobody = _crm.ServiceAs(_crm.CreateUser("Nobody", roles: Array.Empty<string>()));

        Faults.Expect(ErrorCodes.PrivilegeDenied, () => nobody.RetrieveMultiple(new QueryExpression("test_order")));
        Assert.Throws<ArgumentException>(() => _crm.CreateUser("Typo", roles: new[] { "No Such Role" }));
    }
}
