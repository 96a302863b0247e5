using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Pipeline;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Messages;

/// <summary>
/// RemoveMemberList (Microsoft.Crm.Sdk.Messages): removes a contact, account or lead from a marketing list by deleting its
/// listmember row. The list must exist; a record that is not a member leaves the list unchanged (emulator choice:
/// the documentation names no fault for it, and removing is then already done).
/// </summary>
internal sealed class ListMemberRemoval
{
    private readonly EmulatorEngine _engine;

    public ListMemberRemoval(EmulatorEngine engine) => _engine = engine;

    public OrganizationResponse RemoveMemberList(OrganizationRequest request, CallFrame frame)
    {
        var listId = MessageRouter.Parameter<Guid>(request, "ListId");
        var memberId = MessageRouter.Parameter<Guid>(request, "EntityId");
        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = new List<PipelineLane> { new(request.RequestName, "list", request.Parameters) { PrimaryEntityId = listId } },
            Main = _ =>
            {
                if (_engine.Store.Find("list", listId) is null) throw PlatformFault.RecordNotFound("list", listId);
                var membership = _engine.Store.Rows("listmember").FirstOrDefault(row =>
                    row.Get("listid") is EntityReference list && list.Id == listId && row.Get("entityid") is EntityReference member
                        && member.Id == memberId);
                if (membership is not null)
                    _engine.Rows.Delete(new EntityReference("listmember", membership.Id), ConcurrencyBehavior.Default);
                return new RemoveMemberListResponse();
            },
        }, frame, request);
    }
}
