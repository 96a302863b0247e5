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
    public static IReadOnlyList<RedemptionRefusal> Check(Reward reward, RedeemingMember member, DateTime asOf)
    {
        if (reward is null || member is null)
        {
            throw new ArgumentNullException(reward is null ? nameof(reward) : nameof(member));
        }

        var refusals = new List<RedemptionRefusal>();
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

        if (reward.MinimumTierRank is { } minimum && (member.TierRank ?? int.MinValue) < minimum)
        {
            refusals.Add(Refuse(RedemptionRefusalCode.TierTooLow,
                $"The reward \"{reward.Name}\" needs a higher loyalty tier than the customer holds.",
                $"La recompensa \"{reward.Name}\" requiere un nivel de fidelización superior al del cliente."));
        }

        if (member.AvailablePoints < reward.PointsCost)
        {
            refusals.Add(Refuse(RedemptionRefusalCode.InsufficientBalance,
                $"The reward costs {LoyaltyText.Number(reward.PointsCost)} points; the customer has {LoyaltyText.Number(member.AvailablePoints)} available (pending points become available after the return window).",
                $"La recompensa cuesta {LoyaltyText.Number(reward.PointsCost)} puntos; el cliente tiene {LoyaltyText.Number(member.AvailablePoints)} disponibles (los puntos pendientes se liberan al terminar el plazo de devolución)."));
        }

        if (reward.PerMemberLimit is { } limit && member.PriorRedemptions >= limit)
        {
            refusals.Add(Refuse(RedemptionRefusalCode.LimitReached,
                $"The customer has already redeemed \"{reward.Name}\" {LoyaltyText.Number(member.PriorRedemptions)} times, the limit per member.",
                $"El cliente ya ha canjeado \"{reward.Name}\" {LoyaltyText.Number(member.PriorRedemptions)} veces, el límite por miembro."));
        }

        return refusals;
    }

    /// <summary>Throws one <see cref="BusinessRuleException"/> carrying every refusal's message.</summary>
    public static void EnsureRedeemable(Reward reward, RedeemingMember member, DateTime asOf)
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
