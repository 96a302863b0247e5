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

    /// <summary>Cancelling or fully crediting the invoice: one reversal per line, ever.</summary>
    public static string Reverse(Guid invoiceLineId) => Key($"reverse:{invoiceLineId}");

    /// <summary>A partial return: one reversal per line and return document (credit note line, RMA line).</summary>
    public static string Reverse(Guid invoiceLineId, Guid returnId) => Key($"reverse:{invoiceLineId}:{returnId}");

    public static string Redeem(Guid redemptionId) => Key($"redeem:{redemptionId}");

    public static string Expire(Guid lotId, DateTime expiresOn) =>
        Key($"expire:{lotId}:{expiresOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");

    public static string Birthday(Guid contactId, int year) => Key($"birthday:{contactId}:{year}");

    public static string Bonus(string campaign, Guid customerId) => Key($"bonus:{campaign}:{customerId}");

    private static string Key(FormattableString key) => FormattableString.Invariant(key);
}
