using System.Activities;
using System.ComponentModel;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Crm.Extensions.Workflows.Activities;

/// <summary>
/// Redeem reward for a contact or an account, with the checks and refusal messages of cx_RedeemReward; see
/// <see cref="Application.Loyalty.RedeemReward"/>. A real-time workflow runs in its trigger's transaction and a balance conflict is
/// refused, as in the API; a background workflow runs outside one, so the member is read again and the redemption re-checked once.
/// </summary>
[DisplayName("Redeem reward")]
public sealed class RedeemReward : WorkflowActivityBase
{
    [Input("Customer (contact)")]
    [ReferenceTarget(EarlyBound.Contact.EntityLogicalName)]
    public InArgument<EntityReference> Contact { get; set; } = null!;

    [Input("Customer (account)")]
    [ReferenceTarget(EarlyBound.Account.EntityLogicalName)]
    public InArgument<EntityReference> Account { get; set; } = null!;

    [RequiredArgument]
    [Input("Reward")]
    [ReferenceTarget(EarlyBound.Reward.EntityLogicalName)]
    public InArgument<EntityReference> Reward { get; set; } = null!;

    [Output("Voucher code")]
    public OutArgument<string> VoucherCode { get; set; } = null!;

    [Output("Redemption")]
    [ReferenceTarget(EarlyBound.RewardRedemption.EntityLogicalName)]
    public OutArgument<EntityReference> Redemption { get; set; } = null!;

    protected override void Execute(CodeActivityContext arguments, WorkflowActivityContext context)
    {
        var customer = CustomerArguments.Customer(Contact.Get(arguments), Account.Get(arguments));
        // The use case is shared with cx_RedeemReward, whose input has another name: the customer arguments are checked here.
        if (CustomerRecords.IsCustomer(customer))
        {
            customer = CustomerArguments.Existing(context, customer, Application.Loyalty.RedeemReward.CustomerRequired);
        }

        var redemption = Application.Loyalty.RedeemReward.Run(
            context, context.Workflow.UserId, customer, Reward.Get(arguments), inTransaction: context.Workflow.IsInTransaction);
        VoucherCode.Set(arguments, redemption.VoucherCode);
        Redemption.Set(arguments, new EntityReference(EarlyBound.RewardRedemption.EntityLogicalName, redemption.Id));
    }
}
