using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Rewards;
using Crm.Extensions.Domain.Loyalty.Tiers;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using RedemptionTable = Crm.Extensions.EarlyBound.RewardRedemption;
using RewardTable = Crm.Extensions.EarlyBound.Reward;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Read-only: the active program's active rewards and the member as <see cref="RedemptionCheck"/> sees them, so the
/// catalogue offered on the form is decided by the same rule cx_RedeemReward applies. Two queries.
/// </summary>
public static class RewardCatalogueReader
{
    /// <summary>The active rewards of the active program, cheapest first (then by name).</summary>
    public static IReadOnlyList<CatalogReward> ActiveRewards(IOrganizationService service, LoyaltyProgramConfiguration program)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (program is null) throw new ArgumentNullException(nameof(program));
        var query = new QueryExpression(RewardTable.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(RewardReader.Columns),
            Criteria =
            {
                Conditions =
                {
                    new ConditionExpression(RewardTable.Fields.LoyaltyProgramId, ConditionOperator.Equal, program.ProgramId),
                    new ConditionExpression(RewardTable.Fields.StateCode, ConditionOperator.Equal, 0),
                },
            },
            Orders = { new OrderExpression(RewardTable.Fields.PointsCost, OrderType.Ascending),
                new OrderExpression(RewardTable.Fields.Name, OrderType.Ascending) },
        };
        return QueryPages.All(service, query).Select(row => RewardReader.FromRow(row, program)).ToList();
    }

    /// <summary>Per reward, the member's redemptions that still count toward its per-member limit (not cancelled).</summary>
    public static IReadOnlyDictionary<Guid, int> RedemptionsPerReward(IOrganizationService service, Guid customerId)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var query = new QueryExpression(RedemptionTable.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(RedemptionTable.Fields.RewardId),
            Criteria =
            {
                Conditions =
                {
                    new ConditionExpression(RedemptionTable.Fields.CustomerId, ConditionOperator.Equal, customerId),
                    new ConditionExpression(
                        RedemptionTable.Fields.RedemptionStatus, ConditionOperator.NotEqual,
                        (int)RedemptionTable.RedemptionStatusChoice.Cancelled),
                },
            },
            Orders = { new OrderExpression(RedemptionTable.Fields.RewardRedemptionId, OrderType.Ascending) },
        };
        return QueryPages.All(service, query)
            .Select(row => row.GetAttributeValue<EntityReference>(RedemptionTable.Fields.RewardId)?.Id)
            .Where(id => id is not null)
            .GroupBy(id => id!.Value)
            .ToDictionary(group => group.Key, group => group.Count());
    }

    /// <summary>
    /// The member as the redemption check sees them for one reward: the tier's rank in the program, the points available
    /// today (replayed from the ledger, as the redemption itself computes them) and the prior redemptions of that reward.
    /// </summary>
    public static RedeemingMember AsRedeemingMember(
        MemberLedger member, LoyaltyProgramConfiguration program, DateTime asOf, int priorRedemptions)
    {
        if (member is null) throw new ArgumentNullException(nameof(member));
        if (program is null) throw new ArgumentNullException(nameof(program));
        var tierRank = new TierEvaluator(program.Settings, program.Tiers).Find(member.TierId)?.Rank;
        var available = MemberBalances.From(member.Entries, asOf, program.Settings).Available;
        return new RedeemingMember(member.Customer.Id, tierRank, available, priorRedemptions)
        {
            IsBlocked = member.IsBlocked,
            IsInactive = member.IsInactive,
        };
    }
}
