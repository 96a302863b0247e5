using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Pipeline;
using Crm.Extensions.Emulator.Security;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using SharedAccess = Microsoft.Crm.Sdk.Messages.PrincipalAccess;

namespace Crm.Extensions.Emulator.Messages;

/// <summary>
/// GrantAccess, ModifyAccess, RevokeAccess and RetrieveSharedPrincipalsAndAccess. The caller needs prvShare on the table at a
/// depth that reaches the record (or the record shared with ShareAccess) to share or unshare it, and prvRead to list its shares
/// (GrantAccessRequest: "the caller must have privileges on the specified entity in the Target property and access rights on
/// the specified record", learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.grantaccessrequest). Sharing and unsharing
/// cascade to related rows as each one-to-many relationship's CascadeShare / CascadeUnshare says: Cascade = every child,
/// Active = active children, UserOwned = children with the parent's owner ("Configure table relationship cascading behavior",
/// learn.microsoft.com/power-apps/maker/data-platform/configure-entity-relationship-cascading-behavior). Organization-owned
/// tables have no sharing. Principals are users and teams; team membership is not modelled, so a share with a team reaches
/// no user.
/// </summary>
internal sealed class SharingMessages
{
    private readonly EmulatorEngine _engine;

    public SharingMessages(EmulatorEngine engine) => _engine = engine;

    public OrganizationResponse Grant(OrganizationRequest request, CallFrame frame, bool replace)
    {
        var target = MessageRouter.Parameter<EntityReference>(request, "Target");
        var access = MessageRouter.Parameter<SharedAccess>(request, "PrincipalAccess");
        var principal = Principal(access.Principal);
        var table = Shareable(target);
        // A grant of no rights shares nothing; the emulator refuses it rather than store an empty share (an emulator choice:
        // no platform code for it was found).
        if (access.AccessMask == AccessRights.None && !replace)
        {
            throw PlatformFault.InvalidArgument(
                "GrantAccess needs at least one access right. / GrantAccess necesita al menos un derecho de acceso.");
        }

        return Run(request, frame, table, target, row =>
        {
            foreach (var (childTable, child) in Cascade(table, row, r => r.CascadeShare))
            {
                _engine.Shares.Set(childTable.LogicalName, child.Id, principal.LogicalName, principal.Id, access.AccessMask, replace);
            }

            return replace ? new ModifyAccessResponse() : new GrantAccessResponse();
        });
    }

    public OrganizationResponse Revoke(OrganizationRequest request, CallFrame frame)
    {
        var target = MessageRouter.Parameter<EntityReference>(request, "Target");
        var revokee = Principal(MessageRouter.Parameter<EntityReference>(request, "Revokee"));
        var table = Shareable(target);
        return Run(request, frame, table, target, row =>
        {
            foreach (var (_, child) in Cascade(table, row, r => r.CascadeUnshare)) _engine.Shares.Revoke(child.Id, revokee.Id);
            return new RevokeAccessResponse();
        });
    }

    public OrganizationResponse RetrieveShared(OrganizationRequest request, CallFrame frame)
    {
        var target = MessageRouter.Parameter<EntityReference>(request, "Target");
        var table = _engine.Catalog.Table(target.LogicalName);
        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = new List<PipelineLane>
            {
                new("RetrieveSharedPrincipalsAndAccess", table.LogicalName, request.Parameters) { PrimaryEntityId = target.Id },
            },
            Authorize = () => new Authorization(_engine).OnRow(frame, table, _engine.Rows.Resolve(table, target).Id, PrivilegeAccess.Read),
            Main = _ =>
            {
                var row = _engine.Rows.Resolve(table, target);
                var response = new RetrieveSharedPrincipalsAndAccessResponse();
                response.Results["PrincipalAccesses"] = _engine.Shares.On(row.Id)
                    .Select(s => new SharedAccess
                    {
                        Principal = new EntityReference(s.PrincipalType, s.PrincipalId), AccessMask = s.Rights,
                    })
                    .ToArray();
                return response;
            },
        }, frame, request);
    }

    private OrganizationResponse Run(OrganizationRequest request, CallFrame frame, TableMetadata table, EntityReference target,
        Func<Storage.StoredRow, OrganizationResponse> main)
    {
        var id = _engine.Rows.Resolve(table, target).Id;
        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = new List<PipelineLane> { new(request.RequestName, table.LogicalName, request.Parameters) { PrimaryEntityId = id } },
            Authorize = () =>
                _engine.Privileges.DemandOnRow(frame.UserId, table, PrivilegeAccess.Share, _engine.Rows.Resolve(table, target)),
            Main = _ => main(_engine.Rows.Resolve(table, target)),
        }, frame, request);
    }

    private TableMetadata Shareable(EntityReference target)
    {
        var table = _engine.Catalog.Table(target.LogicalName);
        if (table.Ownership == TableOwnership.OrganizationOwned || table.Column("ownerid") is null)
        {
            throw PlatformFault.InvalidArgument($"{table.LogicalName} is organization-owned; its rows cannot be shared. "
                + $"/ {table.LogicalName} pertenece a la organización; sus filas no se pueden compartir.");
        }

        return table;
    }

    private EntityReference Principal(EntityReference? principal)
    {
        if (principal?.LogicalName is not ("systemuser" or "team"))
        {
            throw PlatformFault.InvalidArgument(
                "The principal must be a systemuser or a team. / El principal debe ser un usuario o un equipo.");
        }

        if (_engine.Store.Find(principal.LogicalName, principal.Id) is null)
        {
            throw PlatformFault.RecordNotFound(principal.LogicalName, principal.Id);
        }

        return principal;
    }

    /// <summary>The record itself, then every row the relationships' cascade setting reaches, depth-first, each once.</summary>
    private List<(TableMetadata Table, Storage.StoredRow Row)> Cascade(TableMetadata table, Storage.StoredRow root,
        Func<RelationshipMetadata, CascadeType> setting)
    {
        var reached = new List<(TableMetadata, Storage.StoredRow)> { (table, root) };
        var seen = new HashSet<Guid> { root.Id };
        for (var i = 0; i < reached.Count; i++)
        {
            var (parentTable, parent) = reached[i];
            foreach (var relationship in _engine.Catalog.Relationships.Values.Where(r => r.Kind == RelationshipKind.OneToMany
                && string.Equals(r.ReferencedEntity, parentTable.LogicalName, StringComparison.OrdinalIgnoreCase)
                && setting(r) is CascadeType.Cascade or CascadeType.Active or CascadeType.UserOwned))
            {
                if (!_engine.Catalog.Tables.TryGetValue(relationship.ReferencingEntity, out var childTable)
                    || childTable.Column("ownerid") is null)
                {
                    continue;
                }

                foreach (var child in _engine.Store.Lookup(childTable.LogicalName, relationship.ReferencingAttribute, parent.Id))
                {
                    var applies = setting(relationship) switch
                    {
                        CascadeType.Active => child.Get("statecode") is not OptionSetValue { Value: not 0 },
                        CascadeType.UserOwned => child.Get("ownerid") is EntityReference owner
                            && parent.Get("ownerid") is EntityReference parentOwner && owner.Id == parentOwner.Id,
                        _ => true,
                    };
                    if (applies && seen.Add(child.Id)) reached.Add((childTable, child));
                }
            }
        }

        return reached;
    }
}
