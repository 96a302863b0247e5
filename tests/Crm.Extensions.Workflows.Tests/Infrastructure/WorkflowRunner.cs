using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Emulator;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Tests.Infrastructure;

/// <summary>
/// Runs an activity's logic as the workflow host would: an <see cref="Microsoft.Xrm.Sdk.Workflow.IWorkflowContext"/>,
/// the emulator as <see cref="IOrganizationServiceFactory"/> and a tracing service, on a fresh in-memory Dataverse
/// loaded from solution/src with the product's plugins (so writes fire the same steps as in Dataverse).
/// </summary>
internal sealed class WorkflowRunner
{
    private static readonly Lazy<Assembly> Plugins = new(() => Assembly.LoadFrom(BuildPaths.PluginAssembly));

    public WorkflowRunner()
    {
        Crm = DataverseEmulator.FromSolution(BuildPaths.SolutionSource, Plugins.Value);
        Data = new DataProducer(Crm);
        UserId = Crm.Users.SystemUserId;
    }

    public DataverseEmulator Crm { get; }

    public DataProducer Data { get; }

    /// <summary>The workflow's user (owner of the process); SYSTEM unless a test changes it.</summary>
    public Guid UserId { get; set; }

    public List<string> Traces { get; } = new();

    /// <summary>The activity instance's settings cache, kept across runs as the workflow host keeps the activity.</summary>
    public SettingsCache Settings { get; } = new();

    /// <summary>
    /// Write requests the activity made since the last reset (anything but the reads: Retrieve, RetrieveMultiple, RetrievePrincipalAccess).
    /// </summary>
    public int Writes
        => Crm.Requests.Caller.Where(r => r.Key is not ("Retrieve" or "RetrieveMultiple" or "RetrievePrincipalAccess")).Sum(r => r.Value);

    /// <summary>A user whose interface language is Spanish, made the workflow's user.</summary>
    public Guid RunAsSpanishUser() => UserId = Crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);

    /// <summary>Runs a use case as WorkflowActivityBase runs an activity: through WorkflowActivityContext.Run, once.</summary>
    public T Run<T>(Func<WorkflowActivityContext, T> useCase, EntityReference? primary = null, string activity = "Activity")
    {
        var context = new WorkflowActivityContext(new TestWorkflowContext(Crm, UserId, primary), Crm, new ListTracing(Traces), Settings);
        return context.Run(activity, () => useCase(context));
    }

    private sealed class ListTracing(List<string> lines) : ITracingService
    {
        public void Trace(string format, params object[] args) =>
            lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
