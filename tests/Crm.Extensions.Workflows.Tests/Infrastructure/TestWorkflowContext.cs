using System;
using Crm.Extensions.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Crm.Extensions.Workflows.Tests.Infrastructure;

/// <summary>
/// The least IWorkflowContext an activity's logic needs: an on-demand run by one user, whose OperationCreatedOn is the
/// emulator's clock read when the context is made (as the platform stamps the operation when it starts).
/// </summary>
internal sealed class TestWorkflowContext(DataverseEmulator crm, Guid userId, EntityReference? primary) : IWorkflowContext
{
    public IWorkflowContext ParentContext => null!;

    public string StageName => string.Empty;

    /// <summary>0 = workflow (not a dialog or action).</summary>
    public int WorkflowCategory => 0;

    /// <summary>0 = background.</summary>
    public int WorkflowMode => 0;

    public int Mode => 1;

    public int IsolationMode => 2;

    public int Depth => 1;

    public string MessageName => "ExecuteWorkflow";

    public string PrimaryEntityName => primary?.LogicalName ?? "none";

    public Guid? RequestId { get; } = Guid.NewGuid();

    public string SecondaryEntityName => "none";

    public ParameterCollection InputParameters { get; } = new();

    public ParameterCollection OutputParameters { get; } = new();

    public ParameterCollection SharedVariables { get; } = new();

    public Guid UserId => userId;

    public Guid InitiatingUserId => userId;

    public Guid BusinessUnitId => Guid.Empty;

    public Guid OrganizationId => crm.Users.OrganizationId;

    public string OrganizationName => "emulator";

    public Guid PrimaryEntityId => primary?.Id ?? Guid.Empty;

    public EntityImageCollection PreEntityImages { get; } = new();

    public EntityImageCollection PostEntityImages { get; } = new();

    public EntityReference OwningExtension => null!;

    public Guid CorrelationId { get; } = Guid.NewGuid();

    public bool IsExecutingOffline => false;

    public bool IsOfflinePlayback => false;

    public bool IsInTransaction => false;

    public Guid OperationId { get; } = Guid.NewGuid();

    public DateTime OperationCreatedOn { get; } = crm.Clock.UtcNow;
}
