using System;
using Crm.Extensions.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator;

/// <summary>IOrganizationService over the emulator: every method is its request message, so it runs the same pipeline as Execute.</summary>
internal sealed class EmulatedOrganizationService : IOrganizationService
{
    private readonly EmulatorEngine _engine;
    private readonly CallFrame _frame;

    public EmulatedOrganizationService(EmulatorEngine engine, CallFrame frame)
    {
        _engine = engine;
        _frame = frame;
    }

    public Guid Create(Entity entity) => ((CreateResponse)Execute(new CreateRequest { Target = entity })).id;

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
        ((RetrieveResponse)Execute(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet })).Entity;

    public void Update(Entity entity) => Execute(new UpdateRequest { Target = entity });

    public void Delete(string entityName, Guid id) => Execute(new DeleteRequest { Target = new EntityReference(entityName, id) });

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(
            new AssociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship,
                RelatedEntities = relatedEntities });

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(
            new DisassociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship,
                RelatedEntities = relatedEntities });

    public EntityCollection RetrieveMultiple(QueryBase query) =>
        ((RetrieveMultipleResponse)Execute(new RetrieveMultipleRequest { Query = query })).EntityCollection;

    public OrganizationResponse Execute(OrganizationRequest request) => _engine.Execute(request, _frame);
}
