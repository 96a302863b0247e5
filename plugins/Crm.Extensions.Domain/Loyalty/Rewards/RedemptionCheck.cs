using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Loyalty.Rewards;

/// <summary>
/// Everything that stops a member redeeming a reward, all at once, so the user can fix every problem in one go.
/// </summary>
public static class RedemptionCheck
{
    public static IReadOnlyList<RedemptionRefusal> Check(CatalogReward reward, RedeemingMember member, DateTime asOf)
    {
        if (reward is null || member is null)
        {
            throw new ArgumentNullException(reward is null ? nameof(reward) : nameof(member));
        }

        var refusals = new List<RedemptionRefusal>();
        if (member.IsBlocked)
        {
            refusals.Add(Refuse(RedemptionRefusalCode.MemberBlocked,
                "The customer is blocked from the loyalty program and cannot redeem points.",
                "El cliente está excluido del programa de fidelización y no puede canjear puntos."));
        }

        if (member.IsInactive)
        {
            refusals.Add(Refuse(RedemptionRefusalCode.MemberInactive,
                "The customer is inactive; reactivate the customer before redeeming points.",
                "El cliente está inactivo; reactívelo antes de canjear puntos."));
        }

        if (!reward.OfActiveProgram)
        {
            refusals.Add(Refuse(RedemptionRefusalCode.OtherProgram,
                $"The reward \"{reward.Name}\" belongs to another loyalty program than the active one, so it cannot be redeemed with " +
                $"these points.",
                $"La recompensa \"{reward.Name}\" pertenece a otro programa de fidelización distinto del activo, así que no se puede " +
                $"canjear con estos puntos."));
        }

        if (!reward.IsActive)
        {
            refusals.Add(Refuse(RedemptionRefusalCode.Inactive,
                $"The reward \"{reward.Name}\" is not active.",
                $"La recompensa \"{reward.Name}\" no está activa."));
        }

        if (reward.ValidFrom is { } from && asOf < from)
        {
            refusals.Add(Refuse(RedemptionRefusalCode.NotYetValid,
                $"The reward \"{reward.Name}\" can be redeemed from {LoyaltyText.Date(from)}.",
                $"La recompensa \"{reward.Name}\" se puede canjear a partir del {LoyaltyText.Date(from)}."));
        }

        if (reward.ValidUntil is { } until && asOf > until)
        {
            refusals.Add(Refuse(RedemptionRefusalCode.Expired,
                $"The reward \"{reward.Name}\" could be redeemed until {LoyaltyText.Date(until)}.",
                $"La recompensa \"{reward.Name}\" se podía canjear hasta el {LoyaltyText.Date(until)}."));
        }

        if (reward.Stock is { } stock && stock <= 0)
        {
            refusals.Add(Refuse(RedemptionRefusalCode.OutOfStock,
                $"The reward \"{reward.Name}\" is out of stock: every unit has been redeemed.",
                $"La recompensa \"{reward.Name}\" está agotada: se han canjeado todas sus unidades."));
        }

        if (reward.MinimumTierRank is { } minimum && (member.TierRank ?? int.MinValue) < minimum)
        {
            refusals.Add(Refuse(RedemptionRefusalCode.TierTooLow,
                $"The reward \"{reward.Name}\" needs a higher loyalty tier than the customer holds.",
                $"La recompensa \"{reward.Name}\" requiere un nivel de fidelización superior al del cliente."));
        }

        if (member.AvailablePoints < reward.PointsCost)
        {
            refusals.Add(Refuse(RedemptionRefusalCode.InsufficientBalance,
                $"The reward costs {LoyaltyText.Number(reward.PointsCost)} points; the customer has " +
                $"{LoyaltyText.Number(member.AvailablePoints)} available (pending points become available after the return window).",
                $"La recompensa cuesta {LoyaltyText.Number(reward.PointsCost)} puntos; el cliente tiene " +
                $"{LoyaltyText.Number(member.AvailablePoints)} disponibles (los puntos pendientes se liberan al terminar el plazo de " +
                $"devolución)."));
        }

        if (reward.PerMemberLimit is { } limit && member.PriorRedemptions >= limit)
        {
            refusals.Add(Refuse(RedemptionRefusalCode.LimitReached,
                $"The customer has already redeemed \"{reward.Name}\" {LoyaltyText.Number(member.PriorRedemptions)} times, the limit per " +
                $"member.",
                $"El cliente ya ha canjeado \"{reward.Name}\" {LoyaltyText.Number(member.PriorRedemptions)} veces, el límite por " +
                $"miembro."));
        }

        return refusals;
    }

    /// <summary>Throws one <see cref="BusinessRuleException"/> carrying every refusal's message.</summary>
    public static void EnsureRedeemable(CatalogReward reward, RedeemingMember member, DateTime asOf)
    {
        var refusals = Check(reward, member, asOf);
        if (refusals.Count > 0)
        {
            throw new BusinessRuleException(LoyaltyText.Join(refusals.Select(refusal => refusal.Message)));
        }
    }

    private static RedemptionRefusal Refuse(RedemptionRefusalCode code, string english, string spanish) =>
        new(code, new LocalizedText(english, spanish));
}
