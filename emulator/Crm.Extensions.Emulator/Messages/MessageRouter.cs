using System;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Messages;

/// <summary>Sends each request to its message's handler; any other name is tried as a custom API of the solution.</summary>
internal sealed class MessageRouter
{
    private readonly DataMessages _data;
    private readonly BulkMessages _bulk;
    private readonly BatchMessages _batch;
    private readonly OtherMessages _other;
    private readonly ListMemberRemoval _listRemoval;
    private readonly OwnershipAndBulkMessages _ownership;
    private readonly MetadataMessages _metadata;
    private readonly SharingMessages _sharing;

    public MessageRouter(EmulatorEngine engine)
    {
        _data = new DataMessages(engine);
        _bulk = new BulkMessages(engine, _data);
        _batch = new BatchMessages(engine);
        _other = new OtherMessages(engine);
        _listRemoval = new ListMemberRemoval(engine);
        _ownership = new OwnershipAndBulkMessages(engine, _bulk);
        _metadata = new MetadataMessages(engine);
        _sharing = new SharingMessages(engine);
        Engine = engine;
    }

    private EmulatorEngine Engine { get; }

    public OrganizationResponse Route(OrganizationRequest request, CallFrame frame) => request.RequestName switch
    {
        "Create" => _data.Create(request, frame),
        "Update" => _data.Update(request, frame),
        "Delete" => _data.Delete(request, frame),
        "Retrieve" => _data.Retrieve(request, frame),
        "RetrieveMultiple" => _data.RetrieveMultiple(request, frame),
        "Associate" => _data.Associate(request, frame, associate: true),
        "Disassociate" => _data.Associate(request, frame, associate: false),
        "SetState" => _data.SetState(request, frame),
        "CreateMultiple" => _bulk.CreateMultiple(request, frame),
        "UpdateMultiple" => _bulk.UpdateMultiple(request, frame),
        "Upsert" => _bulk.Upsert(request, frame),
        "ExecuteMultiple" => _batch.ExecuteMultiple(request, frame),
        "ExecuteTransaction" => _batch.ExecuteTransaction(request, frame),
        "WhoAmI" => _other.WhoAmI(frame),
        "AddMemberList" => _other.AddMemberList(request, frame),
        "AddListMembersList" => _other.AddListMembersList(request, frame),
        "RemoveMemberList" => _listRemoval.RemoveMemberList(request, frame),
        "RetrievePrincipalAccess" => new PrincipalAccess(Engine).Retrieve(request, frame),
        "Assign" => _ownership.Assign(request, frame),
        "UpsertMultiple" => _ownership.UpsertMultiple(request, frame),
        "DeleteMultiple" => _ownership.DeleteMultiple(request),
        "RetrieveEntity" => _metadata.RetrieveEntity(request, frame),
        "RetrieveAttribute" => _metadata.RetrieveAttribute(request, frame),
        "RetrieveAllEntities" => _metadata.RetrieveAllEntities(request, frame),
        "GrantAccess" => _sharing.Grant(request, frame, replace: false),
        "ModifyAccess" => _sharing.Grant(request, frame, replace: true),
        "RevokeAccess" => _sharing.Revoke(request, frame),
        "RetrieveSharedPrincipalsAndAccess" => _sharing.RetrieveShared(request, frame),
        _ when request.RequestName is not null
            && Engine.Catalog.CustomApis.TryGetValue(request.RequestName, out var api) => _other.CustomApi(api, request, frame),
        _ => throw PlatformFault.InvalidArgument($"Request {request.RequestName} is not a message this environment knows."
            + $" / La solicitud {request.RequestName} no es un mensaje conocido en este entorno."),
    };

    internal static T Parameter<T>(OrganizationRequest request, string name)
    {
        if (request.Parameters.TryGetValue(name, out var value) && value is T typed) return typed;
        throw PlatformFault.InvalidArgument($"Required field '{name}' is missing or has the wrong type for {request.RequestName}.");
    }

    internal static ConcurrencyBehavior Concurrency(OrganizationRequest request) =>
        request.Parameters.TryGetValue("ConcurrencyBehavior", out var value) && value is ConcurrencyBehavior behavior
            ? behavior : ConcurrencyBehavior.Default;
}
