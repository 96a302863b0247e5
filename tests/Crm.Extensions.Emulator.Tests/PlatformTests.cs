using System;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests;

public class PlatformTests
{
    private readonly DataverseEmulator _crm = EmulatorFixture.Create();

    [Fact]
    public void Should_FailWithPlatformCodes_When_TargetBreaksMetadata()
    {
        Faults.Expect(ErrorCodes.QueryBuilderNoEntity, () => _crm.Service.Create(new Entity("nosuchtable")));
        Faults.Expect(ErrorCodes.QueryBuilderNoAttribute, () => _crm.Service.Create(new Entity("contact") { ["nosuchcolumn"] = "x" }));
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Create(new Entity("contact") { ["firstname"] = 42 }));
        Faults.Expect(ErrorCodes.StringLengthTooLong,
            () => _crm.Service.Create(new Entity("contact") { ["firstname"] = new string('a', 65) }));
        Faults.Expect(ErrorCodes.ObjectDoesNotExist,
            () => _crm.Service.Create(new Entity("contact") { ["parentcustomerid"] = new EntityReference("account", Guid.NewGuid()) }));
        Faults.Expect(ErrorCodes.InvalidArgument,
            () => _crm.Service.Create(new Entity("test_order") { ["test_priority"] = new OptionSetValue(3) }));
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Create(new Entity("test_order") { ["test_amount"] = new Money(-1m) }));
        Assert.Equal(0, _crm.Count("contact"));
    }

    [Fact]
    public void Should_CreateRetrieveUpdateDelete_When_RowsAreValid()
    {
        var account = _crm.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var contact = _crm.Service.Create(
            new Entity("contact") { ["lastname"] = "Doe", ["parentcustomerid"] = new EntityReference("account", account) });

        _crm.Service.Update(new Entity("contact", contact) { ["firstname"] = "Jane" });
        var read = _crm.Service.Retrieve("contact", contact, new ColumnSet("firstname", "lastname"));

        Assert.Equal("Jane", read["firstname"]);
        Assert.Equal(3, read.Attributes.Count); // the two columns asked for and the primary key, which Retrieve always returns
        Assert.Equal(_crm.Users.DefaultUserId, _crm.Get("contact", contact)!.GetAttributeValue<EntityReference>("ownerid").Id);
        var other = _crm.Service.Create(new Entity("account") { ["name"] = "Fabrikam",
            ["primarycontactid"] = new EntityReference("contact", contact) });
        _crm.Service.Delete("contact", contact);
        Assert.Null(_crm.Get("account",
            other)!.GetAttributeValue<EntityReference>("primarycontactid")); // account_primary_contact: RemoveLink
        _crm.Service.Delete("account", account);
        Faults.Expect(ErrorCodes.ObjectDoesNotExist, () => _crm.Service.Retrieve("account", account, new ColumnSet(true)));
    }

    [Fact]
    public void Should_KeepUserSettingsKeyedBySystemUserId_When_UserIsCreated()
    {
        var user = _crm.CreateUser("Maria", uiLanguageId: 1031);

        var settings = _crm.Service.Retrieve("usersettings", user, new ColumnSet("uilanguageid"));

        Assert.Equal(1031, settings["uilanguageid"]);
    }

    [Fact]
    public void Should_AssociateAndDisassociate_When_RelationshipIsManyToManyOrOneToMany()
    {
        var order = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "rel" });
        var contact = _crm.Service.Create(new Entity("contact") { ["lastname"] = "Doe" });
        var related = new EntityReferenceCollection { new EntityReference("contact", contact) };

        _crm.Service.Associate("test_order", order, new Relationship("test_order_contact"), related);
        Faults.Expect(ErrorCodes.DuplicateRecord,
            () => _crm.Service.Associate("test_order", order, new Relationship("test_order_contact"), related));
        Assert.Equal(1, _crm.Count("test_order_contact"));
        _crm.Service.Disassociate("test_order", order, new Relationship("test_order_contact"), related);
        Assert.Equal(0, _crm.Count("test_order_contact"));

        _crm.Service.Associate("contact", contact, new Relationship("test_contact_test_order"),
            new EntityReferenceCollection { new EntityReference("test_order", order) });
        Assert.Equal(contact, _crm.Get("test_order", order)!.GetAttributeValue<EntityReference>("test_customerid").Id);
    }

    [Theory]
    [InlineData(true, true, 6)]
    [InlineData(false, true, 3)]
    [InlineData(true, false, 2)]
    [InlineData(false, false, 1)]
    public void Should_ReturnItemsPerSettings_When_ExecuteMultipleHasFailingItems(bool continueOnError, bool returnResponses,
        int expectedItems)
    {
        var request = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = continueOnError, ReturnResponses = returnResponses },
            Requests = new OrganizationRequestCollection(),
        };
        for (var i = 1; i <= 6; i++)
        {
            var name = i is 3 or 5 ? new string('x', 200) : "contact " + i;
            request.Requests.Add(new CreateRequest { Target = new Entity("contact") { ["lastname"] = name.Length > 64 ? name : name } });
        }

        var response = (ExecuteMultipleResponse)_crm.Service.Execute(request);

        Assert.True(response.IsFaulted);
        Assert.Equal(expectedItems, response.Responses.Count);
        Assert.Equal(2, response.Responses.First(r => r.Fault is not null).RequestIndex);
        Assert.Equal(continueOnError ? 4 : 2, _crm.Count("contact"));
    }

    [Fact]
    public void Should_RejectTheWholeBatch_When_ExecuteMultipleExceedsMaxBatchSize()
    {
        var request = new ExecuteMultipleRequest { Settings = new ExecuteMultipleSettings(),
            Requests = new OrganizationRequestCollection() };
        for (var i = 0; i < 1001; i++) request.Requests.Add(new WhoAmIRequest());

        var fault = Faults.Expect(ErrorCodes.InvalidRequest, () => _crm.Service.Execute(request));

        Assert.Equal(1000, fault.ErrorDetails["MaxBatchSize"]);
    }

    [Fact]
    public void Should_FaultTheItem_When_ExecuteMultipleIsNested()
    {
        var inner = new ExecuteMultipleRequest { Settings = new ExecuteMultipleSettings(), Requests = new OrganizationRequestCollection() };
        var outer = new ExecuteMultipleRequest { Settings = new ExecuteMultipleSettings { ContinueOnError = true },
            Requests = new OrganizationRequestCollection { inner } };

        var response = (ExecuteMultipleResponse)_crm.Service.Execute(outer);

        Assert.NotNull(Assert.Single(response.Responses).Fault);
        var transaction = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection { inner } };
        Faults.Expect(ErrorCodes.InvalidRequest, () => _crm.Service.Execute(transaction));
    }

    [Fact]
    public void Should_ResolveByAlternateKey_When_Upserting()
    {
        var first = (UpsertResponse)_crm.Service.Execute(
            new UpsertRequest { Target = new Entity("test_order", "test_code", "A-1") { ["test_name"] = "first" } });
        var second = (UpsertResponse)_crm.Service.Execute(
            new UpsertRequest { Target = new Entity("test_order", "test_code", "A-1") { ["test_name"] = "second" } });

        Assert.True(first.RecordCreated);
        Assert.False(second.RecordCreated);
        Assert.Equal(first.Target.Id, second.Target.Id);
        Assert.Equal("second", _crm.Get("test_order", first.Target.Id)!.GetAttributeValue<string>("test_name"));
        Faults.Expect(ErrorCodes.DuplicateRecord, () => _crm.Service.Create(new Entity("test_order") { ["test_code"] = "A-1" }));
        Assert.Equal(1,
            _crm.FiredSteps.Count(
                s => s.Message == "Update" && s.Depth == 1 && s.PluginType.EndsWith("StateWatcher", StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_HonourRowVersion_When_UpdateUsesIfRowVersionMatches()
    {
        var id = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "v" });
        var read = _crm.Service.Retrieve("test_order", id, new ColumnSet("test_name"));
        _crm.Service.Update(new Entity("test_order", id) { ["test_note"] = "someone else" });

        var stale = new Entity("test_order", id) { ["test_note"] = "mine", RowVersion = read.RowVersion };
        Faults.Expect(ErrorCodes.ConcurrencyVersionMismatch,
            () => _crm.Service.Execute(
                new UpdateRequest { Target = stale, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));
        Faults.Expect(ErrorCodes.ConcurrencyVersionNotProvided,
            () => _crm.Service.Execute(
                new UpdateRequest { Target = new Entity("test_order", id),
                    ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));

        var fresh = _crm.Service.Retrieve("test_order", id, new ColumnSet("test_note"));
        _crm.Service.Execute(
            new UpdateRequest { Target = new Entity("test_order", id) { ["test_note"] = "mine", RowVersion = fresh.RowVersion },
                ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
        Assert.Equal("mine", _crm.Get("test_order", id)!.GetAttributeValue<string>("test_note"));
        Assert.NotEqual(fresh.RowVersion, _crm.Get("test_order", id)!.RowVersion);
    }

    [Fact]
    public void Should_ActAsTheCaller_When_ServiceImpersonatesAUser()
    {
        var user = _crm.CreateUser("Sam");
        var service = _crm.ServiceAs(user);

        var id = service.Create(new Entity("contact") { ["lastname"] = "Impersonated" });

        Assert.Equal(user, ((WhoAmIResponse)service.Execute(new WhoAmIRequest())).UserId);
        Assert.Equal(user, _crm.Get("contact", id)!.GetAttributeValue<EntityReference>("createdby").Id);
    }

    [Fact]
    public void Should_ProtectSecuredColumns_When_UserLacksAFieldSecurityProfile()
    {
        var order = new Entity("test_order") { ["test_name"] = "secret", ["test_secret"] = "42" };
        _crm.Seed(order);
        var user = _crm.CreateUser("Clerk");
        var clerk = _crm.ServiceAs(user);

        Faults.Expect(ErrorCodes.PrivilegeDenied, () => clerk.Create(new Entity("test_order") { ["test_secret"] = "x" }));
        Assert.False(clerk.Retrieve("test_order", order.Id, new ColumnSet("test_secret")).Contains("test_secret"));

        _crm.Users.AssignProfile(user, "Order Secret Readers");
        Assert.Equal("42", clerk.Retrieve("test_order", order.Id, new ColumnSet("test_secret"))["test_secret"]);
        Faults.Expect(ErrorCodes.PrivilegeDenied, () => clerk.Update(new Entity("test_order", order.Id) { ["test_secret"] = "43" }));
        Assert.Equal("42", _crm.Service.Retrieve("test_order", order.Id, new ColumnSet("test_secret"))["test_secret"]);
    }

    [Fact]
    public void Should_ChangeStateThroughUpdate_When_StatusAloneIsSet()
    {
        var id = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "state" });

        _crm.Service.Update(new Entity("test_order", id) { ["statuscode"] = new OptionSetValue(3) });
        var row = _crm.Get("test_order", id)!;

        Assert.Equal(1, row.GetAttributeValue<OptionSetValue>("statecode").Value);
        _crm.Service.Execute(
            new SetStateRequest { EntityMoniker = new EntityReference("test_order", id), State = new OptionSetValue(0),
                Status = new OptionSetValue(1) });
        Assert.Equal(0, _crm.Get("test_order", id)!.GetAttributeValue<OptionSetValue>("statecode").Value);
        Faults.Expect(ErrorCodes.InvalidArgument,
            () => _crm.Service.Update(
                new Entity("test_order", id) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(2) }));
    }

    [Fact]
    public void Should_UpdateAllOrNothing_When_UpdateMultipleHasABadRow()
    {
        var a = _crm.Service.Create(new Entity("contact") { ["lastname"] = "A" });
        var b = _crm.Service.Create(new Entity("contact") { ["lastname"] = "B" });
        var targets = new EntityCollection { EntityName = "contact" };
        targets.Entities.Add(new Entity("contact", a) { ["lastname"] = "A2" });
        targets.Entities.Add(new Entity("contact", b) { ["lastname"] = new string('b', 65) });

        Faults.Expect(ErrorCodes.StringLengthTooLong, () => _crm.Service.Execute(new UpdateMultipleRequest { Targets = targets }));

        Assert.Equal("A", _crm.Get("contact", a)!.GetAttributeValue<string>("lastname"));
    }

    [Fact]
    public void Should_Throttle_When_CallerExceedsTheServiceProtectionLimit()
    {
        var crm = EmulatorFixture.Create(new EmulatorOptions { ServiceProtectionRequestLimit = 2 });
        crm.Service.Execute(new WhoAmIRequest());
        crm.Service.Execute(new WhoAmIRequest());

        var fault = Faults.Expect(ErrorCodes.ThrottlingRequests, () => crm.Service.Execute(new WhoAmIRequest()));

        Assert.IsType<TimeSpan>(fault.ErrorDetails["Retry-After"]);
        crm.Clock.Advance(TimeSpan.FromMinutes(5));
        crm.Service.Execute(new WhoAmIRequest());
    }

    [Fact]
    public void Should_TimeOutAndRollBack_When_OperationExceedsTheTimeout()
    {
        // Each request takes 3 minutes on the emulator clock, so the nested log write pushes the Create past 2 minutes.
        var crm = EmulatorFixture.Create(new EmulatorOptions { ClockAdvancePerRequest = TimeSpan.FromMinutes(3) });

        Assert.Throws<TimeoutException>(() => crm.Service.Create(new Entity("test_order") { ["test_name"] = "slow" }));

        Assert.Equal(0, crm.Count("test_order"));
        Assert.Equal(0, crm.Count("test_log"));
    }

    [Fact]
    public void Should_WarnAboutSlowPlugins_When_PluginRunsLongerThanTwoSeconds()
    {
        var crm = EmulatorFixture.Create(new EmulatorOptions { ClockAdvancePerRequest = TimeSpan.FromSeconds(3) });

        crm.Service.Create(new Entity("test_order") { ["test_name"] = "slowish" });

        Assert.Contains(crm.Warnings, w => w.Contains("AuditLogPlugin", StringComparison.Ordinal));
        Assert.Equal(1, crm.Count("test_order"));
    }
}
