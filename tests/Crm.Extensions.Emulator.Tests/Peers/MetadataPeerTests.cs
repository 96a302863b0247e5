using System;
using System.IO;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;

namespace Crm.Extensions.Emulator.Tests.Peers;

/// <summary>
/// RetrieveEntity, RetrieveAttribute and RetrieveAllEntities from the loaded metadata. EntityFilters decides what comes back
/// (learn.microsoft.com/power-apps/developer/data-platform/org-service/metadata-retrieve-detect-changes, "Retrieve
/// metadata by name or MetadataId"; EntityFilters enum: learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.metadata.entityfilters).
/// An unknown table faults with QueryBuilderNoEntity and the message "The entity with a name = '...' with namemapping =
/// 'Logical' was not found in the MetadataCache." (quoted in learn.microsoft.com/dynamics365/fin-ops-core/dev-itpro/
/// data-entities/dual-write/dual-write-troubleshooting-dual-write-module; code 0x80041102 in "Web service error codes").
/// </summary>
public class MetadataPeerTests
{
    private readonly DataverseEmulator _crm = PeerFixture.Create();

    private EntityMetadata Entity(string name, EntityFilters filters) =>
        ((RetrieveEntityResponse)_crm.Service.Execute(new RetrieveEntityRequest { LogicalName = name, EntityFilters = filters }))
            .EntityMetadata;

    // XrmMockup tests/XrmMockup365Test/TestMetadata.cs RetrieveEntityMetadata. The peer sends no EntityFilters; Microsoft documents
    // RetrieveEntityRequest.EntityFilters as "Required", so this case sets it (see Should_Fault_When_EntityFiltersIsMissing).
    [Fact]
    public void Should_ReturnTheTable_When_RetrieveEntityNamesIt()
    {
        var metadata = Entity("account", EntityFilters.Entity);
        Assert.Equal(("account", "accountid", "name"), (metadata.LogicalName, metadata.PrimaryIdAttribute, metadata.PrimaryNameAttribute));
    }

    // XrmMockup TestMetadata.RetrieveAllFilteredEntityMetadata
    [Fact]
    public void Should_ReturnEveryPart_When_FiltersAreAll()
    {
        var metadata = Entity("account", EntityFilters.All);
        Assert.All(new object?[] { metadata.Privileges, metadata.OneToManyRelationships, metadata.ManyToOneRelationships,
            metadata.ManyToManyRelationships, metadata.Attributes }, Assert.NotNull);
    }

    // XrmMockup TestMetadata.RetrieveAttributesFilteredEntityMetadata
    [Fact]
    public void Should_ReturnOnlyAttributes_When_FiltersAreAttributes()
    {
        var metadata = Entity("account", EntityFilters.Attributes);
        Assert.NotNull(metadata.Attributes);
        Assert.All(new object?[] { metadata.Privileges, metadata.OneToManyRelationships, metadata.ManyToOneRelationships,
            metadata.ManyToManyRelationships }, Assert.Null);
    }

    // XrmMockup TestMetadata.RetrievePrivilegesFilteredEntityMetadata
    [Fact]
    public void Should_ReturnOnlyPrivileges_When_FiltersArePrivileges()
    {
        var metadata = Entity("account", EntityFilters.Privileges);
        Assert.Contains(metadata.Privileges, p => p.PrivilegeType == PrivilegeType.Share
            && p.Name.Equals("prvShareAccount", StringComparison.OrdinalIgnoreCase));
        Assert.All(new object?[] { metadata.Attributes, metadata.OneToManyRelationships, metadata.ManyToOneRelationships,
            metadata.ManyToManyRelationships }, Assert.Null);
    }

    // XrmMockup TestMetadata.RetrieveRelationshipsFilteredEntityMetadata
    [Fact]
    public void Should_ReturnOnlyRelationships_When_FiltersAreRelationships()
    {
        var metadata = Entity("peer_project", EntityFilters.Relationships);
        var tasks = Assert.Single(metadata.OneToManyRelationships, r => r.SchemaName == "peer_project_tasks");
        Assert.Equal((CascadeType?)CascadeType.Cascade, tasks.CascadeConfiguration.Delete);
        Assert.Contains(metadata.ManyToOneRelationships, r => r.SchemaName == "peer_contact_projects");
        Assert.Contains(metadata.ManyToManyRelationships, r => r.SchemaName == "peer_project_contact");
        Assert.Null(metadata.Attributes);
        Assert.Null(metadata.Privileges);
    }

    // XrmMockup TestMetadata.RetrieveEntityFilteredEntityMetadata
    [Fact]
    public void Should_ReturnNoParts_When_FiltersAreEntity()
    {
        var metadata = Entity("account", EntityFilters.Entity);
        Assert.All(new object?[] { metadata.Attributes, metadata.Privileges, metadata.OneToManyRelationships,
            metadata.ManyToOneRelationships, metadata.ManyToManyRelationships }, Assert.Null);
    }

    // XrmMockup TestMetadata.RetrieveDefaultFilteredEntityMetadata (Default has the value of Entity)
    [Fact]
    public void Should_ReturnNoParts_When_FiltersAreDefault()
    {
        var metadata = Entity("account", EntityFilters.Default);
        Assert.Null(metadata.Attributes);
        Assert.Null(metadata.Privileges);
    }

    // FakeXrmEasy RetrieveEntityRequestTests.When_calling_retrieve_entity_with_a_null_or_empty_logicalname_exception_is_thrown
    // (the peer expects an exception; Dataverse answers with the metadata-cache fault)
    [Fact]
    public void Should_FaultWithNoEntity_When_LogicalNameIsEmpty() =>
        Faults.Expect(ErrorCodes.QueryBuilderNoEntity, () => Entity("", EntityFilters.Entity));

    // FakeXrmEasy RetrieveEntityRequestTests.When_calling_retrieve_entity_without_a_fake_entity_metadata_exception_is_thrown
    [Fact]
    public void Should_FaultWithNoEntity_When_TheTableIsUnknown()
    {
        var fault = Faults.Expect(ErrorCodes.QueryBuilderNoEntity, () => Entity("peer_nosuchtable", EntityFilters.Entity));
        Assert.Contains("'peer_nosuchtable' with namemapping = 'Logical' was not found in the MetadataCache", fault.Message,
            StringComparison.Ordinal);
    }

    // FakeXrmEasy RetrieveEntityRequestTests.When_calling_retrieve_entity_with_a_fake_attribute_definition_it_is_returned: the
    // peer reads a string column's metadata through RetrieveEntity with Attributes; here it comes from the loaded Entity.xml.
    [Fact]
    public void Should_DescribeTheStringColumn_When_AttributesAreRetrieved()
    {
        var name = Assert.IsType<StringAttributeMetadata>(Entity("peer_project", EntityFilters.Attributes).Attributes
            .Single(a => a.LogicalName == "peer_name"));
        Assert.Equal((100, (AttributeTypeCode?)AttributeTypeCode.String, "peer_project"),
            (name.MaxLength, name.AttributeType, name.EntityLogicalName));
    }

    // Logical names are case-sensitive ("Entity names" in learn.microsoft.com/power-apps/developer/data-platform/entity-metadata).
    [Fact]
    public void Should_FaultWithNoEntity_When_TheNameHasTheWrongCase() =>
        Faults.Expect(ErrorCodes.QueryBuilderNoEntity, () => Entity("Account", EntityFilters.Entity));

    // RetrieveEntityRequest.EntityFilters is documented as "Required"
    // (learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.messages.retrieveentityrequest.entityfilters).
    [Fact]
    public void Should_Fault_When_EntityFiltersIsMissing() =>
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Execute(new RetrieveEntityRequest { LogicalName = "account" }));

    // The choice's options with their labels, in the caller's language first (UserLocalizedLabel) and all languages listed.
    [Fact]
    public void Should_ReturnOptionsWithLabels_When_RetrieveAttributeNamesAChoice()
    {
        var spanish = _crm.CreateUser("Usuario", uiLanguageId: 3082);
        var response = (RetrieveAttributeResponse)_crm.ServiceAs(spanish).Execute(
            new RetrieveAttributeRequest { EntityLogicalName = "peer_project", LogicalName = "peer_stage" });
        var stage = Assert.IsType<PicklistAttributeMetadata>(response.AttributeMetadata);
        Assert.NotEmpty(stage.OptionSet.Options);
        Assert.All(stage.OptionSet.Options, o => Assert.Equal(3082, o.Label.UserLocalizedLabel.LanguageCode));
        Assert.Contains(stage.OptionSet.Options[0].Label.LocalizedLabels, l => l.LanguageCode == 1033);
    }

    // An unknown column of a known table faults as the query builder does (QueryBuilderNoAttribute, 0x80041103).
    [Fact]
    public void Should_FaultWithNoAttribute_When_RetrieveAttributeNamesAnUnknownColumn() =>
        Faults.Expect(ErrorCodes.QueryBuilderNoAttribute,
            () => _crm.Service.Execute(
                new RetrieveAttributeRequest { EntityLogicalName = "peer_project", LogicalName = "peer_nosuchcolumn" }));

    [Fact]
    public void Should_FaultWithNoEntity_When_RetrieveAttributeNamesAnUnknownTable() =>
        Faults.Expect(ErrorCodes.QueryBuilderNoEntity,
            () => _crm.Service.Execute(new RetrieveAttributeRequest { EntityLogicalName = "peer_nosuchtable", LogicalName = "peer_name" }));

    // Lookups list their target tables (LookupAttributeMetadata.Targets).
    [Fact]
    public void Should_ListTheTargets_When_RetrieveAttributeNamesALookup()
    {
        var response = (RetrieveAttributeResponse)_crm.Service.Execute(
            new RetrieveAttributeRequest { EntityLogicalName = "peer_project", LogicalName = "peer_contactid" });
        Assert.Equal(new[] { "contact" }, Assert.IsType<LookupAttributeMetadata>(response.AttributeMetadata).Targets);
    }

    // A MetadataId read once finds the same table again ("Retrieve metadata by name or MetadataId").
    [Fact]
    public void Should_FindTheSameTable_When_RetrieveEntityUsesTheMetadataId()
    {
        var id = Entity("peer_task", EntityFilters.Entity).MetadataId!.Value;
        var again = (RetrieveEntityResponse)_crm.Service.Execute(
            new RetrieveEntityRequest { MetadataId = id, EntityFilters = EntityFilters.Entity });
        Assert.Equal("peer_task", again.EntityMetadata.LogicalName);
    }

    // RetrieveAllEntities returns the solution's and the platform's tables.
    [Fact]
    public void Should_ListEveryTable_When_RetrieveAllEntitiesIsCalled()
    {
        var all = ((RetrieveAllEntitiesResponse)_crm.Service.Execute(
            new RetrieveAllEntitiesRequest { EntityFilters = EntityFilters.Entity })).EntityMetadata;
        Assert.Contains(all, e => e.LogicalName == "peer_project");
        Assert.Contains(all, e => e.LogicalName == "systemuser");
        Assert.All(all, e => Assert.Null(e.Attributes));
    }

    // The product's own tables: display names from Entity.xml in the caller's language, required level from the column.
    [Fact]
    public void Should_DescribeTheProductTable_When_RetrieveEntityNamesACustomTable()
    {
        var product = DataverseEmulator.FromSolution(
            Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "solution", "src")),
            typeof(Crm.Extensions.Plugins.Framework.PluginBase).Assembly);
        var spanish = product.CreateUser("Usuario", uiLanguageId: 3082);
        var reward = ((RetrieveEntityResponse)product.ServiceAs(spanish).Execute(
            new RetrieveEntityRequest { LogicalName = "cx_reward", EntityFilters = EntityFilters.Attributes })).EntityMetadata;
        Assert.Equal(("cx_Reward", "Recompensa", true),
            (reward.SchemaName, reward.DisplayName.UserLocalizedLabel.Label, reward.IsCustomEntity));
        Assert.Equal(AttributeRequiredLevel.ApplicationRequired,
            reward.Attributes.Single(a => a.LogicalName == "cx_name").RequiredLevel.Value);
    }
}
