using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Pipeline;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Messages;

/// <summary>WhoAmI, marketing-list membership, and custom APIs dispatched to their plugin type at stage 30.</summary>
internal sealed class OtherMessages
{
    private readonly EmulatorEngine _engine;
    private readonly ConcurrentDictionary<string, StepRegistration> _customApiSteps = new(StringComparer.OrdinalIgnoreCase);

    public OtherMessages(EmulatorEngine engine) => _engine = engine;

    public OrganizationResponse WhoAmI(CallFrame frame)
    {
        var response = new WhoAmIResponse();
        response.Results["UserId"] = frame.UserId;
        response.Results["BusinessUnitId"] = _engine.Users.BusinessUnitOf(frame.UserId);
        response.Results["OrganizationId"] = _engine.Users.OrganizationId;
        return response;
    }

    public OrganizationResponse AddMemberList(OrganizationRequest request, CallFrame frame)
    {
        var listId = MessageRouter.Parameter<Guid>(request, "ListId");
        var memberId = MessageRouter.Parameter<Guid>(request, "EntityId");
        return RunListMessage(request, frame, listId, new[] { memberId }, ids =>
        {
            var response = new AddMemberListResponse();
            response.Results["Id"] = ids[0];
            return response;
        });
    }

    public OrganizationResponse AddListMembersList(OrganizationRequest request, CallFrame frame)
    {
        var listId = MessageRouter.Parameter<Guid>(request, "ListId");
        var members = MessageRouter.Parameter<Guid[]>(request, "MemberIds");
        return RunListMessage(request, frame, listId, members, _ => new AddListMembersListResponse());
    }

    private OrganizationResponse RunListMessage(OrganizationRequest request, CallFrame frame, Guid listId, Guid[] members,
        Func<Guid[], OrganizationResponse> respond) =>
        _engine.Runner.Run(new PipelineOperation
        {
            Lanes = new List<PipelineLane> { new(request.RequestName, "list", request.Parameters) { PrimaryEntityId = listId } },
            Main = _ =>
            {
                if (_engine.Store.Find("list", listId) is null) throw PlatformFault.RecordNotFound("list", listId);
                var ids = members.Select(member =>
                {
                    var table = new[] { "contact", "account" }.FirstOrDefault(t => _engine.Store.Find(t, member) is not null)
                        ?? throw PlatformFault.RecordNotFound("contact", member);
                    var existing = _engine.Store.Rows("listmember").FirstOrDefault(r =>
                        r.Get("listid") is EntityReference l && l.Id == listId && r.Get("entityid") is EntityReference e && e.Id == member);
                    return existing?.Id ?? _engine.Rows.Create(new Entity("listmember")
                    {
                        ["listid"] = new EntityReference("list", listId),
                        ["entityid"] = new EntityReference(table, member),
                    }, frame.UserId, enforceSecurity: false);
                }).ToArray();
                return respond(ids);
            },
        }, frame, request);

    public OrganizationResponse CustomApi(CustomApiMetadata api, OrganizationRequest request, CallFrame frame)
    {
        foreach (var parameter in api.RequestParameters.Where(p => !p.IsOptional))
        {
            if (!request.Parameters.Contains(parameter.UniqueName))
            {
                throw PlatformFault.InvalidArgument($"{api.UniqueName}: the required parameter '{parameter.UniqueName}' is missing.");
            }
        }

        var lane = new PipelineLane(api.UniqueName, api.PrimaryEntity, request.Parameters)
        {
            PrimaryEntityId = api.IsBound && request.Parameters.TryGetValue("Target", out var target) && target is EntityReference bound
                ? bound.Id : Guid.Empty,
        };
        return _engine.Runner.Run(new PipelineOperation
        {
            Lanes = new List<PipelineLane> { lane },
            IsResponseProperty = api.HasResponse,
            Authorize = () => new Authorization(_engine).Execute(frame, api),
            Main = transaction =>
            {
                if (api.PluginTypeName is not null)
                {
                    var step = _customApiSteps.GetOrAdd(api.UniqueName, _ => new StepRegistration
                    {
                        Name = api.UniqueName,
                        PluginTypeName = api.PluginTypeName,
                        Message = api.UniqueName,
                        PrimaryEntity = api.PrimaryEntity,
                        Stage = 30,
                    });
                    var context = lane.OperationContext.ForStep(30, 0, lane.OperationContext.UserId);
                    context.PrimaryEntityId = lane.PrimaryEntityId;
                    _engine.Invoker.InvokeSync(step, context, transaction);
                }

                return new OrganizationResponse { ResponseName = api.UniqueName };
            },
        }, frame, request);
}
}
