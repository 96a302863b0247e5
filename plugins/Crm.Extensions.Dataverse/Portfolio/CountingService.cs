using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>
/// Counts the requests one execution of the analysis makes (traced at the end, so the system job shows that each unit
/// stays bounded) and passes every call through unchanged.
/// </summary>
internal sealed class CountingService : IOrganizationService
{
    private readonly IOrganizationService _inner;
    private readonly RunLog _log;

    public CountingService(IOrganizationService inner, RunLog log)
    {
        _inner = inner;
        _log = log;
    }

    public Guid Create(Entity entity) => Counted(() => _inner.Create(entity));

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => Counted(() => _inner.Retrieve(entityName, id, columnSet));

    public void Update(Entity entity) => Counted(() => { _inner.Update(entity); return true; });

    public void Delete(string entityName, Guid id) => Counted(() => { _inner.Delete(entityName, id); return true; });

    public OrganizationResponse Execute(OrganizationRequest request) => Counted(() => _inner.Execute(request));

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Counted(() => { _inner.Associate(entityName, entityId, relationship, relatedEntities); return true; });

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Counted(() => { _inner.Disassociate(entityName, entityId, relationship, relatedEntities); return true; });

    public EntityCollection RetrieveMultiple(QueryBase query) => Counted(() => _inner.RetrieveMultiple(query));

    private T Counted<T>(Func<T> call)
    {
        _log.Requests++;
        return call();
    }
}
