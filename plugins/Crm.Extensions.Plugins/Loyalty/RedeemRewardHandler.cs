using Crm.Extensions.Application.Loyalty;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Dataverse.Security;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;
using RedemptionTable = Crm.Extensions.EarlyBound.RewardRedemption;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>Reads the API's inputs, redeems through <see cref="RewardRedemptionService"/> (shared with the workflow activity), sets the outputs.</summary>
internal static class RedeemRewardHandler
{
    public static void Handle(PluginContext context)
    {
        // The API's execute privilege (prvCreatecx_RewardRedemption) says who may redeem at all; the caller's own access
        // says for whom: only for a customer the person who called may write. Asked before anything is written.
        var customer = context.Input<EntityReference>(RedeemRewardContract.Customer);
        if (CustomerRecords.IsCustomer(customer)) CallerAccess.DemandWrite(context.SystemService, context.Execution.InitiatingUserId, customer!);

        // SYSTEM: the ledger, balances and redemptions are system-managed, so the caller holds no privileges on them.
        // In the API's transaction a version conflict cannot be retried: it is refused with a clear message.
        var redemption = RewardRedemptionService.Redeem(
            context.SystemService,
            customer,
            context.Input<EntityReference>(RedeemRewardContract.Reward),
            context.Clock.UtcNow,
            inTransaction: true);

        context.SetOutput(RedeemRewardContract.VoucherCode, redemption.VoucherCode);
        context.SetOutput(RedeemRewardContract.Redemption, new EntityReference(RedemptionTable.EntityLogicalName, redemption.Id));
    }
}
