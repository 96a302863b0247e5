using System;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Rewards;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using RewardTable = Crm.Extensions.EarlyBound.Reward;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// A reward's units in stock (<c>cx_stock</c>; empty for unlimited). A loyalty administrator sets it (only that role writes
/// rewards); only a redemption takes a unit and only a cancellation gives one back, both as SYSTEM in the same request as the
/// redemption. A unit is taken under the RowVersion the eligibility check read, so two agents can never both take the last
/// one: the second write conflicts and is refused, and its transaction undoes everything else it wrote.
/// </summary>
public static class RewardStock
{
    public static LocalizedText StockChanged(string rewardName) => new(
        $"Another redemption of \"{rewardName}\" changed its stock while this one was being made. Nothing was redeemed; please try again.",
        $"Otro canje de \"{rewardName}\" cambió sus unidades en stock mientras se hacía este. No se canjeó nada; vuelva a intentarlo.");

    /// <summary>Takes one unit of a stocked reward, under the version it was checked at; an unlimited reward is left alone.</summary>
    public static void Take(IOrganizationService service, CatalogReward reward)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (reward?.Stock is not { } stock) return;
        try
        {
            service.Execute(Write(reward.Id, reward.Version, stock - 1));
        }
        catch (Exception conflict) when (BalanceWriter.IsVersionMismatch(conflict))
        {
            throw new BusinessRuleException(StockChanged(reward.Name));
        }
    }

    /// <summary>Adds one unit back to a stocked reward, under its RowVersion; a concurrent change is read again once.</summary>
    public static void GiveBack(IOrganizationService service, Guid rewardId)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        try
        {
            GiveBackOnce(service, rewardId);
        }
        catch (Exception conflict) when (BalanceWriter.IsVersionMismatch(conflict))
        {
            GiveBackOnce(service, rewardId);
        }
    }

    private static void GiveBackOnce(IOrganizationService service, Guid rewardId)
    {
        var row = service.Retrieve(RewardTable.EntityLogicalName, rewardId, new ColumnSet(RewardTable.Fields.Stock));
        if (row.GetAttributeValue<int?>(RewardTable.Fields.Stock) is { } stock) service.Execute(Write(rewardId, row.RowVersion, stock + 1));
    }

    private static UpdateRequest Write(Guid rewardId, string? version, int stock) => new()
    {
        Target = new Entity(RewardTable.EntityLogicalName, rewardId)
        {
            RowVersion = version,
            [RewardTable.Fields.Stock] = stock,
        },
        ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
    };
}
