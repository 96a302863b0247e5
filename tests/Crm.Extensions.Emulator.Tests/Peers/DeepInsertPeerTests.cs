using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests.Peers;

/// <summary>
/// Deep insert and related-row retrieval ("Create related table rows in one operation" and "Retrieve with related rows",
/// https://learn.microsoft.com/power-apps/developer/data-platform/org-service/entity-operations-create and -retrieve).
/// </summary>
public class DeepInsertPeerTests
{
    private readonly DataverseEmulator _crm = PeerFixture.Create();

    private static Entity ProjectWithTasks(params string[] tasks)
    {
        var project = new Entity("peer_project") { ["peer_name"] = "p" };
        project.RelatedEntities[new Relationship("peer_project_tasks")] =
            new EntityCollection(tasks.Select(t => new Entity("peer_task") { ["peer_name"] = t }).ToList());
        return project;
    }

    // FakeXrmEasy FakeContextTestCreate.When_related_entities_and_relationship_are_used_child_entities_are_created;
    // XrmMockup TestCreate.TestCreateWithRelatedEntities
    [Fact]
    public void Should_CreateTheChildren_When_CreateCarriesRelatedEntities()
    {
        var id = _crm.Service.Create(ProjectWithTasks("a", "b"));
        var tasks = _crm.All("peer_task");
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(id, t.GetAttributeValue<EntityReference>("peer_projectid").Id));
    }

    // FakeXrmEasy FakeContextTestCreate.When_related_entities_are_used_without_relationship_info_exception_is_raised
    [Fact]
    public void Should_FailAndCreateNothing_When_TheRelationshipIsUnknown()
    {
        var project = new Entity("peer_project") { ["peer_name"] = "p" };
        project.RelatedEntities[new Relationship("no_such_relationship")] = new EntityCollection(new List<Entity> { new("peer_task") });
        Faults.Expect(Faults_ObjectDoesNotExist, () => _crm.Service.Create(project));
        Assert.Equal(0, _crm.Count("peer_project"));
    }

    private const int Faults_ObjectDoesNotExist = Crm.Extensions.Emulator.Faults.ErrorCodes.ObjectDoesNotExist;

    // XrmMockup TestCreate.CreateEntityWithRelatedEntitiesShouldAssociateCorrectly (many-to-many)
    [Fact]
    public void Should_CreateAndAssociate_When_RelatedEntitiesUseAManyToManyRelationship()
    {
        var project = new Entity("peer_project") { ["peer_name"] = "p" };
        project.RelatedEntities[new Relationship("peer_project_contact")] =
            new EntityCollection(new List<Entity> { new("contact") { ["lastname"] = "Doe" } });
        _crm.Service.Create(project);
        Assert.Equal(1, _crm.Count("contact"));
        Assert.Equal(1, _crm.Count("peer_project_contact"));
    }

    // Deep insert of a many-to-one: the related parent is created first and the new row looks it up (entity-operations-create).
    [Fact]
    public void Should_CreateTheParentFirst_When_RelatedEntitiesNameAManyToOne()
    {
        var task = new Entity("peer_task") { ["peer_name"] = "t" };
        task.RelatedEntities[new Relationship("peer_project_tasks")] =
            new EntityCollection(new List<Entity> { new("peer_project") { ["peer_name"] = "parent" } });
        var id = _crm.Service.Create(task);
        var parent = _crm.Get("peer_task", id)!.GetAttributeValue<EntityReference>("peer_projectid");
        Assert.Equal("parent", _crm.Get("peer_project", parent.Id)!["peer_name"]);
    }

    // A failing child rolls back the whole deep insert (one transaction).
    [Fact]
    public void Should_RollBackEverything_When_AChildIsInvalid()
    {
        var project = ProjectWithTasks("ok");
        project.RelatedEntities[new Relationship("peer_project_tasks")].Entities.Add(new Entity("peer_task") { ["peer_hours"] = "not a "
            + "number" });
        Faults.Expect(Crm.Extensions.Emulator.Faults.ErrorCodes.InvalidArgument, () => _crm.Service.Create(project));
        Assert.Equal(0, _crm.Count("peer_project"));
        Assert.Equal(0, _crm.Count("peer_task"));
    }

    // XrmMockup TestRetrieve.TestRetrieveRelatedEntities
    [Fact]
    public void Should_ReturnRelatedRows_When_RetrieveHasRelatedEntitiesQuery()
    {
        var id = _crm.Service.Create(ProjectWithTasks("a", "b"));
        _crm.Add("peer_task", ("peer_name", "unrelated"));
        var request = new RetrieveRequest
        {
            Target = new EntityReference("peer_project", id),
            ColumnSet = new ColumnSet("peer_name"),
            RelatedEntitiesQuery = new RelationshipQueryCollection
            {
                [new Relationship("peer_project_tasks")] = new QueryExpression("peer_task") { ColumnSet = new ColumnSet("peer_name") },
            },
        };
        var entity = ((RetrieveResponse)_crm.Service.Execute(request)).Entity;
        var related = entity.RelatedEntities[new Relationship("peer_project_tasks")];
        Assert.Equal(new[] { "a", "b" }, related.Entities.Select(e => (string)e["peer_name"]).OrderBy(n => n));
    }

    // Same peer case, with the related query's own filter applied.
    [Fact]
    public void Should_ApplyTheRelatedQueryFilter_When_RelatedEntitiesQueryHasCriteria()
    {
        var id = _crm.Service.Create(ProjectWithTasks("a", "b"));
        var query = new QueryExpression("peer_task") { ColumnSet = new ColumnSet("peer_name") };
        query.Criteria.AddCondition("peer_name", ConditionOperator.Equal, "b");
        var request = new RetrieveRequest
        {
            Target = new EntityReference("peer_project", id),
            ColumnSet = new ColumnSet("peer_name"),
            RelatedEntitiesQuery = new RelationshipQueryCollection { [new Relationship("peer_project_tasks")] = query },
        };
        var related = ((RetrieveResponse)_crm.Service.Execute(request)).Entity.RelatedEntities[new Relationship("peer_project_tasks")];
        Assert.Single(related.Entities);
    }
}
