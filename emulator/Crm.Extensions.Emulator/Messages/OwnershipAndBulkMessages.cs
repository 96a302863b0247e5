using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Pipeline;
using Crm.Extensions.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Crm.Extensions.Emulator.Messages;

/// <summary>
/// Assign (new owner; cascades per relationship metadata), UpsertMultiple (all-or-nothing Upserts) and DeleteMultiple,
/// which Dataverse offers for elastic tables only ("Use DeleteMultiple" on learn.microsoft.com): the emulator has no elastic
/// tables, so it refuses it for every table, as the platform does for standard ones.
/// </summary>
internal sealed class OwnershipAndBulkMessages
{
    private readonly EmulatorEngine _engine;
    private readonly BulkMessages _bulk;

    public OwnershipAndBulkMessages(EmulatorEngine engine, BulkMessages bulk)
    {
        _engine = engine;
        _bulk = bulk;
    }

    public OrganizationResponse Assign(OrganizationRequest request, CallFrame frame)
    {
        var target = MessageRouter.Parameter<EntityReference>(request, "Target");
        var assignee = MessageRouter.Parameter<EntityReference>(request, "Assignee");
        var table = _engine.Catalog.Table(target.LogicalName);
        if (table.Column("ownerid") is null)
        {
            throw PlatformFault.InvalidArgument($"{table.LogicalName} is organization-owned and has no owner to assign. "
                + $"/ {table.LogicalName} no tiene propietario.");
        }

        if (assignee.LogicalName is not ("systemuser" or "team"))
        {
            throw PlatformFault.InvalidArgument($"Assignee must be a systemuser or a team, not {assignee.LogicalName}. / El asignado debe "
                + $"ser un usuario o un equipo.");
        }

        var id = _engine.Rows.Resolve(table, target).Id;
        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = new List<PipelineLane> { new("Assign", table.LogicalName, request.Parameters) { PrimaryEntityId = id } },
            Authorize = () =>
            {
                var row = _engine.Rows.Resolve(table, new EntityReference(table.LogicalName, id));
                _engine.Privileges.DemandOnRow(frame.UserId, table, PrivilegeAccess.Assign, row);
            },
            Main = _ =>
            {
                var update = new Entity(table.LogicalName, id) { ["ownerid"] = new EntityReference(assignee.LogicalName, assignee.Id) };
                _engine.Rows.Update(update, frame.UserId, ConcurrencyBehavior.Default);
                return new OrganizationResponse { ResponseName = "Assign" };
            },
        }, frame, request);
    }

    public OrganizationResponse UpsertMultiple(OrganizationRequest request, CallFrame frame)
    {
        var targets = MessageRouter.Parameter<EntityCollection>(request, "Targets");
        if (string.IsNullOrEmpty(targets.EntityName))
        {
            throw PlatformFault.InvalidArgument("UpsertMultiple needs Targets.EntityName. / UpsertMultiple necesita Targets.EntityName.");
        }

        var table = _engine.Catalog.Table(targets.EntityName);
        if (targets.Entities.Any(e => e.LogicalName != table.LogicalName))
        {
            throw PlatformFault.InvalidArgument($"Every target of UpsertMultiple must be a {table.LogicalName} row. / Todas las filas "
                + $"deben ser de {table.LogicalName}.");
        }

        var keys = targets.Entities.Select(e => e.Id != Guid.Empty ? e.Id.ToString()
            : string.Join("|", e.KeyAttributes.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + "=" + k.Value))).ToList();
        if (keys.Where(k => k.Length > 0).GroupBy(k => k).Any(g => g.Count() > 1))
        {
            throw PlatformFault.Create(ErrorCodes.DuplicateRecord, "UpsertMultiple names the same row twice. / UpsertMultiple nombra la "
                + "misma fila dos veces.");
        }

        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = new List<PipelineLane> { new("UpsertMultiple", table.LogicalName, request.Parameters) },
            Main = transaction =>
            {
                var results = targets.Entities
                    .Select(t => (UpsertResponse)_bulk.Upsert(new UpsertRequest { Target = t },
                        frame with { Transaction = transaction })).ToArray();
                var response = new OrganizationResponse { ResponseName = "UpsertMultiple" };
                response.Results["Results"] = results;
                return response;
            },
        }, frame, request);
    }

    public OrganizationResponse DeleteMultiple(OrganizationRequest request)
    {
        var targets = MessageRouter.Parameter<EntityReferenceCollection>(request, "Targets");
        var tables = targets.Select(t => t.LogicalName).Distinct().ToList();
        foreach (var name in tables) _engine.Catalog.Table(name);
        throw PlatformFault.InvalidArgument($"DeleteMultiple is available only for elastic tables; {string.Join(", ", tables)} is a "
            + $"standard table. Use Delete"
            + $" (or ExecuteMultiple of Delete requests). / DeleteMultiple solo existe para tablas elásticas; {string.Join(", ", tables)} "
            + $"es una tabla estándar.");
    }
}
