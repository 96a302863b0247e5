using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Loyalty.Rewards;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;
using RedemptionTable = Crm.Extensions.EarlyBound.RewardRedemption;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>Reads the inputs, the program, the member and the reward; RedemptionPlanner decides; RewardRedemptions writes.</summary>
internal static class RedeemRewardHandler
{
    public static void Handle(PluginContext context)
    {
        var customer = context.Input<EntityReference>(RedeemRewardContract.Customer);
        var rewardReference = context.Input<EntityReference>(RedeemRewardContract.Reward);
        RedeemRewardContract.EnsureValid(customer, rewardReference);

        // SYSTEM: the ledger, balances and redemptions are system-managed; the API's own privilege gates the caller.
        var service = context.SystemService;
        var program = LoyaltyProgramReader.Active(service) ?? throw new BusinessRuleException(RedeemRewardContract.NoProgram);
        var member = MemberLedgerReader.Read(service, customer!);
        var reward = RewardReader.Read(service, rewardReference!.Id, program);
        using var codes = new VoucherCodeGenerator();
        // In the API's transaction a version conflict cannot be retried: it is refused with a clear message (reread: null).
        var redemption = RewardRedemptions.Redeem(service, program, member, reward, context.Clock.UtcNow, codes, reread: null);

        context.SetOutput(RedeemRewardContract.VoucherCode, redemption.VoucherCode);
        context.SetOutput(RedeemRewardContract.Redemption, new EntityReference(RedemptionTable.EntityLogicalName, redemption.Id));
    }
}
