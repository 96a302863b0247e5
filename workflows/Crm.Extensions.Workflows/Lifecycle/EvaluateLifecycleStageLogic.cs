using Crm.Extensions.Application.Lifecycle;
using Crm.Extensions.Dataverse.Lifecycle;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Lifecycle;

/// <summary>
/// Evaluate lifecycle stage: the scheduled evaluation of cx_EvaluateLifecycle for one customer
/// (<see cref="SingleCustomerEvaluation"/>: same reader, engine, writer and transition key), at the workflow's clock, as
/// SYSTEM like the plugin (the stage is system-managed), with the thresholds of the activity's settings cache.
/// </summary>
public static class EvaluateLifecycleStageLogic
{
    public static StageEvaluation Run(WorkflowActivityContext context, EntityReference? customer) =>
        ActivityRefusals.Run(
            context, () => SingleCustomerEvaluation.Evaluate(context.SystemService, customer, context.Clock.UtcNow, context.Settings));
}
