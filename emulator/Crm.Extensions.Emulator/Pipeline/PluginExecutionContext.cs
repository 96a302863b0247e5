using System;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Pipeline;

/// <summary>The execution context handed to a plugin; one per message pipeline and stage group, as in Dataverse.</summary>
internal sealed class PluginExecutionContext : IPluginExecutionContext4
{
    public int Mode { get; set; }
    public int IsolationMode { get; set; } = 2;
    public int Depth { get; set; }
    public string MessageName { get; set; } = "";
    public string PrimaryEntityName { get; set; } = "none";
    public Guid? RequestId { get; set; }
    public string SecondaryEntityName { get; set; } = "none";
    public ParameterCollection InputParameters { get; set; } = new();
    public ParameterCollection OutputParameters { get; set; } = new();
    public ParameterCollection SharedVariables { get; set; } = new();
    public Guid UserId { get; set; }
    public Guid InitiatingUserId { get; set; }
    public Guid BusinessUnitId { get; set; }
    public Guid OrganizationId { get; set; }
    public string OrganizationName { get; set; } = "emulator";
    public Guid PrimaryEntityId { get; set; }
    public EntityImageCollection PreEntityImages { get; set; } = new();
    public EntityImageCollection PostEntityImages { get; set; } = new();
    public EntityReference OwningExtension { get; set; } = null!;
    public Guid CorrelationId { get; set; }
    public bool IsExecutingOffline => false;
    public bool IsOfflinePlayback => false;
    public bool IsInTransaction { get; set; }
    public Guid OperationId { get; set; }
    public DateTime OperationCreatedOn { get; set; }
    public int Stage { get; set; }
    public IPluginExecutionContext ParentContext { get; set; } = null!;
    public Guid UserAzureActiveDirectoryObjectId => Guid.Empty;
    public Guid InitiatingUserAzureActiveDirectoryObjectId => Guid.Empty;
    public Guid InitiatingUserApplicationId => Guid.Empty;
    public Guid PortalsContactId => Guid.Empty;
    public bool IsPortalsClientCall => false;
    public Guid AuthenticatedUserId => InitiatingUserId;
    public EntityImageCollection[] PreEntityImagesCollection { get; set; } = Array.Empty<EntityImageCollection>();
    public EntityImageCollection[] PostEntityImagesCollection { get; set; } = Array.Empty<EntityImageCollection>();

    /// <summary>A copy for a step: same parameter collections (so changes at 10/20 take effect), own images and stage.</summary>
    public PluginExecutionContext ForStep(int stage, int mode, Guid userId) => new()
    {
        Mode = mode,
        Depth = Depth,
        MessageName = MessageName,
        PrimaryEntityName = PrimaryEntityName,
        RequestId = RequestId,
        InputParameters = InputParameters,
        OutputParameters = OutputParameters,
        SharedVariables = SharedVariables,
        UserId = userId,
        InitiatingUserId = InitiatingUserId,
        BusinessUnitId = BusinessUnitId,
        OrganizationId = OrganizationId,
        PrimaryEntityId = PrimaryEntityId,
        CorrelationId = CorrelationId,
        IsInTransaction = IsInTransaction,
        OperationId = OperationId,
        OperationCreatedOn = OperationCreatedOn,
        Stage = stage,
        ParentContext = ParentContext,
    };
}
