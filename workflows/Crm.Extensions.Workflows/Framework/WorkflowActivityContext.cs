using System;
using System.Diagnostics;
using Crm.Extensions.Application;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Dataverse.Diagnostics;
using Crm.Extensions.Domain;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Crm.Extensions.Workflows.Framework;

/// <summary>
/// What an activity's logic needs from the workflow host. Built from System.Activities extensions in the
/// net462 build, and directly from the emulator in net10.0 tests, so the logic runs without System.Activities.
/// Every request through its services is counted for the activity's <see cref="StageTrace"/> line.
/// </summary>
public sealed class WorkflowActivityContext : IUseCaseContext
{
    private readonly SettingsCache _settingsCache;
    private IOrganizationService? _userService;
    private IOrganizationService? _systemService;
    private ExecutionSettings? _settings;

    /// <param name="settings">The activity instance's cache: the host reuses an activity instance as Dataverse reuses plugins.</param>
    public WorkflowActivityContext(
        IWorkflowContext workflow, IOrganizationServiceFactory serviceFactory, ITracingService tracing, SettingsCache settings)
    {
        Workflow = workflow ?? throw new ArgumentNullException(nameof(workflow));
        ServiceFactory = serviceFactory ?? throw new ArgumentNullException(nameof(serviceFactory));
        Tracing = tracing ?? throw new ArgumentNullException(nameof(tracing));
        _settingsCache = settings ?? throw new ArgumentNullException(nameof(settings));
        Clock = new OperationClock(workflow);
    }

    public IWorkflowContext Workflow { get; }

    public IOrganizationServiceFactory ServiceFactory { get; }

    public ITracingService Tracing { get; }

    /// <summary>The workflow operation's timestamp, never the machine clock.</summary>
    public IClock Clock { get; }

    /// <summary>Every request made through <see cref="UserService"/> and <see cref="SystemService"/>.</summary>
    public RequestCounter Requests { get; } = new();

    /// <summary>Lifecycle thresholds and the loyalty program, from the same kind of cache as the plugins' (read as SYSTEM).</summary>
    public ExecutionSettings Settings =>
        _settings ??= new ExecutionSettings(_settingsCache, SystemService, Workflow.OrganizationId, Clock.UtcNow);

    /// <summary>Runs as the workflow's user (its owner, or the user who started an on-demand run).</summary>
    public IOrganizationService UserService => _userService ??= Counted(Workflow.UserId);

    /// <summary>
    /// Runs as SYSTEM, for what the plugins also write as SYSTEM: the loyalty ledger, balances, redemptions, journeys and the
    /// lifecycle stage are system-managed. Each activity that writes this way first asks what the workflow's user may do
    /// (<see cref="Dataverse.Security.CallerAccess"/>), as the custom APIs ask of their caller.
    /// </summary>
    public IOrganizationService SystemService => _systemService ??= Counted(null);

    /// <inheritdoc />
    public string? UseCase { get; set; }

    /// <summary>
    /// Runs one activity's use case and ends it with its <see cref="StageTrace"/> line (activity and use case, outcome,
    /// requests, elapsed time, correlation id), whether it succeeds, is refused or fails. A domain refusal becomes the
    /// message the workflow shows (<see cref="ActivityRefusals"/>), here and nowhere else.
    /// </summary>
    public T Run<T>(string activity, Func<T> useCase)
    {
        if (useCase is null) throw new ArgumentNullException(nameof(useCase));
        var watch = Stopwatch.StartNew();
        var outcome = StageTrace.Failed;
        try
        {
            var result = ActivityRefusals.Run(this, useCase);
            outcome = StageTrace.Done;
            return result;
        }
        catch (InvalidPluginExecutionException)
        {
            outcome = StageTrace.Refused;
            throw;
        }
        finally
        {
            var stage = "workflow on " + Workflow.PrimaryEntityName;
            Tracing.Trace(StageTrace.Line(
                StageTrace.Name(activity, UseCase), stage, outcome, Requests, watch.Elapsed, Workflow.CorrelationId, Workflow.Depth));
        }
    }

    private IOrganizationService Counted(Guid? userId) =>
        new CountingOrganizationService(ServiceFactory.CreateOrganizationService(userId), Requests);

    private sealed class OperationClock(IExecutionContext execution) : IClock
    {
        public DateTime UtcNow => DateTime.SpecifyKind(execution.OperationCreatedOn, DateTimeKind.Utc);
    }
}
