using Crm.Extensions.Dataverse.Configuration;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application;

/// <summary>What a use case needs from its host, a plugin step or a workflow activity: services, tracing and settings.</summary>
public interface IUseCaseContext
{
    /// <summary>Runs as SYSTEM, for the system-managed rows (ledger, balances, stage, journeys).</summary>
    IOrganizationService SystemService { get; }

    ITracingService Tracing { get; }

    /// <summary>Lifecycle thresholds and the loyalty program, from the host instance's settings cache.</summary>
    ExecutionSettings Settings { get; }
}
