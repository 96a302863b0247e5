using System;
using Crm.Extensions.Domain.Loyalty.Ledger;

namespace Crm.Extensions.Domain.Loyalty.Rewards;

/// <summary>A <c>cx_rewardredemption</c>; <see cref="VoucherCode"/> is under an alternate key.</summary>
public sealed record Redemption(Guid Id, Guid CustomerId, Guid RewardId, RewardKind Kind, string VoucherCode, int PointsCost,
    DateTime RedeemedOn);

/// <summary>What <c>cx_RedeemReward</c> writes in its one transaction: the redemption and its redeem entry.</summary>
public sealed record RedemptionPlan(Redemption Redemption, LedgerEntry RedeemEntry);

/// <summary>Checks the redemption and plans its rows; the ledger replay then takes the points oldest-expiring first.</summary>
public static class RedemptionPlanner
{
    public static RedemptionPlan Plan(
        CatalogReward reward, RedeemingMember member, Guid redemptionId, DateTime asOf, IVoucherCodeGenerator codes)
    {
        if (codes is null)
        {
            throw new ArgumentNullException(nameof(codes));
        }

        RedemptionCheck.EnsureRedeemable(reward, member, asOf);
        var redemption = new Redemption(redemptionId, member.CustomerId, reward.Id, reward.Kind, codes.Next(), reward.PointsCost, asOf);
        var entry = LedgerEntries.Redeem(member.CustomerId, redemptionId, reward.PointsCost, asOf, reward.Name);
        return new RedemptionPlan(redemption, entry);
    }
}
