using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;
using RedemptionTable = Crm.Extensions.EarlyBound.RewardRedemption;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>Reads the API's inputs, redeems through <see cref="Application.Loyalty.RedeemReward"/> (shared with the workflow activity), sets the outputs.</summary>
internal static class RedeemRewardHandler
{
    public static void Handle(PluginContext context)
    {
        // In the API's transaction a version conflict cannot be retried: it is refused with a clear message.
        var redemption = Application.Loyalty.RedeemReward.Run(
            context,
            context.Execution.InitiatingUserId,
            context.Input<EntityReference>(RedeemRewardContract.Customer),
            context.Input<EntityReference>(RedeemRewardContract.Reward),
            inTransaction: true);

        context.SetOutput(RedeemRewardContract.VoucherCode, redemption.VoucherCode);
        context.SetOutput(RedeemRewardContract.Redemption, new EntityReference(RedemptionTable.EntityLogicalName, redemption.Id));
    }
}
