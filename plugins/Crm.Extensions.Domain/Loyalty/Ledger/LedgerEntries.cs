using System;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Configuration;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>Builds ledger rows with their reason and deterministic key; the only place that knows each row's shape.</summary>
public static class LedgerEntries
{
    public static LedgerEntry Earn(PaidInvoice invoice, PaidInvoiceLine line, int points, decimal earnRate, ProgramSettings program,
        bool capped, int payment = 0)
    {
        var vestsOn = invoice.PaidOn.AddDays(program.PendingDays);
        var key = SourceKeys.Earn(line.LineId, payment);
        var reason = capped
            ? new LocalizedText(
                $"Purchase on invoice line, limited to {LoyaltyText.Number(points)} points by the program's maximum balance.",
                $"Compra en línea de factura, limitada a {LoyaltyText.Number(points)} puntos por el saldo máximo del programa.")
            : new LocalizedText("Purchase on invoice line.", "Compra en línea de factura.");
        return new LedgerEntry(DeterministicId.From(key), invoice.CustomerId, LedgerEntryKind.Earn, points, invoice.PaidOn, key, reason)
        {
            Status = program.PendingDays > 0 ? LedgerEntryStatus.Pending : LedgerEntryStatus.Available,
            VestsOn = vestsOn,
            ExpiresOn = program.Expiry.ExpiresOn(vestsOn),
            InvoiceId = invoice.InvoiceId,
            InvoiceLineId = line.LineId,
            BaseAmount = line.Amount,
            EarnRate = earnRate,
            IsQualifying = true,
        };
    }

    /// <summary>A non-purchase credit (birthday, campaign, goodwill): spendable at once, not qualifying.</summary>
    public static LedgerEntry Bonus(Guid customerId, string sourceKey, int points, DateTime on, LocalizedText reason,
        ProgramSettings program) =>
        new(DeterministicId.From(sourceKey), customerId, LedgerEntryKind.Bonus, points, on, sourceKey, reason)
        {
            Status = LedgerEntryStatus.Available,
            VestsOn = on,
            ExpiresOn = program.Expiry.ExpiresOn(on),
        };

    public static LedgerEntry Reverse(LedgerEntry earned, string sourceKey, int points, decimal returnedAmount, DateTime on) =>
        new(DeterministicId.From(sourceKey), earned.CustomerId, LedgerEntryKind.Reverse, -points, on, sourceKey,
            new LocalizedText("Return or cancellation of the invoice line.", "Devolución o anulación de la línea de factura."))
        {
            InvoiceId = earned.InvoiceId,
            InvoiceLineId = earned.InvoiceLineId,
            BaseAmount = returnedAmount,
        };

    public static LedgerEntry Redeem(Guid customerId, Guid redemptionId, int points, DateTime on, string rewardName)
    {
        var key = SourceKeys.Redeem(redemptionId);
        return new LedgerEntry(DeterministicId.From(key), customerId, LedgerEntryKind.Redeem, -points, on, key,
            new LocalizedText($"Redeemed for the reward \"{rewardName}\".", $"Canjeados por la recompensa \"{rewardName}\"."));
    }

    /// <summary>
    /// The refund of a cancelled redemption: exactly the points it spent, spendable at once and expiring like a bonus from
    /// the day of the refund (the spent lots' own dates are gone: the replay already consumed them), never qualifying.
    /// </summary>
    public static LedgerEntry Refund(
        Guid customerId, Guid redemptionId, int points, DateTime on, string rewardName, ProgramSettings program)
    {
        if (program is null) throw new ArgumentNullException(nameof(program));
        var key = SourceKeys.Refund(redemptionId);
        return new LedgerEntry(DeterministicId.From(key), customerId, LedgerEntryKind.Refund, points, on, key,
            new LocalizedText(
                $"Refund of the cancelled redemption of \"{rewardName}\".",
                $"Reembolso del canje cancelado de \"{rewardName}\"."))
        {
            Status = LedgerEntryStatus.Available,
            VestsOn = on,
            ExpiresOn = program.Expiry.ExpiresOn(on),
        };
    }

    public static LedgerEntry Expire(LedgerEntry lot, int points, DateTime expiresOn)
    {
        var key = SourceKeys.Expire(lot.Id, expiresOn);
        return new LedgerEntry(DeterministicId.From(key), lot.CustomerId, LedgerEntryKind.Expire, -points, expiresOn, key,
            new LocalizedText(
                $"Points earned on {LoyaltyText.Date(lot.OccurredOn)} expired on {LoyaltyText.Date(expiresOn)}.",
                $"Los puntos ganados el {LoyaltyText.Date(lot.OccurredOn)} vencieron el {LoyaltyText.Date(expiresOn)}."))
        {
            LotId = lot.Id,
        };
    }
}
