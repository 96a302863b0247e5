using System;
using System.Activities;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Crm.Extensions.Workflows.Activities;

/// <summary>
/// Shell of every custom workflow activity: reads the host's services into a <see cref="WorkflowActivityContext"/>,
/// runs the activity, turns a domain refusal into the message the workflow shows, and ends with the activity's trace line
/// (<see cref="WorkflowActivityContext.Run"/>). The instance keeps the lock-free <see cref="SettingsCache"/>, the only
/// state it holds, so the activity classifies with the same settings source as the plugins.
/// </summary>
public abstract class WorkflowActivityBase : CodeActivity
{
    /// <summary>Designer group of every activity in this assembly.</summary>
    public const string GroupName = "CRM Extensions";

    private readonly SettingsCache _settings = new();

    protected sealed override void Execute(CodeActivityContext executionContext)
    {
        if (executionContext is null) throw new ArgumentNullException(nameof(executionContext));
        var context = new WorkflowActivityContext(
            executionContext.GetExtension<IWorkflowContext>(),
            executionContext.GetExtension<IOrganizationServiceFactory>(),
            executionContext.GetExtension<ITracingService>(),
            _settings);
        context.Run(GetType().Name, () =>
        {
            Execute(executionContext, context);
            return true;
        });
    }

    /// <summary>Reads the [Input] arguments, calls the activity's use case, sets the [Output] arguments.</summary>
    protected abstract void Execute(CodeActivityContext arguments, WorkflowActivityContext context);
}
