using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Domain;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application;

/// <summary>
/// What a use case needs from its host, a plugin step (PluginContext) or a workflow activity (WorkflowActivityContext):
/// counted services, tracing, the operation's clock and the host instance's settings. The host ends every run with one
/// StageTrace line (plugins/Crm.Extensions.Dataverse/Diagnostics/StageTrace.cs) that names <see cref="UseCase"/>, the
/// correlation id, the requests and the elapsed time, so a use case never writes a trace line of its own for that.
/// </summary>
public interface IUseCaseContext
{
    /// <summary>Runs as SYSTEM, for the system-managed rows (ledger, balances, stage, journeys).</summary>
    IOrganizationService SystemService { get; }

    /// <summary>Runs as the caller: the step's user, or the workflow's user.</summary>
    IOrganizationService UserService { get; }

    ITracingService Tracing { get; }

    /// <summary>The operation's timestamp, never the machine clock.</summary>
    IClock Clock { get; }

    /// <summary>Lifecycle thresholds and the loyalty program, from the host instance's settings cache.</summary>
    ExecutionSettings Settings { get; }

    /// <summary>The use case that ran, set by the use case itself; the host's stage trace line names it.</summary>
    string? UseCase { get; set; }
}
