using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests.Peers;

/// <summary>What reads return: primary key, blanks as null, composed fullname, metadata defaults, lookup names, formatted values.</summary>
public class ReturnedDataPeerTests
{
    private readonly DataverseEmulator _crm = PeerFixture.Create();

    // XrmMockup TestRetrieve.TestRetrieveHasId
    [Fact]
    public void Should_ReturnThePrimaryKeyAttribute_When_RetrieveAsksForOtherColumns()
    {
        var id = _crm.Add("account", ("name", "Litware"));
        var read = _crm.Service.Retrieve("account", id, new ColumnSet("name"));
        Assert.Equal(id, read.Id);
        Assert.Equal(id, read["accountid"]);
    }

    // XrmMockup TestRetrieve.TestRetrieveWithNullColumnset: a Retrieve with an empty column set still returns the key
    [Fact]
    public void Should_ReturnOnlyThePrimaryKey_When_RetrieveAsksForNoColumns()
    {
        var id = _crm.Add("account", ("name", "Litware"));
        var read = _crm.Service.Retrieve("account", id, new ColumnSet());
        Assert.Equal(new[] { "accountid" }, read.Attributes.Keys);
    }

    // XrmMockup TestCreate.CreatingAttributeWithEmptyStringShouldReturnNull
    [Fact]
    public void Should_StoreNull_When_CreateSetsAnEmptyString()
    {
        var id = _crm.Add("account", ("name", "x"), ("accountnumber", ""));
        Assert.False(_crm.Service.Retrieve("account", id, new ColumnSet("accountnumber")).Contains("accountnumber"));
    }

    // XrmMockup TestUpdate.UpdatingAttributeWithEmptyStringShouldReturnNull
    [Fact]
    public void Should_StoreNull_When_UpdateSetsAnEmptyString()
    {
        var id = _crm.Add("account", ("name", "x"), ("accountnumber", "A-1"));
        _crm.Service.Update(new Entity("account", id) { ["accountnumber"] = "" });
        Assert.Null(_crm.Get("account", id)!.GetAttributeValue<string>("accountnumber"));
    }

    // XrmMockup TestRetrieveMultiple.TestRetrieveMultipleFullNameAfterCreate
    [Fact]
    public void Should_ComposeFullName_When_AContactIsCreated()
    {
        var id = _crm.Add("contact", ("firstname", "John"), ("lastname", "Doe"));
        Assert.Equal("John Doe", _crm.Service.Retrieve("contact", id, new ColumnSet("fullname"))["fullname"]);
    }

    // XrmMockup TestRetrieveMultiple.TestRetrieveMultipleFullNameAfterPartialUpdateFirstName
    [Fact]
    public void Should_RecomposeFullName_When_OnlyTheFirstNameChanges()
    {
        var id = _crm.Add("contact", ("firstname", "John"), ("lastname", "Doe"));
        _crm.Service.Update(new Entity("contact", id) { ["firstname"] = "Jane" });
        var rows = _crm.Query("contact", q => q.Criteria.AddCondition("contactid", ConditionOperator.Equal, id));
        Assert.Equal("Jane Doe", rows.Entities[0]["fullname"]);
    }

    // XrmMockup TestRetrieveMultiple.TestRetrieveMultipleFullNameAfterPartialUpdateLastName
    [Fact]
    public void Should_RecomposeFullName_When_OnlyTheLastNameChanges()
    {
        var id = _crm.Add("contact", ("firstname", "John"), ("lastname", "Doe"));
        _crm.Service.Update(new Entity("contact", id) { ["lastname"] = "Smith" });
        Assert.Equal("John Smith", _crm.Get("contact", id)!["fullname"]);
    }

    // XrmMockup TestRetrieveMultiple.TestRetrieveMultipleFullNameAfterPartialUpdateOtherField
    [Fact]
    public void Should_KeepFullName_When_AnotherColumnChanges()
    {
        var id = _crm.Add("contact", ("firstname", "John"), ("lastname", "Doe"));
        _crm.Service.Update(new Entity("contact", id) { ["jobtitle"] = "CEO" });
        Assert.Equal("John Doe", _crm.Get("contact", id)!["fullname"]);
    }

    // XrmMockup TestCreate.CreatingEntityWithSdkModeShouldInitializeBooleanAttributes
    [Fact]
    public void Should_StoreTheTwoOptionDefault_When_CreateOmitsTheColumn()
    {
        var id = _crm.Add("peer_project", ("peer_name", "x"));
        var row = _crm.Get("peer_project", id)!;
        Assert.True(row.GetAttributeValue<bool>("peer_isactive"));      // AppDefaultValue 1
        Assert.False(row.GetAttributeValue<bool>("peer_isbillable"));   // no default given: false
        Assert.True(row.Contains("peer_isbillable"));
    }

    // XrmMockup TestCreate.CreatingEntityWithSdkModeShouldInitializePicklistAttributes
    [Fact]
    public void Should_StoreTheChoiceDefault_When_CreateOmitsTheColumn()
    {
        var id = _crm.Add("peer_project", ("peer_name", "x"));
        var row = _crm.Get("peer_project", id)!;
        Assert.Equal(2, row.GetAttributeValue<OptionSetValue>("peer_stage").Value);
        Assert.False(row.Contains("peer_category")); // default -1 means none
    }

    // Same peer case: an explicit value wins over the default.
    [Fact]
    public void Should_KeepTheGivenValue_When_CreateSetsAColumnWithADefault()
    {
        var id = _crm.Add("peer_project", ("peer_name", "x"), ("peer_stage", new OptionSetValue(3)), ("peer_isactive", false));
        var row = _crm.Get("peer_project", id)!;
        Assert.Equal(3, row.GetAttributeValue<OptionSetValue>("peer_stage").Value);
        Assert.False(row.GetAttributeValue<bool>("peer_isactive"));
    }

    // FakeXrmEasy FakeContextTestCreate.When_Creating_Without_Default_Attributes_They_Should_Be_Set_By_Default
    [Fact]
    public void Should_SetSystemColumns_When_CreateOmitsThem()
    {
        var row = _crm.Get("account", _crm.Add("account", ("name", "test")))!;
        var columns = new[] { "createdon", "createdby", "modifiedon", "modifiedby", "statecode", "statuscode", "ownerid" };
        foreach (var column in columns) Assert.True(row.Contains(column), column);
    }

    // XrmMockup TestRetrieve.TestReferenceHasPrimaryAttribute / TestRetrieveMultiple.TestRetrieveMultipleEntityReferenceNamePopulated
    [Fact]
    public void Should_FillTheLookupName_When_RetrieveMultipleReturnsALookup()
    {
        var parent = _crm.Add("account", ("name", "Parent Company ABC"));
        var child = _crm.Add("account", ("name", "Child"), ("parentaccountid", new EntityReference("account", parent)));
        var rows = _crm.Query("account", q => q.Criteria.AddCondition("accountid", ConditionOperator.Equal, child));
        Assert.Equal("Parent Company ABC", rows.Entities[0].GetAttributeValue<EntityReference>("parentaccountid").Name);
    }

    // FakeXrmEasy FakeContextTestUpdate.Should_Return_Updated_EntityReference_Name
    [Fact]
    public void Should_ReturnTheCurrentName_When_TheReferencedRowWasRenamed()
    {
        var parent = _crm.Add("account", ("name", "Old"));
        var child = _crm.Add("account", ("name", "Child"), ("parentaccountid", new EntityReference("account", parent) { Name = "Old" }));
        _crm.Service.Update(new Entity("account", parent) { ["name"] = "New" });
        Assert.Equal("New", _crm.Service.Retrieve("account", child,
            new ColumnSet("parentaccountid")).GetAttributeValue<EntityReference>("parentaccountid").Name);
    }

    // XrmMockup TestRetrieveMultiple.TestRetrieveMultipleEntityReferenceNamePopulatedWithFetchXml
    [Fact]
    public void Should_FillTheLookupName_When_FetchReturnsALookup()
    {
        var contact = _crm.Add("contact", ("firstname", "Ann"), ("lastname", "Lee"));
        _crm.Add("account", ("name", "A"), ("primarycontactid", new EntityReference("contact", contact)));
        var rows = _crm.Fetch("<fetch><entity name='account'><attribute name='primarycontactid' /></entity></fetch>");
        Assert.Equal("Ann Lee", rows.Entities[0].GetAttributeValue<EntityReference>("primarycontactid").Name);
    }

    // XrmMockup TestRetrieveMultiple.TestRetrieveMultipleAliasedEntityReferenceNamePopulated
    [Fact]
    public void Should_FillTheLookupName_When_ALinkedColumnIsALookup()
    {
        var parent = _crm.Add("account", ("name", "Top"));
        var mid = _crm.Add("account", ("name", "Mid"), ("parentaccountid", new EntityReference("account", parent)));
        _crm.Add("contact", ("lastname", "Ng"), ("parentcustomerid", new EntityReference("account", mid)));
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.AddLink("account", "parentcustomerid", "accountid").Columns = new ColumnSet("parentaccountid");
        query.LinkEntities[0].EntityAlias = "a";
        var aliased = (AliasedValue)_crm.Service.RetrieveMultiple(query).Entities[0]["a.parentaccountid"];
        Assert.Equal("Top", ((EntityReference)aliased.Value).Name);
    }

    // XrmMockup TestRetrieve.TestLookupFormattedValues
    [Fact]
    public void Should_FormatALookupAsItsName_When_Retrieved()
    {
        var other = _crm.Add("account", ("name", "MLJ UnitTest2"));
        var id = _crm.Add("account", ("name", "MLJ UnitTest"), ("parentaccountid", new EntityReference("account", other)));
        Assert.Equal("MLJ UnitTest2", _crm.Service.Retrieve("account", id,
            new ColumnSet("parentaccountid")).FormattedValues["parentaccountid"]);
    }

    // XrmMockup TestRetrieve.TestFormattedValuesRetrieve
    [Fact]
    public void Should_FormatAChoiceAsItsLabel_When_Retrieved()
    {
        var id = _crm.Add("peer_project", ("peer_name", "x"), ("peer_stage", new OptionSetValue(3)));
        Assert.Equal("Mid", _crm.Service.Retrieve("peer_project", id, new ColumnSet(true)).FormattedValues["peer_stage"]);
    }

    // XrmMockup TestRetrieve.TestFormattedValuesRetrieveMultiple
    [Fact]
    public void Should_FormatChoices_When_RetrieveMultipleReturnsThem()
    {
        _crm.Add("peer_project", ("peer_name", "x"), ("peer_stage", new OptionSetValue(1)));
        Assert.Equal("Zeta", _crm.Query("peer_project", _ => { }).Entities[0].FormattedValues["peer_stage"]);
    }

    // FakeXrmEasy
    // FakeContextTestFormattedValues
    //   .When_an_optionset_is_retrieved_where_its_value_is_an_enum_formatted_value_doesnt_contain_key_if_value_was_null
    [Fact]
    public void Should_LeaveNoFormattedValue_When_TheChoiceIsEmpty()
    {
        var id = _crm.Add("peer_project", ("peer_name", "x"));
        Assert.False(_crm.Service.Retrieve("peer_project", id, new ColumnSet("peer_category")).FormattedValues.Contains("peer_category"));
    }

    // Formatted values are in the caller's language where labels exist ("Formatted values" in "Entity class"
    // https://learn.microsoft.com/power-apps/developer/data-platform/org-service/entity-operations): Spanish user, Spanish labels.
    [Fact]
    public void Should_FormatInTheCallersLanguage_When_TheCallerUsesSpanish()
    {
        var id = _crm.Add("peer_project", ("peer_name", "x"), ("peer_stage", new OptionSetValue(2)), ("peer_isactive", true));
        var spanish = _crm.ServiceAs(_crm.CreateUser("Usuario", uiLanguageId: 3082));
        var read = spanish.Retrieve("peer_project", id, new ColumnSet("peer_stage", "peer_isactive", "statecode"));
        Assert.Equal("Alfa", read.FormattedValues["peer_stage"]);
        Assert.Equal("Sí", read.FormattedValues["peer_isactive"]);
        Assert.Equal("Activo", read.FormattedValues["statecode"]);
    }

    // XrmMockup TestRetrieve.TestFetchMoneyAttribute (money returned with its formatted value)
    [Fact]
    public void Should_FormatMoney_When_Retrieved()
    {
        var id = _crm.Add("peer_project", ("peer_name", "x"), ("peer_budget", new Money(1234.5m)));
        Assert.Equal("$1,234.50", _crm.Service.Retrieve("peer_project", id, new ColumnSet("peer_budget")).FormattedValues["peer_budget"]);
    }

    // FakeXrmEasy
    // FakeContextTestFormattedValues.When_an_entity_is_returned_with_link_entity_and_specific_columns_formatted_values_are_also_cloned
    [Fact]
    public void Should_FormatLinkedChoices_When_ALinkReturnsThem()
    {
        var project = _crm.Add("peer_project", ("peer_name", "p"), ("peer_stage", new OptionSetValue(3)));
        _crm.Add("peer_task", ("peer_name", "t"), ("peer_projectid", new EntityReference("peer_project", project)));
        var query = new QueryExpression("peer_task") { ColumnSet = new ColumnSet("peer_name") };
        var link = query.AddLink("peer_project", "peer_projectid", "peer_projectid");
        link.EntityAlias = "p";
        link.Columns = new ColumnSet("peer_stage");
        Assert.Equal("Mid", _crm.Service.RetrieveMultiple(query).Entities[0].FormattedValues["p.peer_stage"]);
    }

    // Dates are formatted too (learn.microsoft.com "FormattedValues": dates in the user's format); UTC here, no time zones.
    [Fact]
    public void Should_FormatDates_When_Retrieved()
    {
        var id = _crm.Add("peer_project", ("peer_name", "x"), ("peer_start", new DateTime(2025, 3, 4, 14, 5, 0, DateTimeKind.Utc)));
        var text = _crm.Service.Retrieve("peer_project", id, new ColumnSet("peer_start")).FormattedValues["peer_start"];
        Assert.Equal("3/4/2025 2:05 PM", text.Replace('\u202F', ' ')); // ICU puts a narrow no-break space before PM

    }

    // FakeXrmEasy FakeContextTestCreate.Shouldnt_store_references_to_variables_but_actual_clones
    [Fact]
    public void Should_KeepTheStoredValue_When_TheCallerChangesTheEntityAfterCreate()
    {
        var entity = new Entity("account") { ["name"] = "before" };
        var id = _crm.Service.Create(entity);
        entity["name"] = "after";
        Assert.Equal("before", _crm.Get("account", id)!["name"]);
    }

    // FakeXrmEasy FakeContextTestUpdate.Should_Not_Change_Context_Objects_Without_Update
    [Fact]
    public void Should_KeepTheStoredValue_When_TheCallerChangesARetrievedEntity()
    {
        var id = _crm.Add("account", ("name", "stored"));
        var read = _crm.Service.Retrieve("account", id, new ColumnSet(true));
        read["name"] = "changed locally";
        Assert.Equal("stored", _crm.Service.Retrieve("account", id, new ColumnSet("name"))["name"]);
    }
}
