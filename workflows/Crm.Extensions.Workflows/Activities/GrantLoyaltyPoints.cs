using System.Activities;
using System.ComponentModel;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Crm.Extensions.Workflows.Activities;

/// <summary>
/// Grant loyalty points to a contact or an account: one bonus entry per source key and customer, so running the step
/// again returns the same entry and writes nothing. See <see cref="Application.Loyalty.GrantPoints"/>.
/// </summary>
[DisplayName("Grant loyalty points")]
public sealed class GrantLoyaltyPoints : WorkflowActivityBase
{
    [Input("Customer (contact)")]
    [ReferenceTarget(EarlyBound.Contact.EntityLogicalName)]
    public InArgument<EntityReference> Contact { get; set; } = null!;

    [Input("Customer (account)")]
    [ReferenceTarget(EarlyBound.Account.EntityLogicalName)]
    public InArgument<EntityReference> Account { get; set; } = null!;

    [RequiredArgument]
    [Input("Points")]
    public InArgument<int> Points { get; set; } = null!;

    [Input("Reason")]
    public InArgument<string> Reason { get; set; } = null!;

    [RequiredArgument]
    [Input("Source key (one grant per key and customer)")]
    public InArgument<string> SourceKey { get; set; } = null!;

    [Output("Ledger entry")]
    [ReferenceTarget(EarlyBound.LoyaltyTransaction.EntityLogicalName)]
    public OutArgument<EntityReference> LedgerEntry { get; set; } = null!;

    protected override void Execute(CodeActivityContext arguments, WorkflowActivityContext context)
    {
        var granted = Application.Loyalty.GrantPoints.Run(
            context, context.Workflow.UserId, CustomerArguments.Customer(Contact.Get(arguments), Account.Get(arguments)),
            Points.Get(arguments), Reason.Get(arguments), SourceKey.Get(arguments));
        LedgerEntry.Set(arguments, granted.Entry);
    }
}
