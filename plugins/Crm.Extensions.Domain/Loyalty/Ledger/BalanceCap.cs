using System;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>The program's maximum balance (fraud cap) over everything a member holds.</summary>
public static class BalanceCap
{
    /// <summary>How many more points fit under the cap; <see cref="int.MaxValue"/> when the program has no cap.</summary>
    public static int RoomFor(LedgerBalances balances, int? maxBalance) =>
        maxBalance is { } cap ? (int)Math.Max(0L, cap - Math.Max(0L, balances.Held)) : int.MaxValue;

    /// <summary>Refuses a credit (bonus, goodwill) that would take the member above the cap.</summary>
    public static void EnsureRoom(LedgerBalances balances, int? maxBalance, int points)
    {
        if (maxBalance is { } cap && points > RoomFor(balances, maxBalance))
        {
            throw new BusinessRuleException(Refusal(points, MemberBalances.Saturated(balances.Held), cap));
        }
    }

    public static LocalizedText Refusal(int points, int held, int cap) => new(
        $"Adding {LoyaltyText.Number(points)} points would take this member's balance from {LoyaltyText.Number(held)} above the program " +
        $"maximum of {LoyaltyText.Number(cap)}. Add at most {LoyaltyText.Number(Math.Max(0, cap - held))} points or raise the maximum on " +
        $"the loyalty program.",
        $"Sumar {LoyaltyText.Number(points)} puntos llevaría el saldo de este miembro de {LoyaltyText.Number(held)} por encima del " +
        $"máximo del programa, {LoyaltyText.Number(cap)}. Sume como mucho {LoyaltyText.Number(Math.Max(0, cap - held))} puntos o aumente " +
        $"el máximo en el programa de fidelización.");
}
