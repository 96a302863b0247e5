using System.Activities;
using System.ComponentModel;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Crm.Extensions.Workflows.Activities;

/// <summary>
/// Evaluate lifecycle stage: cx_EvaluateLifecycle's evaluation of one customer, writing the transition the same way; see
/// <see cref="Application.Lifecycle.EvaluateLifecycle.Customer"/>.
/// </summary>
[DisplayName("Evaluate lifecycle stage")]
public sealed class EvaluateLifecycleStage : WorkflowActivityBase
{
    [Input("Customer (contact)")]
    [ReferenceTarget(EarlyBound.Contact.EntityLogicalName)]
    public InArgument<EntityReference> Contact { get; set; } = null!;

    [Input("Customer (account)")]
    [ReferenceTarget(EarlyBound.Account.EntityLogicalName)]
    public InArgument<EntityReference> Account { get; set; } = null!;

    [Output("Lifecycle stage")]
    [AttributeTarget(EarlyBound.Contact.EntityLogicalName, EarlyBound.Contact.Fields.LifecycleStage)]
    public OutArgument<OptionSetValue> Stage { get; set; } = null!;

    [Output("Stage changed")]
    public OutArgument<bool> Changed { get; set; } = null!;

    protected override void Execute(CodeActivityContext arguments, WorkflowActivityContext context)
    {
        var evaluation = Application.Lifecycle.EvaluateLifecycle.Customer(
            context, context.Workflow.UserId, CustomerArguments.Customer(Contact.Get(arguments), Account.Get(arguments)));
        Stage.Set(arguments, new OptionSetValue(evaluation.StageOption));
        Changed.Set(arguments, evaluation.Changed);
    }
}
