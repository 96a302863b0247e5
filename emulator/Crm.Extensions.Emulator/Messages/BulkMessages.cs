using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Crm.Extensions.Emulator.Messages;

/// <summary>
/// CreateMultiple and UpdateMultiple (all-or-nothing on standard tables; each also raises per-row Create/Update steps)
/// and Upsert (by id, then by alternate key; key columns are stripped from Target when it updates).
/// </summary>
internal sealed class BulkMessages
{
    private readonly EmulatorEngine _engine;
    private readonly DataMessages _data;
    private readonly Authorization _authorization;

    public BulkMessages(EmulatorEngine engine, DataMessages data)
    {
        _engine = engine;
        _data = data;
        _authorization = new Authorization(engine);
    }

    public OrganizationResponse CreateMultiple(OrganizationRequest request, CallFrame frame)
    {
        var targets = MessageRouter.Parameter<EntityCollection>(request, "Targets");
        var table = TableOf(targets);
        var perRow = targets.Entities.Select(
            t => new PipelineLane("Create", table, new ParameterCollection { ["Target"] = t }) { PrimaryEntityId = t.Id }).ToList();
        var lanes = new List<PipelineLane> { new("CreateMultiple", table, request.Parameters) };
        lanes.AddRange(perRow);
        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = lanes,
            ReadRow = _engine.Rows.Read,
            Authorize = () =>
            {
                var metadata = _engine.Catalog.Table(table);
                foreach (var target in targets.Entities) _authorization.Create(frame, metadata, target);
            },
            Main = _ =>
            {
                var ids = new Guid[targets.Entities.Count];
                for (var i = 0; i < ids.Length; i++)
                {
                    ids[i] = _engine.Rows.Create(targets.Entities[i], frame.UserId);
                    targets.Entities[i].Id = ids[i];
                    perRow[i].PrimaryEntityId = ids[i];
                }

                var response = new CreateMultipleResponse();
                response.Results["Ids"] = ids;
                return response;
            },
        }, frame, request);
    }

    public OrganizationResponse UpdateMultiple(OrganizationRequest request, CallFrame frame)
    {
        var targets = MessageRouter.Parameter<EntityCollection>(request, "Targets");
        var table = TableOf(targets);
        var metadata = _engine.Catalog.Table(table);
        foreach (var target in targets.Entities.Where(t => t.Id == Guid.Empty))
            target.Id = _engine.Rows.Resolve(metadata, target.ToEntityReference()).Id;
        var lanes = new List<PipelineLane> { new("UpdateMultiple", table, request.Parameters) };
        lanes.AddRange(
            targets.Entities.Select(
                t => new PipelineLane("Update", table, new ParameterCollection { ["Target"] = t }) { PrimaryEntityId = t.Id }));
        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = lanes,
            ReadRow = _engine.Rows.Read,
            Authorize = () =>
            {
                foreach (var target in targets.Entities) _authorization.Update(frame, metadata, target);
            },
            Main = _ =>
            {
                foreach (var target in targets.Entities) _engine.Rows.Update(target, frame.UserId, MessageRouter.Concurrency(request));
                return new UpdateMultipleResponse();
            },
        }, frame, request);
    }

    public OrganizationResponse Upsert(OrganizationRequest request, CallFrame frame)
    {
        var target = MessageRouter.Parameter<Entity>(request, "Target");
        var table = _engine.Catalog.Table(target.LogicalName);
        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = new List<PipelineLane> { new("Upsert", table.LogicalName, request.Parameters) { PrimaryEntityId = target.Id } },
            Main = transaction =>
            {
                var existing = target.Id != Guid.Empty
                    ? _engine.Store.Find(table.LogicalName, target.Id)
                    : target.KeyAttributes.Count > 0 ? _engine.Rows.FindByKey(table, target.KeyAttributes) : null;
                // The inner Create or Update runs in the Upsert's transaction, at the Upsert's depth.
                var inner = frame with { Transaction = transaction };
                bool created;
                if (existing is not null)
                {
                    target.Id = existing.Id;
                    foreach (var key in target.KeyAttributes.Keys) target.Attributes.Remove(key);
                    target.KeyAttributes = new KeyAttributeCollection();
                    _data.Update(new UpdateRequest { Target = target }, inner);
                    created = false;
                }
                else
                {
                    target.Id = ((CreateResponse)_data.Create(new CreateRequest { Target = target }, inner)).id;
                    created = true;
                }

                var response = new UpsertResponse();
                response.Results["RecordCreated"] = created;
                response.Results["Target"] = new EntityReference(table.LogicalName, target.Id);
                return response;
            },
        }, frame, request);
    }

    private static string TableOf(EntityCollection targets)
    {
        var table = targets.EntityName ?? targets.Entities.FirstOrDefault()?.LogicalName;
        if (string.IsNullOrEmpty(table)
            || targets.Entities.Any(e => !string.Equals(e.LogicalName, table, StringComparison.OrdinalIgnoreCase)))
        {
            throw PlatformFault.InvalidArgument("All targets of a *Multiple request must be rows of the same table, named in EntityName.");
        }

        return table;
    }
}
