using System;
using System.Linq;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Rewards;
using Crm.Extensions.Domain.Loyalty.Tiers;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using RedemptionTable = Crm.Extensions.EarlyBound.RewardRedemption;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Redeems a reward for a member: checks (RedemptionPlanner), then the balance under RowVersion first, so a concurrent
/// redemption that spent the same points makes this one fail before it writes anything; then the redemption row (voucher
/// code under its alternate key) and the redeem entry. On a version conflict it reads the member again and re-checks
/// once (outside a transaction); inside one (a custom API) the platform forbids continuing, so it refuses clearly.
/// </summary>
public static class RewardRedemptions
{
    public static Redemption Redeem(
        IOrganizationService service, LoyaltyProgramConfiguration program, MemberLedger member, Domain.Loyalty.Rewards.CatalogReward reward,
        DateTime now, IVoucherCodeGenerator codes, Func<MemberLedger>? reread)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        try
        {
            return RedeemOnce(service, program, member, reward, now, codes);
        }
        catch (Exception conflict) when (BalanceWriter.IsVersionMismatch(conflict))
        {
            if (reread is null) throw new BusinessRuleException(BalanceChanged);
            // The first try already took its unit of stock: the retry keeps it, and gives it back when refused.
            try { return RedeemOnce(service, program, reread(), reward with { Stock = null }, now, codes); }
            catch (Exception) when (reward.Stock is not null) { RewardStock.GiveBack(service, reward.Id); throw; }
        }
    }

    public static LocalizedText BalanceChanged { get; } = new(
        "The customer's available points changed while this reward was being redeemed (another redemption or purchase). Nothing was " +
        "redeemed; please try again.",
        "Los puntos disponibles del cliente cambiaron mientras se canjeaba esta recompensa (otro canje o compra). No se canjeó nada; " +
        "vuelva a intentarlo.");

    private static Redemption RedeemOnce(IOrganizationService service, LoyaltyProgramConfiguration program, MemberLedger member,
        Domain.Loyalty.Rewards.CatalogReward reward, DateTime now, IVoucherCodeGenerator codes)
    {
        var redeeming = RewardCatalogueReader.AsRedeemingMember(member, program, now,
            PriorRedemptions(service, member.Customer.Id, reward.Id));
        var plan = RedemptionPlanner.Plan(reward, redeeming, Guid.NewGuid(), now, codes);

        RewardStock.Take(service, reward);
        BalanceWriter.WriteOnce(service, member with { Entries = member.Entries.Concat(new[] { plan.RedeemEntry }).ToList() }, now,
            program.Settings);
        service.Create(new Entity(RedemptionTable.EntityLogicalName, plan.Redemption.Id)
        {
            [RedemptionTable.Fields.Name] = reward.Name.Length <= 200 ? reward.Name : reward.Name.Substring(0, 200),
            [RedemptionTable.Fields.CustomerId] = member.Customer,
            [RedemptionTable.Fields.RewardId] = new EntityReference(EarlyBound.Reward.EntityLogicalName, reward.Id),
            [RedemptionTable.Fields.VoucherCode] = plan.Redemption.VoucherCode,
            [RedemptionTable.Fields.PointsSpent] = plan.Redemption.PointsCost,
            [RedemptionTable.Fields.RedeemedOn] = now,
            [RedemptionTable.Fields.RedemptionStatus] = new OptionSetValue((int)RedemptionTable.RedemptionStatusChoice.Issued),
        });
        LedgerWriter.Write(service, new[] { plan.RedeemEntry }, member.Customer, program.ProgramId, member.Entries, now);
        return plan.Redemption;
    }

    /// <summary>Redemptions of this reward by this member that still count (not cancelled).</summary>
    private static int PriorRedemptions(IOrganizationService service, Guid customerId, Guid rewardId)
    {
        var query = new QueryExpression(RedemptionTable.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(RedemptionTable.Fields.RewardRedemptionId),
            Criteria =
            {
                Conditions =
                {
                    new ConditionExpression(RedemptionTable.Fields.CustomerId, ConditionOperator.Equal, customerId),
                    new ConditionExpression(RedemptionTable.Fields.RewardId, ConditionOperator.Equal, rewardId),
                    new ConditionExpression(RedemptionTable.Fields.RedemptionStatus, ConditionOperator.NotEqual,
                        (int)RedemptionTable.RedemptionStatusChoice.Cancelled),
                },
            },
        };
        return service.RetrieveMultiple(query).Entities.Count;
    }
}
