using System;
using Crm.Extensions.Domain;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Crm.Extensions.Workflows.Framework;

/// <summary>
/// What an activity's logic needs from the workflow host. Built from System.Activities extensions in the
/// net462 build, and directly from the emulator in net10.0 tests, so the logic runs without System.Activities.
/// </summary>
public sealed class WorkflowActivityContext
{
    private IOrganizationService? _userService;
    private IOrganizationService? _systemService;

    public WorkflowActivityContext(IWorkflowContext workflow, IOrganizationServiceFactory serviceFactory, ITracingService tracing)
    {
        Workflow = workflow ?? throw new ArgumentNullException(nameof(workflow));
        ServiceFactory = serviceFactory ?? throw new ArgumentNullException(nameof(serviceFactory));
        Tracing = tracing ?? throw new ArgumentNullException(nameof(tracing));
        Clock = new OperationClock(workflow);
    }

    public IWorkflowContext Workflow { get; }

    public IOrganizationServiceFactory ServiceFactory { get; }

    public ITracingService Tracing { get; }

    /// <summary>The workflow operation's timestamp, never the machine clock.</summary>
    public IClock Clock { get; }

    /// <summary>Runs as the workflow's user (its owner, or the user who started an on-demand run).</summary>
    public IOrganizationService UserService => _userService ??= ServiceFactory.CreateOrganizationService(Workflow.UserId);

    /// <summary>
    /// Runs as SYSTEM, for what the plugins also write as SYSTEM: the loyalty ledger, balances, redemptions, journeys and the
    /// lifecycle stage are system-managed. Each activity that writes this way first asks what the workflow's user may do
    /// (<see cref="Dataverse.Security.CallerAccess"/>), as the custom APIs ask of their caller.
    /// </summary>
    public IOrganizationService SystemService => _systemService ??= ServiceFactory.CreateOrganizationService(null);

    private sealed class OperationClock(IExecutionContext execution) : IClock
    {
        public DateTime UtcNow => DateTime.SpecifyKind(execution.OperationCreatedOn, DateTimeKind.Utc);
    }
}
