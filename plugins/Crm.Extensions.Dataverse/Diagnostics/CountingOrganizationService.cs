using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Diagnostics;

/// <summary>
/// Passes every call through unchanged and counts it in a <see cref="RequestCounter"/> under its message name (Execute
/// under the request's own name, e.g. CreateMultiple), so a stage's trace line says which requests it made.
/// </summary>
public sealed class CountingOrganizationService : IOrganizationService
{
    private readonly IOrganizationService _inner;
    private readonly RequestCounter _counter;

    public CountingOrganizationService(IOrganizationService inner, RequestCounter counter)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _counter = counter ?? throw new ArgumentNullException(nameof(counter));
    }

    public Guid Create(Entity entity)
    {
        _counter.Add("Create");
        return _inner.Create(entity);
    }

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
    {
        _counter.Add("Retrieve");
        return _inner.Retrieve(entityName, id, columnSet);
    }

    public void Update(Entity entity)
    {
        _counter.Add("Update");
        _inner.Update(entity);
    }

    public void Delete(string entityName, Guid id)
    {
        _counter.Add("Delete");
        _inner.Delete(entityName, id);
    }

    public OrganizationResponse Execute(OrganizationRequest request)
    {
        _counter.Add(request?.RequestName ?? "Execute");
        return _inner.Execute(request!);
    }

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
    {
        _counter.Add("Associate");
        _inner.Associate(entityName, entityId, relationship, relatedEntities);
    }

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
    {
        _counter.Add("Disassociate");
        _inner.Disassociate(entityName, entityId, relationship, relatedEntities);
    }

    public EntityCollection RetrieveMultiple(QueryBase query)
    {
        _counter.Add("RetrieveMultiple");
        return _inner.RetrieveMultiple(query);
    }
}
