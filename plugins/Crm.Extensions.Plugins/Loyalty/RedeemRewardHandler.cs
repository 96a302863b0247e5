using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// Reads the API's inputs, redeems through <see cref="Application.Loyalty.RedeemReward"/> (shared with the workflow activity), sets the
/// outputs.
/// </summary>
internal static class RedeemRewardHandler
{
    public static void Handle(PluginContext context)
    {
        // The API's execute privilege (prvCreatecx_RewardRedemption) says who may redeem at all; the use case asks the
        // caller's own access for whom, before anything is written. In the API's transaction a version conflict cannot be
        // retried: it is refused with a clear message.
        var redemption = Application.Loyalty.RedeemReward.Run(
            context,
            context.Execution.InitiatingUserId,
            context.Input(RedeemRewardApi.Request.Customer),
            context.Input(RedeemRewardApi.Request.Reward),
            inTransaction: true);

        context.SetOutput(RedeemRewardApi.Response.VoucherCode, redemption.VoucherCode);
        context.SetOutput(RedeemRewardApi.Response.Redemption, new EntityReference(RewardRedemption.EntityLogicalName, redemption.Id));
    }
}
