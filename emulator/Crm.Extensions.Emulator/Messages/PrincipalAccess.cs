using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Pipeline;
using Crm.Extensions.Emulator.Security;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Messages;

/// <summary>
/// RetrievePrincipalAccess: the access rights a user (Principal) has on a record (Target), from the user's role
/// privileges and their depth (learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.retrieveprincipalaccessrequest).
/// Only users are principals here: the emulator has no teams. The caller needs prvRead on the record.
/// </summary>
internal sealed class PrincipalAccess
{
    private readonly EmulatorEngine _engine;

    public PrincipalAccess(EmulatorEngine engine) => _engine = engine;

    public OrganizationResponse Retrieve(OrganizationRequest request, CallFrame frame)
    {
        var principal = MessageRouter.Parameter<EntityReference>(request, "Principal");
        var target = MessageRouter.Parameter<EntityReference>(request, "Target");
        if (principal.LogicalName != "systemuser")
            throw PlatformFault.InvalidArgument("The emulator knows only users as principals; teams are not modelled.");
        if (_engine.Store.Find("systemuser", principal.Id) is null) throw PlatformFault.RecordNotFound("systemuser", principal.Id);
        var table = _engine.Catalog.Table(target.LogicalName);
        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = new List<PipelineLane> {
                new("RetrievePrincipalAccess", table.LogicalName, request.Parameters) { PrimaryEntityId = target.Id } },
            Authorize = () => new Authorization(_engine).OnRow(frame, table, _engine.Rows.Resolve(table, target).Id, PrivilegeAccess.Read),
            Main = _ =>
            {
                var row = _engine.Rows.Resolve(table, target);
                var rights = _engine.Privileges.AccessOn(principal.Id, table, row)
                    .Aggregate(AccessRights.None, (all, access) => all | PrivilegeChecker.Right(access));
                var response = new RetrievePrincipalAccessResponse();
                response.Results["AccessRights"] = rights;
                return response;
            },
        }, frame, request);
    }
}
