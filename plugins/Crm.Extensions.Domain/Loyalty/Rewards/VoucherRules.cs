using System;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Loyalty.Rewards;

/// <summary>The stored state of a voucher (cx_redemptionstatus): issued, then used, cancelled or expired, each final.</summary>
public enum VoucherStatus
{
    Issued = 1,
    Used = 2,
    Cancelled = 3,
    Expired = 4,
}

/// <summary>
/// What may happen to a voucher: only an issued one may be used or cancelled, once. Used, cancelled and expired are final,
/// so a second "mark used" or "cancel" is refused with the state it is in, and nothing is written.
/// </summary>
public static class VoucherRules
{
    public static readonly LocalizedText RedemptionRequired = new(
        "Choose the reward redemption (the voucher) to act on.",
        "Elija el canje de recompensa (el vale) sobre el que actuar.");

    public static void EnsureCancellable(VoucherStatus status, string voucherCode)
    {
        switch (status)
        {
            case VoucherStatus.Issued:
                return;
            case VoucherStatus.Cancelled:
                throw new BusinessRuleException(new LocalizedText(
                    $"The voucher {voucherCode} is already cancelled and its points were refunded; nothing was changed.",
                    $"El vale {voucherCode} ya está cancelado y sus puntos se reembolsaron; no se cambió nada."));
            case VoucherStatus.Used:
                throw new BusinessRuleException(new LocalizedText(
                    $"The voucher {voucherCode} has been used, so it cannot be cancelled and its points are not refunded.",
                    $"El vale {voucherCode} ya se usó, así que no se puede cancelar ni se reembolsan sus puntos."));
            default:
                throw new BusinessRuleException(new LocalizedText(
                    $"The voucher {voucherCode} has expired, so it cannot be cancelled.",
                    $"El vale {voucherCode} ha vencido, así que no se puede cancelar."));
        }
    }

    /// <param name="validUntil">The last day the voucher may be used (inclusive); null when it never lapses.</param>
    public static void EnsureUsable(VoucherStatus status, string voucherCode, DateTime? validUntil, DateTime today)
    {
        switch (status)
        {
            case VoucherStatus.Issued when validUntil is { } last && today.Date > last.Date:
                throw new BusinessRuleException(new LocalizedText(
                    $"The voucher {voucherCode} was valid until {LoyaltyText.Date(last)}, so it can no longer be used.",
                    $"El vale {voucherCode} era válido hasta el {LoyaltyText.Date(last)}, así que ya no se puede usar."));
            case VoucherStatus.Issued:
                return;
            case VoucherStatus.Used:
                throw new BusinessRuleException(new LocalizedText(
                    $"The voucher {voucherCode} has already been used; a voucher is used only once.",
                    $"El vale {voucherCode} ya se usó; un vale se usa una sola vez."));
            case VoucherStatus.Cancelled:
                throw new BusinessRuleException(new LocalizedText(
                    $"The voucher {voucherCode} was cancelled and its points refunded, so it cannot be used.",
                    $"El vale {voucherCode} se canceló y sus puntos se reembolsaron, así que no se puede usar."));
            default:
                throw new BusinessRuleException(new LocalizedText(
                    $"The voucher {voucherCode} has expired, so it cannot be used.",
                    $"El vale {voucherCode} ha vencido, así que no se puede usar."));
        }
    }
}
