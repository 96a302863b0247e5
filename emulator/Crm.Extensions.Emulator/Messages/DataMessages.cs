using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Pipeline;
using Crm.Extensions.Emulator.Security;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Messages;

/// <summary>Create, Update (with split updates), Delete, Retrieve, RetrieveMultiple, Associate/Disassociate and SetState.</summary>
internal sealed class DataMessages
{
    private static readonly string[] OwnerColumns = { "ownerid" };

    private readonly EmulatorEngine _engine;
    private readonly Authorization _authorization;

    public DataMessages(EmulatorEngine engine)
    {
        _engine = engine;
        _authorization = new Authorization(engine);
    }

    public OrganizationResponse Create(OrganizationRequest request, CallFrame frame)
    {
        var target = MessageRouter.Parameter<Entity>(request, "Target");
        var table = _engine.Catalog.Table(target.LogicalName);
        var lanes = new List<PipelineLane> { new("Create", table.LogicalName, request.Parameters) { PrimaryEntityId = target.Id } };
        // Single-record Create also raises CreateMultiple with one Target (merged pipelines).
        if (HasSteps("CreateMultiple", table.LogicalName))
        {
            lanes.Add(new PipelineLane("CreateMultiple", table.LogicalName, Targets(table.LogicalName, target)));
        }

        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = lanes,
            ReadRow = _engine.Rows.Read,
            Authorize = () => _authorization.Create(frame, table, target),
            Main = transaction =>
            {
                if (DuplicateDetector.IsRequested(request)) _engine.Duplicates.Check(table, target.Id, AsValues(target));
                var related = new DeepInsert(_engine, this);
                related.CreateParents(table, target, frame with { Transaction = transaction });
                var id = _engine.Rows.Create(target, frame.UserId);
                target.Id = id;
                related.CreateChildren(table, target, frame with { Transaction = transaction });
                var response = new CreateResponse();
                response.Results["id"] = id;
                return response;
            },
        }, frame, request);
    }

    public OrganizationResponse Update(OrganizationRequest request, CallFrame frame)
    {
        var target = MessageRouter.Parameter<Entity>(request, "Target");
        var table = _engine.Catalog.Table(target.LogicalName);
        if (target.Id == Guid.Empty) target.Id = _engine.Rows.Resolve(table, target.ToEntityReference()).Id;

        var parts = SplitForSpecialColumns(target);
        if (parts.Count <= 1) return RunUpdate(request, target, frame);

        // An Update touching ordinary, owner and state columns runs the Update pipeline once per group, in one transaction.
        var transaction = frame.Transaction ?? _engine.Store.Begin();
        try
        {
            foreach (var part in parts)
            {
                var partRequest = new UpdateRequest { Target = part, ConcurrencyBehavior = MessageRouter.Concurrency(request) };
                if (request.Parameters.TryGetValue("tag", out var tag)) partRequest["tag"] = tag;
                if (request.Parameters.TryGetValue(DuplicateDetector.ParameterName, out var suppress))
                    partRequest[DuplicateDetector.ParameterName] = suppress;
                RunUpdate(partRequest, part, frame.InTransaction(transaction));
            }

            if (frame.Transaction is null)
            {
                if (transaction.DoomedBy is not null) throw EmulatorEngine.NoActiveTransaction();
                transaction.Commit();
            }
        }
        catch
        {
            if (frame.Transaction is null && transaction.IsOpen) transaction.Rollback();
            throw;
        }

        return new UpdateResponse();
    }

    private OrganizationResponse RunUpdate(OrganizationRequest request, Entity target, CallFrame frame)
    {
        var lanes = new List<PipelineLane> { new("Update", target.LogicalName, request.Parameters) { PrimaryEntityId = target.Id } };
        if (HasSteps("UpdateMultiple", target.LogicalName))
            lanes.Add(new PipelineLane("UpdateMultiple", target.LogicalName, Targets(target.LogicalName, target)));
        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = lanes,
            ReadRow = _engine.Rows.Read,
            Authorize = () => _authorization.Update(frame, _engine.Catalog.Table(target.LogicalName), target),
            Main = _ =>
            {
                if (DuplicateDetector.IsRequested(request)) CheckDuplicatesAfterUpdate(target);
                _engine.Rows.Update(target, frame.UserId, MessageRouter.Concurrency(request));
                return new UpdateResponse();
            },
        }, frame, request);
    }

    private void CheckDuplicatesAfterUpdate(Entity target)
    {
        var table = _engine.Catalog.Table(target.LogicalName);
        var stored = _engine.Rows.Resolve(table, target.ToEntityReference());
        var merged = new Dictionary<string, object?>(stored.Values, StringComparer.OrdinalIgnoreCase);
        foreach (var pair in target.Attributes) merged[pair.Key] = pair.Value;
        _engine.Duplicates.Check(table, stored.Id, merged);
    }

    private static Dictionary<string, object?> AsValues(Entity target) =>
        target.Attributes.ToDictionary(a => a.Key, a => (object?)a.Value, StringComparer.OrdinalIgnoreCase);

    private static List<Entity> SplitForSpecialColumns(Entity target)
    {
        var ordinary = target.Attributes.Where(a => !RowOperations.IsStateColumn(a.Key) && !OwnerColumns.Contains(a.Key)).ToList();
        var owner = target.Attributes.Where(a => OwnerColumns.Contains(a.Key)).ToList();
        var state = target.Attributes.Where(a => RowOperations.IsStateColumn(a.Key)).ToList();
        var groups = new[] { ordinary, owner, state }.Where(g => g.Count > 0).ToList();
        if (groups.Count <= 1) return new List<Entity> { target };
        return groups.Select(g =>
        {
            var part = new Entity(target.LogicalName, target.Id) { RowVersion = target.RowVersion };
            foreach (var pair in g) part[pair.Key] = pair.Value;
            return part;
        }).ToList();
    }

    public OrganizationResponse Delete(OrganizationRequest request, CallFrame frame)
    {
        var target = MessageRouter.Parameter<EntityReference>(request, "Target");
        var table = _engine.Catalog.Table(target.LogicalName);
        var id = _engine.Rows.Resolve(table, target).Id;
        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = new List<PipelineLane> { new("Delete", table.LogicalName, request.Parameters) { PrimaryEntityId = id } },
            ReadRow = _engine.Rows.Read,
            Authorize = () => _authorization.OnRow(frame, table, id, PrivilegeAccess.Delete),
            Main = _ =>
            {
                _engine.Rows.Delete(new EntityReference(table.LogicalName, id) { RowVersion = target.RowVersion },
                    MessageRouter.Concurrency(request));
                return new DeleteResponse();
            },
        }, frame, request);
    }

    public OrganizationResponse Retrieve(OrganizationRequest request, CallFrame frame)
    {
        var target = MessageRouter.Parameter<EntityReference>(request, "Target");
        var columns = request.Parameters.TryGetValue("ColumnSet", out var value) && value is ColumnSet set ? set : new ColumnSet();
        var table = _engine.Catalog.Table(target.LogicalName);
        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = new List<PipelineLane> { new("Retrieve", table.LogicalName, request.Parameters) { PrimaryEntityId = target.Id } },
            Authorize = () => _authorization.OnRow(frame, table, _engine.Rows.Resolve(table, target).Id, PrivilegeAccess.Read),
            Main = _ =>
            {
                var response = new RetrieveResponse();
                var entity = _engine.Rows.Retrieve(target, columns, frame.UserId);
                if (request.Parameters.TryGetValue("RelatedEntitiesQuery", out var related)
                    && related is RelationshipQueryCollection queries)
                {
                    new DeepInsert(_engine, this).RetrieveRelated(table, entity, queries, frame.UserId);
                }

                Query.FormattedValues.Apply(entity, _engine.Catalog, _engine.LanguageOf(frame.UserId), _engine.Rows.PrimaryName);
                response.Results["Entity"] = entity;
                return response;
            },
        }, frame, request);
    }

    public OrganizationResponse RetrieveMultiple(OrganizationRequest request, CallFrame frame)
    {
        var query = MessageRouter.Parameter<QueryBase>(request, "Query");
        var table = query switch
        {
            QueryExpression q => q.EntityName,
            QueryByAttribute q => q.EntityName,
            FetchExpression f => System.Xml.Linq.XDocument.Parse(f.Query).Root?.Element("entity")?.Attribute("name")?.Value ?? "none",
            _ => "none",
        };
        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = new List<PipelineLane> { new("RetrieveMultiple", table, request.Parameters) },
            Authorize = () => _authorization.Query(frame, table),
            Main = _ =>
            {
                var response = new RetrieveMultipleResponse();
                var result = _engine.Queries.Execute((QueryBase)request.Parameters["Query"], frame.UserId);
                var language = _engine.LanguageOf(frame.UserId);
                foreach (var entity in result.Entities) Query.FormattedValues.Apply(entity, _engine.Catalog, language,
                    _engine.Rows.PrimaryName);
                response.Results["EntityCollection"] = result;
                return response;
            },
        }, frame, request);
    }

    public OrganizationResponse Associate(OrganizationRequest request, CallFrame frame, bool associate)
    {
        var target = MessageRouter.Parameter<EntityReference>(request, "Target");
        var relationship = _engine.Catalog.Relationship(MessageRouter.Parameter<Relationship>(request, "Relationship").SchemaName);
        var related = MessageRouter.Parameter<EntityReferenceCollection>(request, "RelatedEntities");
        var message = associate ? "Associate" : "Disassociate";
        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = new List<PipelineLane> { new(message, target.LogicalName, request.Parameters) { PrimaryEntityId = target.Id } },
            Authorize = () => _authorization.Associate(frame, relationship, target, related),
            Main = _ =>
            {
                foreach (var other in related) new Relationships(_engine).Apply(relationship, target, other, associate);
                return associate ? new AssociateResponse() : new DisassociateResponse();
            },
        }, frame, request);
    }

    /// <summary>SetState is the Update of statecode/statuscode.</summary>
    public OrganizationResponse SetState(OrganizationRequest request, CallFrame frame)
    {
        var moniker = MessageRouter.Parameter<EntityReference>(request, "EntityMoniker");
        var update = new Entity(moniker.LogicalName, moniker.Id)
        {
            ["statecode"] = MessageRouter.Parameter<OptionSetValue>(request, "State"),
            ["statuscode"] = MessageRouter.Parameter<OptionSetValue>(request, "Status"),
        };
        Update(new UpdateRequest { Target = update }, frame);
        return new SetStateResponse();
    }

    private bool HasSteps(string message, string table) => _engine.Catalog.Steps.Any(s => s.AppliesTo(message, table));

    private static ParameterCollection Targets(string table, params Entity[] targets) => new()
    {
        ["Targets"] = new EntityCollection(targets.ToList()) { EntityName = table },
    };
}
