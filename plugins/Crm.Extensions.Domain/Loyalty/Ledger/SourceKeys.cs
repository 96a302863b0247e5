using System;
using System.Globalization;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// Deterministic alternate keys for <c>cx_loyaltytransaction.cx_sourcekey</c> and friends. The same business event
/// always yields the same key, so Upsert makes async retries and replays harmless.
/// </summary>
public static class SourceKeys
{
    public static string Earn(Guid invoiceLineId) => Key($"earn:{invoiceLineId}");

    /// <summary>
    /// The earn of a line's <paramref name="payment"/>-th payment: a paid, then cancelled invoice that is paid again earns
    /// again (payment 1, 2, ...); payment 0 is the first and keeps the original key.
    /// </summary>
    public static string Earn(Guid invoiceLineId, int payment)
        => payment == 0 ? Earn(invoiceLineId) : Key($"earn:{invoiceLineId}:{payment}");

    /// <summary>Cancelling or fully crediting the invoice: one reversal per line, ever.</summary>
    public static string Reverse(Guid invoiceLineId) => Key($"reverse:{invoiceLineId}");

    /// <summary>The cancellation of a line's <paramref name="payment"/>-th payment (see <see cref="Earn(Guid, int)"/>).</summary>
    public static string Cancel(Guid invoiceLineId, int payment)
        => payment == 0 ? Reverse(invoiceLineId) : Key($"reverse:{invoiceLineId}:{payment}");

    /// <summary>Which payment of its line an earn key names: 0 for the original key, n for <c>earn:&lt;line&gt;:n</c>.</summary>
    public static int PaymentOf(string earnKey)
    {
        var parts = (earnKey ?? string.Empty).Split(':');
        return parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var payment) ? payment : 0;
    }

    /// <summary>A partial return: one reversal per line and return document (credit note line, RMA line).</summary>
    public static string Reverse(Guid invoiceLineId, Guid returnId) => Key($"reverse:{invoiceLineId}:{returnId}");

    public static string Redeem(Guid redemptionId) => Key($"redeem:{redemptionId}");

    /// <summary>The refund of a cancelled redemption: one per redemption, ever, so a second cancel can never refund twice.</summary>
    public static string Refund(Guid redemptionId) => Key($"refund:{redemptionId}");

    public static string Expire(Guid lotId, DateTime expiresOn) =>
        Key($"expire:{lotId}:{expiresOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");

    public static string Birthday(Guid contactId, int year) => Key($"birthday:{contactId}:{year}");

    public static string Bonus(string campaign, Guid customerId) => Key($"bonus:{campaign}:{customerId}");

    /// <summary>A manual adjustment (cx_AdjustPoints): one entry per adjustment asked for.</summary>
    public static string Adjust(Guid adjustmentId) => Key($"adjust:{adjustmentId}");

    private static string Key(FormattableString key) => FormattableString.Invariant(key);
}
