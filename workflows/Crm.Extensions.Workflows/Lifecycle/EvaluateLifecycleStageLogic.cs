using Crm.Extensions.Dataverse.Lifecycle;
using Crm.Extensions.Dataverse.Security;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Lifecycle;

/// <summary>
/// Evaluate lifecycle stage: the scheduled evaluation of cx_EvaluateLifecycle for one customer
/// (<see cref="SingleCustomerEvaluation"/>: same reader, engine, writer and transition key), at the workflow's clock, as
/// SYSTEM like the plugin (the stage is system-managed), with the thresholds of the activity's settings cache. The stage
/// and its transition change the customer, so the workflow's user must be able to write that customer, asked first.
/// </summary>
public static class EvaluateLifecycleStageLogic
{
    public static StageEvaluation Run(WorkflowActivityContext context, EntityReference? customer) =>
        ActivityRefusals.Run(context, () =>
        {
            var evaluated = CustomerArguments.Existing(context, customer, SingleCustomerEvaluation.CustomerRequired);
            CallerAccess.DemandWrite(context.SystemService, context.Workflow.UserId, evaluated);
            return SingleCustomerEvaluation.Evaluate(context.SystemService, evaluated, context.Clock.UtcNow, context.Settings);
        });
}
