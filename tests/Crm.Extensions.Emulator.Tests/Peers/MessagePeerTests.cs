using System;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests.Peers;

/// <summary>Messages: Assign, Upsert/UpsertMultiple, DeleteMultiple, SetState, WhoAmI, Associate/Disassociate, ExecuteMultiple, unknown
/// names.</summary>
public class MessagePeerTests
{
    private readonly DataverseEmulator _crm = PeerFixture.Create();

    private static OrganizationRequest Assign(EntityReference? target, EntityReference? assignee)
    {
        var request = new OrganizationRequest("Assign");
        if (target is not null) request["Target"] = target;
        if (assignee is not null) request["Assignee"] = assignee;
        return request;
    }

    // FakeXrmEasy AssignRequestTests.When_Assigned_User_As_Owner_OwningUser_Is_Set;
    // FakeContextTestExecute.When_Executing_Assign_Request_New_Owner_Should_Be_Assigned
    [Fact]
    public void Should_SetTheOwner_When_AssignedToAUser()
    {
        var id = _crm.Add("account", ("name", "x"));
        var user = _crm.CreateUser("New Owner");
        _crm.Service.Execute(Assign(new EntityReference("account", id), new EntityReference("systemuser", user)));
        Assert.Equal(user, _crm.Get("account", id)!.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    // FakeXrmEasy AssignRequestTests.When_Assigned_Team_As_Owner_OwningTeam_Is_Set
    [Fact]
    public void Should_SetATeamOwner_When_AssignedToATeam()
    {
        var id = _crm.Add("account", ("name", "x"));
        var team = _crm.Add("team", ("name", "Sales"));
        _crm.Service.Execute(Assign(new EntityReference("account", id), new EntityReference("team", team)));
        var owner = _crm.Get("account", id)!.GetAttributeValue<EntityReference>("ownerid");
        Assert.Equal(("team", team), (owner.LogicalName, owner.Id));
    }

    // FakeXrmEasy AssignRequestTests.When_execute_is_called_with_a_null_target_exception_is_thrown
    [Fact]
    public void Should_Fault_When_AssignHasNoTarget() =>
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Execute(Assign(null, new EntityReference("systemuser",
            _crm.Users.DefaultUserId))));

    // FakeXrmEasy AssignRequestTests.When_execute_is_called_with_a_null_assignee_exception_is_thrown
    [Fact]
    public void Should_Fault_When_AssignHasNoAssignee()
    {
        var id = _crm.Add("account", ("name", "x"));
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Execute(Assign(new EntityReference("account", id), null)));
    }

    // Assign of a missing row: ObjectDoesNotExist (FakeXrmEasy DeleteRequestTests pattern for missing targets)
    [Fact]
    public void Should_FailWithRecordNotFound_When_AssignNamesAMissingRow() => Faults.Expect(ErrorCodes.ObjectDoesNotExist,
        () => _crm.Service.Execute(Assign(new EntityReference("account", Guid.NewGuid()), new EntityReference("systemuser",
            _crm.Users.DefaultUserId))));

    // FakeXrmEasy UpsertRequestTests.Upsert_Creates_Record_When_It_Does_Not_Exist; XrmMockup TestUpsert.TestUpsertAll
    [Fact]
    public void Should_CreateTheRow_When_UpsertFindsNone()
    {
        var id = Guid.NewGuid();
        var response = (UpsertResponse)_crm.Service.Execute(new UpsertRequest { Target = new Entity("account", id) { ["name"] = "new" } });
        Assert.True(response.RecordCreated);
        Assert.Equal("new", _crm.Get("account", id)!["name"]);
    }

    // FakeXrmEasy UpsertRequestTests.Upsert_Updates_Record_When_It_Exists
    [Fact]
    public void Should_UpdateTheRow_When_UpsertFindsIt()
    {
        var id = _crm.Add("account", ("name", "old"));
        var response = (UpsertResponse)_crm.Service.Execute(new UpsertRequest { Target = new Entity("account", id) { ["name"] = "new" } });
        Assert.False(response.RecordCreated);
        Assert.Equal("new", _crm.Get("account", id)!["name"]);
    }

    // FakeXrmEasy UpsertRequestTests.Upsert_Updates_Record_When_It_Exists_Using_Alternate_Key
    [Fact]
    public void Should_UpdateByKey_When_UpsertUsesAnAlternateKey()
    {
        var crm = EmulatorFixture.Create();
        var id = crm.Service.Create(new Entity("test_order") { ["test_name"] = "old", ["test_code"] = "K-2" });
        crm.Service.Execute(new UpsertRequest { Target = new Entity("test_order", "test_code", "K-2") { ["test_name"] = "new" } });
        Assert.Equal("new", crm.Get("test_order", id)!["test_name"]);
    }

    // FakeXrmEasy UpsertRequestTests.Upsert_Creates_Record_When_It_Does_Not_Exist_Using_Alternate_Key
    [Fact]
    public void Should_CreateWithTheKey_When_UpsertByKeyFindsNone()
    {
        var crm = EmulatorFixture.Create();
        var target = new Entity("test_order", "test_code", "K-3") { ["test_name"] = "n" };
        var response = (UpsertResponse)crm.Service.Execute(new UpsertRequest { Target = target });
        Assert.True(response.RecordCreated);
        Assert.Equal("K-3", crm.Get("test_order", response.Target.Id)!["test_code"]);
    }

    private static OrganizationRequest UpsertMultiple(string? table, params Entity[] targets) => new("UpsertMultiple")
    {
        ["Targets"] = new EntityCollection(targets.ToList()) { EntityName = table },
    };

    // XrmMockup TestUpsertMultiple.TestUpsertMultipleAll
    [Fact]
    public void Should_CreateAndUpdate_When_UpsertMultipleMixesNewAndExistingRows()
    {
        var existing = _crm.Add("account", ("name", "old"));
        var created = Guid.NewGuid();
        var response = _crm.Service.Execute(UpsertMultiple("account", new Entity("account", existing) { ["name"] = "updated" },
            new Entity("account", created) { ["name"] = "created" }));
        var results = (UpsertResponse[])response.Results["Results"];
        Assert.Equal(new[] { false, true }, results.Select(r => r.RecordCreated));
        Assert.Equal("updated", _crm.Get("account", existing)!["name"]);
        Assert.Equal("created", _crm.Get("account", created)!["name"]);
    }

    // XrmMockup TestUpsertMultiple.TestUpsertMultipleThrowsFaultOnMultipleWithSameKey
    [Fact]
    public void Should_FaultAndChangeNothing_When_UpsertMultipleNamesARowTwice()
    {
        var id = Guid.NewGuid();
        Faults.Expect(ErrorCodes.DuplicateRecord, () => _crm.Service.Execute(UpsertMultiple("account", new Entity("account",
            id) { ["name"] = "a" }, new Entity("account", id) { ["name"] = "b" })));
        Assert.Equal(0, _crm.Count("account"));
    }

    // XrmMockup TestUpsertMultiple.TestUpsertMultipleThrowsWhenEntityNameMissing
    [Fact]
    public void Should_Fault_When_UpsertMultipleHasNoEntityName() =>
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Execute(UpsertMultiple(null,
            new Entity("account") { ["name"] = "a" })));

    // XrmMockup TestUpsertMultiple.TestUpsertMultipleThrowsWhenEntityLogicalNameMismatch
    [Fact]
    public void Should_Fault_When_UpsertMultipleMixesTables() =>
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Execute(UpsertMultiple("account",
            new Entity("contact") { ["lastname"] = "a" })));

    // A failing row rolls back every row of UpsertMultiple (bulk operations are all-or-nothing on standard tables).
    [Fact]
    public void Should_RollBackEveryRow_When_OneUpsertFails()
    {
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Execute(UpsertMultiple("account",
            new Entity("account", Guid.NewGuid()) { ["name"] = "fine" }, new Entity("account",
                Guid.NewGuid()) { ["numberofemployees"] = "bad" })));
        Assert.Equal(0, _crm.Count("account"));
    }

    // XrmMockup TestDeleteMultipleRequestHandler.TestDeleteMultipleEntities deletes standard-table rows. Microsoft's "Use DeleteMultiple"
    // (https://learn.microsoft.com/power-apps/developer/data-platform/deletemultiple) offers DeleteMultiple for elastic tables only,
    // so this case follows the documentation: on a standard table it faults and deletes nothing.
    [Fact]
    public void Should_FaultAndDeleteNothing_When_DeleteMultipleTargetsAStandardTable()
    {
        var id = _crm.Add("account", ("name", "x"));
        var targets = new EntityReferenceCollection { new EntityReference("account", id) };
        var request = new OrganizationRequest("DeleteMultiple") { ["Targets"] = targets };
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Execute(request));
        Assert.NotNull(_crm.Get("account", id));
    }

    // XrmMockup TestDeleteMultipleRequestHandler.TestDeleteMultipleThrowsWhenEntityNameMissing
    [Fact]
    public void Should_Fault_When_DeleteMultipleHasNoTargets() =>
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Execute(new OrganizationRequest("DeleteMultiple")));

    // FakeXrmEasy SetStateRequestTests.When_set_state_request_is_called_an_entity_is_updated; XrmMockup TestStates.TestSetState
    [Fact]
    public void Should_ChangeStateAndStatus_When_SetStateIsExecuted()
    {
        var id = _crm.Add("account", ("name", "x"));
        _crm.Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("account", id), State = new OptionSetValue(1),
            Status = new OptionSetValue(2) });
        var row = _crm.Get("account", id)!;
        Assert.Equal((1, 2), (row.GetAttributeValue<OptionSetValue>("statecode").Value,
            row.GetAttributeValue<OptionSetValue>("statuscode").Value));
    }

    // XrmMockup TestStates.TestIsValidStateTransition_FailsWhenStatusCodeInvalid
    [Fact]
    public void Should_Fault_When_SetStatePairsAStatusWithTheWrongState()
    {
        var id = _crm.Add("account", ("name", "x"));
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference("account", id), State = new OptionSetValue(0), Status = new OptionSetValue(2),
        }));
    }

    // FakeXrmEasy WhoAmITests.BusinessUnitIsReturnedWhenUserBelongsToBusinessUnit; XrmMockup TestWhoAmI.WhoAmIRequestForOtherUser
    [Fact]
    public void Should_ReturnTheCaller_When_WhoAmIIsExecuted()
    {
        var user = _crm.CreateUser("Someone");
        var response = (WhoAmIResponse)_crm.ServiceAs(user).Execute(new WhoAmIRequest());
        Assert.Equal(user, response.UserId);
        Assert.NotEqual(Guid.Empty, response.BusinessUnitId);
    }

    // XrmMockup TestAssocDissoc.TestAssocDissocNN
    [Fact]
    public void Should_AddAndRemoveTheLink_When_AssociatingManyToMany()
    {
        var project = _crm.Add("peer_project", ("peer_name", "p"));
        var contact = _crm.Add("contact", ("lastname", "c"));
        var related = new EntityReferenceCollection { new EntityReference("contact", contact) };
        _crm.Service.Associate("peer_project", project, new Relationship("peer_project_contact"), related);
        Assert.Equal(1, _crm.Count("peer_project_contact"));
        _crm.Service.Disassociate("peer_project", project, new Relationship("peer_project_contact"), related);
        Assert.Equal(0, _crm.Count("peer_project_contact"));
    }

    // XrmMockup TestAssocDissoc.TestAssocDissoc1N
    [Fact]
    public void Should_SetTheLookup_When_AssociatingOneToMany()
    {
        var project = _crm.Add("peer_project", ("peer_name", "p"));
        var task = _crm.Add("peer_task", ("peer_name", "t"));
        _crm.Service.Associate("peer_project", project, new Relationship("peer_project_tasks"),
            new EntityReferenceCollection { new EntityReference("peer_task", task) });
        Assert.Equal(project, _crm.Get("peer_task", task)!.GetAttributeValue<EntityReference>("peer_projectid").Id);
    }

    // XrmMockup TestAssocDissoc.TestAssocNNTwice
    [Fact]
    public void Should_FailAsDuplicate_When_AssociatingTheSamePairTwice()
    {
        var project = _crm.Add("peer_project", ("peer_name", "p"));
        var contact = _crm.Add("contact", ("lastname", "c"));
        var related = new EntityReferenceCollection { new EntityReference("contact", contact) };
        _crm.Service.Associate("peer_project", project, new Relationship("peer_project_contact"), related);
        Faults.Expect(ErrorCodes.DuplicateRecord, () => _crm.Service.Associate("peer_project", project,
            new Relationship("peer_project_contact"), related));
    }

    // XrmMockup TestAssocDissoc.When_execute_is_called_with_a_non_existing_target_exception_is_thrown
    [Fact]
    public void Should_FailWithRecordNotFound_When_AssociateTargetIsMissing()
    {
        var contact = _crm.Add("contact", ("lastname", "c"));
        Faults.Expect(ErrorCodes.ObjectDoesNotExist, () => _crm.Service.Associate("peer_project", Guid.NewGuid(),
            new Relationship("peer_project_contact"),
            new EntityReferenceCollection { new EntityReference("contact", contact) }));
    }

    // XrmMockup TestAssocDissoc.When_execute_is_called_with_a_non_existing_reference_exception_is_thrown
    [Fact]
    public void Should_FailWithRecordNotFound_When_AssociatedRowIsMissing()
    {
        var project = _crm.Add("peer_project", ("peer_name", "p"));
        Faults.Expect(ErrorCodes.ObjectDoesNotExist, () => _crm.Service.Associate("peer_project", project,
            new Relationship("peer_project_contact"),
            new EntityReferenceCollection { new EntityReference("contact", Guid.NewGuid()) }));
    }

    // FakeXrmEasy ExecuteMultipleRequestTests.Should_Not_Continue_On_Error_If_Not_Told_To_Do_So
    [Fact]
    public void Should_StopAtTheFirstFault_When_ExecuteMultipleDoesNotContinueOnError()
    {
        var request = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = true },
            Requests = new OrganizationRequestCollection
            {
                new CreateRequest { Target = new Entity("account") { ["name"] = "one" } },
                new CreateRequest { Target = new Entity("account") { ["numberofemployees"] = "bad" } },
                new CreateRequest { Target = new Entity("account") { ["name"] = "three" } },
            },
        };
        var response = (ExecuteMultipleResponse)_crm.Service.Execute(request);
        Assert.True(response.IsFaulted);
        Assert.Equal(1, _crm.Count("account"));
    }

    // XrmMockup TestExecuteTransaction.TestTransactionFailed
    [Fact]
    public void Should_RollBackAll_When_ExecuteTransactionHasAFailingRequest()
    {
        var request = new ExecuteTransactionRequest
        {
            Requests = new OrganizationRequestCollection
            {
                new CreateRequest { Target = new Entity("account") { ["name"] = "one" } },
                new CreateRequest { Target = new Entity("account") { ["numberofemployees"] = "bad" } },
            },
        };
        Assert.ThrowsAny<System.ServiceModel.FaultException>(() => _crm.Service.Execute(request));
        Assert.Equal(0, _crm.Count("account"));
    }

    // FakeXrmEasy TestGenericMessageExecutors.TestGenericMessageRemoval: once no executor handles a request name, executing it fails
    // (the peer throws its own exception; the platform answers with a fault, never a .NET exception).
    [Fact]
    public void Should_Fault_When_TheRequestNameIsUnknown() =>
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Execute(new OrganizationRequest("NoSuchMessage")));

    // A request without a name faults the same way (no peer case; OrganizationRequest.RequestName is what the platform routes by).
    [Fact]
    public void Should_Fault_When_TheRequestHasNoName() =>
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Execute(new OrganizationRequest()));

    // XrmMockup TestRetrieveMultiple.RetrieveMultipleWithQueryByAttribute
    [Fact]
    public void Should_MatchEveryAttribute_When_QueryByAttributeHasTwo()
    {
        _crm.Add("account", ("name", "a"), ("address1_city", "Oslo"));
        _crm.Add("account", ("name", "b"), ("address1_city", "Rome"));
        var query = new QueryByAttribute("account") { ColumnSet = new ColumnSet("name") };
        query.AddAttributeValue("address1_city", "Rome");
        query.AddAttributeValue("name", "b");
        Assert.Equal(new[] { "b" }, _crm.Service.RetrieveMultiple(query).Names("name"));
    }
}
