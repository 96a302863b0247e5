using System;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Rewards;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using RewardTable = Crm.Extensions.EarlyBound.Reward;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>Reads one <c>cx_reward</c> as the domain's <see cref="CatalogReward"/>; the minimum tier becomes its rank.</summary>
public static class RewardReader
{
    /// <summary>The cx_reward columns <see cref="FromRow"/> maps.</summary>
    public static readonly string[] Columns =
    {
        RewardTable.Fields.Name, RewardTable.Fields.RewardType, RewardTable.Fields.PointsCost, RewardTable.Fields.StateCode,
        RewardTable.Fields.MinTierId, RewardTable.Fields.PerMemberLimit, RewardTable.Fields.ValidFrom, RewardTable.Fields.ValidTo,
        RewardTable.Fields.VoucherValue, RewardTable.Fields.DiscountPercent, RewardTable.Fields.ProductId, RewardTable.Fields.PriceLevelId,
        RewardTable.Fields.LoyaltyProgramId, RewardTable.Fields.Stock,
    };

    public static CatalogReward Read(IOrganizationService service, Guid rewardId, LoyaltyProgramConfiguration program)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (program is null) throw new ArgumentNullException(nameof(program));
        var query = new QueryExpression(RewardTable.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(Columns),
            Criteria = { Conditions = { new ConditionExpression(RewardTable.Fields.RewardId, ConditionOperator.Equal, rewardId) } },
        };
        var rows = service.RetrieveMultiple(query).Entities;
        if (rows.Count == 0)
        {
            throw new BusinessRuleException(
                new LocalizedText("The reward to redeem does not exist.", "La recompensa que se quiere canjear no existe."));
        }

        return FromRow(rows[0], program);
    }

    /// <summary>One cx_reward row holding <see cref="Columns"/>, as the domain sees it against the active program.</summary>
    public static CatalogReward FromRow(Entity row, LoyaltyProgramConfiguration program)
    {
        if (row is null) throw new ArgumentNullException(nameof(row));
        if (program is null) throw new ArgumentNullException(nameof(program));
        var rewardId = row.Id;
        var minimumTier = row.GetAttributeValue<EntityReference>(RewardTable.Fields.MinTierId)?.Id;
        return new CatalogReward(rewardId, row.GetAttributeValue<string>(RewardTable.Fields.Name) ?? string.Empty,
            KindOf(row.GetAttributeValue<OptionSetValue>(RewardTable.Fields.RewardType)?.Value),
            row.GetAttributeValue<int?>(RewardTable.Fields.PointsCost) ?? 0)
        {
            IsActive = (row.GetAttributeValue<OptionSetValue>(RewardTable.Fields.StateCode)?.Value ?? 0) == 0,
            MinimumTierRank = minimumTier is null
                ? null : new Domain.Loyalty.Tiers.TierEvaluator(program.Settings, program.Tiers).Find(minimumTier)?.Rank,
            PerMemberLimit = row.GetAttributeValue<int?>(RewardTable.Fields.PerMemberLimit),
            Stock = row.GetAttributeValue<int?>(RewardTable.Fields.Stock),
            Version = row.RowVersion,
            ValidFrom = row.GetAttributeValue<DateTime?>(RewardTable.Fields.ValidFrom),
            ValidUntil = row.GetAttributeValue<DateTime?>(RewardTable.Fields.ValidTo),
            Value = row.GetAttributeValue<Money>(RewardTable.Fields.VoucherValue)?.Value
                ?? row.GetAttributeValue<decimal?>(RewardTable.Fields.DiscountPercent),
            ProductId = row.GetAttributeValue<EntityReference>(RewardTable.Fields.ProductId)?.Id,
            PriceListId = row.GetAttributeValue<EntityReference>(RewardTable.Fields.PriceLevelId)?.Id,
            // A reward belongs to its program: one of another (or an inactive) program never spends the active program's points.
            OfActiveProgram = row.GetAttributeValue<EntityReference>(RewardTable.Fields.LoyaltyProgramId)?.Id == program.ProgramId,
        };
    }

    private static RewardKind KindOf(int? type) => (GlobalChoices.RewardType?)type switch
    {
        GlobalChoices.RewardType.PercentageDiscount => RewardKind.PercentageDiscount,
        GlobalChoices.RewardType.FixedVoucher => RewardKind.FixedVoucher,
        GlobalChoices.RewardType.FreeProduct => RewardKind.FreeProduct,
        GlobalChoices.RewardType.PriceListUpgrade => RewardKind.PriceListUpgrade,
        _ => RewardKind.EventInvitation,
    };
}
