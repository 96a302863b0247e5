using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;
using RedemptionTable = Crm.Extensions.EarlyBound.RewardRedemption;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>Reads the API's inputs, redeems through <see cref="RewardRedemptionService"/> (shared with the workflow activity), sets the outputs.</summary>
internal static class RedeemRewardHandler
{
    public static void Handle(PluginContext context)
    {
        // SYSTEM: the ledger, balances and redemptions are system-managed; the API's own privilege gates the caller.
        // In the API's transaction a version conflict cannot be retried: it is refused with a clear message.
        var redemption = RewardRedemptionService.Redeem(
            context.SystemService,
            context.Input<EntityReference>(RedeemRewardContract.Customer),
            context.Input<EntityReference>(RedeemRewardContract.Reward),
            context.Clock.UtcNow,
            inTransaction: true);

        context.SetOutput(RedeemRewardContract.VoucherCode, redemption.VoucherCode);
        context.SetOutput(RedeemRewardContract.Redemption, new EntityReference(RedemptionTable.EntityLogicalName, redemption.Id));
    }
}
