using System.Activities;
using System.ComponentModel;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using AccountRow = Crm.Extensions.EarlyBound.Account;
using ContactRow = Crm.Extensions.EarlyBound.Contact;

namespace Crm.Extensions.Workflows.Activities;

/// <summary>Evaluate lifecycle stage: cx_EvaluateLifecycle's evaluation of one customer, writing the transition the same way; see <see cref="Application.Lifecycle.EvaluateLifecycle.Customer"/>.</summary>
[DisplayName("Evaluate lifecycle stage")]
public sealed class EvaluateLifecycleStage : WorkflowActivityBase
{
    [Input("Customer (contact)")]
    [ReferenceTarget(ContactRow.EntityLogicalName)]
    public InArgument<EntityReference> Contact { get; set; } = null!;

    [Input("Customer (account)")]
    [ReferenceTarget(AccountRow.EntityLogicalName)]
    public InArgument<EntityReference> Account { get; set; } = null!;

    [Output("Lifecycle stage")]
    [AttributeTarget(ContactRow.EntityLogicalName, ContactRow.Fields.LifecycleStage)]
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
