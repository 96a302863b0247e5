using Crm.Extensions.Application.Loyalty;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Dataverse.Security;
using Crm.Extensions.Domain.Loyalty.Rewards;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Loyalty;

/// <summary>
/// Redeem reward: the custom API's own service (<see cref="RewardRedemptionService"/>), so the checks and refusal messages
/// are the same. A real-time workflow runs in its trigger's transaction and a balance conflict is refused, as in the API;
/// a background workflow runs outside one, so the member is read again and the redemption re-checked once.
/// </summary>
public static class RedeemRewardLogic
{
    public static RewardRedemption Run(WorkflowActivityContext context, EntityReference? customer, EntityReference? reward) =>
        ActivityRefusals.Run(context, () =>
        {
            // As cx_RedeemReward: only for a customer the workflow's user may write, asked before anything is written.
            if (CustomerRecords.IsCustomer(customer)) CallerAccess.DemandWrite(context.SystemService, context.Workflow.UserId, customer!);
            return RewardRedemptionService.Redeem(
                context.SystemService, customer, reward, context.Clock.UtcNow, inTransaction: context.Workflow.IsInTransaction);
        });
}
