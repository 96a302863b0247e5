using System;
using Crm.Extensions.Emulator.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests.Peers;

/// <summary>Create, Retrieve, Update and Delete edge cases from the peers' CRUD suites.</summary>
public class CrudPeerTests
{
    private readonly DataverseEmulator _crm = PeerFixture.Create();

    // FakeXrmEasy FakeContextTestCreate.When_Creating_Without_Id_It_should_Be_set_Automatically
    [Fact]
    public void Should_GenerateAnId_When_CreateHasNone() => Assert.NotEqual(Guid.Empty, _crm.Add("account", ("name", "x")));

    // FakeXrmEasy FakeContextTestCreate.When_Creating_With_Id_It_should_Be_set
    [Fact]
    public void Should_UseTheGivenId_When_CreateHasOne()
    {
        var id = Guid.NewGuid();
        Assert.Equal(id, _crm.Service.Create(new Entity("account", id) { ["name"] = "x" }));
    }

    // FakeXrmEasy FakeContextTestCreate.When_Creating_With_Already_Existing_Id_Exception_Should_Be_Thrown; XrmMockup
    // TestCreate.TestCreateSameId
    [Fact]
    public void Should_FailAsDuplicate_When_CreateReusesAnId()
    {
        var id = _crm.Add("account", ("name", "x"));
        Faults.Expect(ErrorCodes.DuplicateRecord, () => _crm.Service.Create(new Entity("account", id) { ["name"] = "y" }));
    }

    // FakeXrmEasy FakeContextTestCreate.When_an_entity_is_created_with_an_empty_logical_name_an_exception_is_thrown
    [Fact]
    public void Should_Fault_When_CreateHasNoTableName() =>
        Faults.Expect(ErrorCodes.QueryBuilderNoEntity, () => _crm.Service.Create(new Entity("")));

    // FakeXrmEasy FakeContextTestCreate.When_a_null_entity_is_created_an_exception_is_thrown
    [Fact]
    public void Should_Fault_When_CreateHasNoTarget() =>
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Execute(new CreateRequest()));

    // FakeXrmEasy FakeContextTestCreate.When_creating_a_record_using_dynamic_entities_primary_key_should_be_populated
    [Fact]
    public void Should_StoreThePrimaryKeyColumn_When_Created()
    {
        var id = _crm.Add("account", ("name", "x"));
        Assert.Equal(id, _crm.Get("account", id)!["accountid"]);
    }

    // XrmMockup TestCreate.TestCreateWithRequest
    [Fact]
    public void Should_ReturnTheId_When_CreateRunsThroughExecute()
    {
        var response = (CreateResponse)_crm.Service.Execute(new CreateRequest { Target = new Entity("account") { ["name"] = "x" } });
        Assert.NotNull(_crm.Get("account", response.id));
    }

    // FakeXrmEasy FakeContextTestRetrieve.When_retrieve_is_invoked_with_non_existing_entity_null_is_returned: the peer returns null;
    // Dataverse faults with ObjectDoesNotExist ("Web service error codes", -2147220969), so this case follows the platform.
    [Fact]
    public void Should_FailWithRecordNotFound_When_RetrieveNamesAMissingRow() =>
        Faults.Expect(ErrorCodes.ObjectDoesNotExist, () => _crm.Service.Retrieve("account", Guid.NewGuid(), new ColumnSet(true)));

    // FakeXrmEasy FakeContextTestRetrieve.When_retrieve_is_invoked_with_an_empty_guid_an_exception_is_thrown
    [Fact]
    public void Should_Fault_When_RetrieveHasAnEmptyId() =>
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Retrieve("account", Guid.Empty, new ColumnSet(true)));

    // FakeXrmEasy FakeContextTestRetrieve.When_retrieve_is_invoked_with_an_empty_logical_name_an_exception_is_thrown
    [Fact]
    public void Should_Fault_When_RetrieveHasNoTableName() =>
        Faults.Expect(ErrorCodes.QueryBuilderNoEntity, () => _crm.Service.Retrieve("", Guid.NewGuid(), new ColumnSet(true)));

    // FakeXrmEasy FakeContextTestRetrieve.When_retrieve_is_invoked_with_an_existing_entity_and_only_one_column_only_that_one_is_retrieved
    [Fact]
    public void Should_ReturnOnlyTheNamedColumn_When_RetrieveAsksForOne()
    {
        var id = _crm.Add("account", ("name", "x"), ("accountnumber", "N1"));
        var read = _crm.Service.Retrieve("account", id, new ColumnSet("name"));
        Assert.False(read.Contains("accountnumber"));
        Assert.Equal("x", read["name"]);
    }

    // FakeXrmEasy FakeContextTestRetrieve.When_retrieve_is_invoked_with_an_existing_entity_and_all_columns_all_the_attributes_are_returned
    [Fact]
    public void Should_ReturnEveryColumnWithAValue_When_RetrieveAsksForAllColumns()
    {
        var id = _crm.Add("account", ("name", "x"), ("accountnumber", "N1"));
        var read = _crm.Service.Retrieve("account", id, new ColumnSet(true));
        Assert.True(read.Contains("name") && read.Contains("accountnumber") && read.Contains("createdon"));
    }

    // FakeXrmEasy FakeContextTestUpdate.When_an_entity_is_updated_with_a_null_attribute_the_attribute_is_removed
    [Fact]
    public void Should_RemoveTheValue_When_UpdateSetsNull()
    {
        var id = _crm.Add("account", ("name", "x"), ("accountnumber", "N1"));
        _crm.Service.Update(new Entity("account", id) { ["accountnumber"] = null });
        Assert.False(_crm.Service.Retrieve("account", id, new ColumnSet(true)).Contains("accountnumber"));
    }

    // FakeXrmEasy FakeContextTestUpdate.When_update_is_invoked_with_non_existing_entity_an_exception_is_thrown
    [Fact]
    public void Should_FailWithRecordNotFound_When_UpdateNamesAMissingRow() =>
        Faults.Expect(ErrorCodes.ObjectDoesNotExist, () => _crm.Service.Update(new Entity("account", Guid.NewGuid()) { ["name"] = "x" }));

    // FakeXrmEasy FakeContextTestUpdate.When_an_entity_is_updated_with_an_empty_guid_an_exception_is_thrown
    [Fact]
    public void Should_Fault_When_UpdateHasNoId() =>
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Update(new Entity("account") { ["name"] = "x" }));

    // FakeXrmEasy FakeContextTestUpdate.When_updating_an_entity_an_unchanged_attribute_remains_the_same
    [Fact]
    public void Should_KeepOtherColumns_When_UpdateChangesOne()
    {
        var id = _crm.Add("account", ("name", "x"), ("accountnumber", "N1"));
        _crm.Service.Update(new Entity("account", id) { ["name"] = "y" });
        Assert.Equal("N1", _crm.Get("account", id)!["accountnumber"]);
    }

    // FakeXrmEasy FakeContextTestUpdate.When_updating_an_entity_only_one_entity_is_updated
    [Fact]
    public void Should_ChangeOnlyTheTarget_When_TwoRowsExist()
    {
        var a = _crm.Add("account", ("name", "a"));
        var b = _crm.Add("account", ("name", "b"));
        _crm.Service.Update(new Entity("account", a) { ["name"] = "changed" });
        Assert.Equal("b", _crm.Get("account", b)!["name"]);
    }

    // FakeXrmEasy FakeContextTestUpdate.When_updating_an_entity_by_alternate_key_the_context_should_reflect_changes
    [Fact]
    public void Should_UpdateByAlternateKey_When_TargetCarriesKeyAttributes()
    {
        var crm = EmulatorFixture.Create();
        var id = crm.Service.Create(new Entity("test_order") { ["test_name"] = "x", ["test_code"] = "K-1" });
        crm.Service.Update(new Entity("test_order", "test_code", "K-1") { ["test_name"] = "y" });
        Assert.Equal("y", crm.Get("test_order", id)!["test_name"]);
    }

    // FakeXrmEasy FakeContextTestUpdate.Should_Not_Raise_An_Exception_When_Updating_Status
    [Fact]
    public void Should_MoveTheState_When_UpdateSetsAStatus()
    {
        var id = _crm.Add("account", ("name", "x"));
        _crm.Service.Update(new Entity("account", id) { ["statuscode"] = new OptionSetValue(2) });
        Assert.Equal(1, _crm.Get("account", id)!.GetAttributeValue<OptionSetValue>("statecode").Value);
    }

    // FakeXrmEasy FakeContextTestDelete.When_delete_is_invoked_with_non_existing_entity_an_exception_is_thrown; XrmMockup
    // TestDelete.TestDeleteNonExistingEntity
    [Fact]
    public void Should_FailWithRecordNotFound_When_DeleteNamesAMissingRow() =>
        Faults.Expect(ErrorCodes.ObjectDoesNotExist, () => _crm.Service.Delete("account", Guid.NewGuid()));

    // FakeXrmEasy FakeContextTestDelete.When_delete_is_invoked_with_an_empty_guid_an_exception_is_thrown
    [Fact]
    public void Should_Fault_When_DeleteHasAnEmptyId() =>
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Delete("account", Guid.Empty));

    // FakeXrmEasy FakeContextTestDelete.When_delete_is_invoked_with_an_existing_entity_that_entity_is_delete_from_the_context;
    // XrmMockup TestDelete.DeleteTest
    [Fact]
    public void Should_RemoveTheRow_When_Deleted()
    {
        var id = _crm.Add("account", ("name", "x"));
        _crm.Service.Delete("account", id);
        Assert.Null(_crm.Get("account", id));
    }

    // FakeXrmEasy
    // FakeContextTestDelete.When_delete_is_invoked_with_an_existing_entity_by_alternate_key_that_entity_is_delete_from_the_context
    [Fact]
    public void Should_DeleteByAlternateKey_When_TargetCarriesKeyAttributes()
    {
        var crm = EmulatorFixture.Create();
        var id = crm.Service.Create(new Entity("test_order") { ["test_name"] = "x", ["test_code"] = "K-9" });
        crm.Service.Execute(new DeleteRequest { Target = new EntityReference("test_order", "test_code", "K-9") });
        Assert.Null(crm.Get("test_order", id));
    }

    // FakeXrmEasy ValidateReferencesTests.An_entity_which_references_another_non_existent_entity_can_not_be_created_when_validate_is_true
    [Fact]
    public void Should_FailWithRecordNotFound_When_ALookupPointsAtAMissingRow() =>
        Faults.Expect(ErrorCodes.ObjectDoesNotExist, () => _crm.Add("account", ("name", "x"), ("parentaccountid",
            new EntityReference("account", Guid.NewGuid()))));

    // XrmMockup TestCreate.TestCreateSimple: attribute type is checked against metadata
    [Fact]
    public void Should_Fault_When_AValueHasTheWrongType() =>
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Add("account", ("numberofemployees", "ten")));

    // A Create naming a column with the wrong case fails as an unknown column (logical names are case-sensitive; XrmMockup
    // TestRetrieveMultiple.TestRetrieveMultipleFilterAttributeLookupIsCaseSensitive makes the same point for queries).
    [Fact]
    public void Should_FailAsUnknownColumn_When_CreateUsesTheWrongCase() =>
        Faults.Expect(ErrorCodes.QueryBuilderNoAttribute, () => _crm.Add("account", ("Name", "x")));
}
