using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Crm.Extensions.Domain.Lifecycle;

/// <summary>A paid invoice as the lifecycle remembers it on the customer.</summary>
public sealed record PaidPurchase(Guid InvoiceId, DateTime PaidOnUtc);

/// <summary>
/// The lifecycle's purchase facts kept on the customer row, so the invoice-paid event reads them with the customer
/// instead of querying every paid invoice (the invoice-paid request budget). It holds what <see cref="CustomerLifecycleFacts"/> needs:
/// the count of paid invoices ever, the paid invoices of the loyal window plus the latest one (older ones can never come
/// back into a trailing window, so they are dropped), and the latest NPS answer. The invoice list is also the replay guard:
/// an invoice already in it is never counted twice.
/// </summary>
public sealed record PurchaseFacts(int TotalPaid, IReadOnlyList<PaidPurchase> Recent, int? LatestNpsScore)
{
    /// <summary>The stored text never grows beyond this (the memo column's size); the newest invoices are kept.</summary>
    public const int MaxStoredLength = 100000;

    public static PurchaseFacts None { get; } = new(0, Array.Empty<PaidPurchase>(), null);

    /// <summary>The facts of a customer from its full paid history (the invoices themselves: the source of truth).</summary>
    public static PurchaseFacts FromHistory(IEnumerable<PaidPurchase> paid, int? latestNpsScore, DateTime asOfUtc,
        LifecycleThresholds thresholds)
    {
        if (paid is null) throw new ArgumentNullException(nameof(paid));
        var all = paid.GroupBy(purchase => purchase.InvoiceId).Select(group => group.First()).ToList();
        return new PurchaseFacts(all.Count, Keep(all, asOfUtc, thresholds), latestNpsScore);
    }

    /// <summary>True when this invoice was already counted (a replayed payment).</summary>
    public bool Counts(Guid invoiceId) => Recent.Any(purchase => purchase.InvoiceId == invoiceId);

    /// <summary>The facts after one more paid invoice; unchanged when the invoice was already counted.</summary>
    public PurchaseFacts WithPaid(Guid invoiceId, DateTime paidOnUtc, LifecycleThresholds thresholds)
    {
        if (Counts(invoiceId)) return this;
        var recent = Recent.Concat(new[] { new PaidPurchase(invoiceId, paidOnUtc) }).ToList();
        return this with { TotalPaid = TotalPaid + 1, Recent = Keep(recent, paidOnUtc, thresholds) };
    }

    /// <summary>
    /// What the lifecycle rules see at <paramref name="asOfUtc"/> (window edges inclusive, as the invoice query counted them).
    /// </summary>
    public CustomerLifecycleFacts ToLifecycleFacts(DateTime asOfUtc, LifecycleThresholds thresholds)
    {
        if (thresholds is null) throw new ArgumentNullException(nameof(thresholds));
        var windowStart = asOfUtc.AddMonths(-thresholds.LoyalWindowMonths);
        return new CustomerLifecycleFacts(
            TotalPaid,
            Recent.Count(purchase => purchase.PaidOnUtc >= windowStart && purchase.PaidOnUtc <= asOfUtc),
            Recent.Count == 0 ? null : Recent.Max(purchase => purchase.PaidOnUtc),
            LatestNpsScore);
    }

    /// <summary>One line per invoice, <c>id|paid on (round-trip UTC)</c>, oldest first.</summary>
    public string FormatRecent()
    {
        var lines = Recent.OrderByDescending(purchase => purchase.PaidOnUtc)
            .Select(purchase => purchase.InvoiceId.ToString("D") + "|" + purchase.PaidOnUtc.ToString("o", CultureInfo.InvariantCulture))
            .ToList();
        var kept = new List<string>();
        var length = 0;
        foreach (var line in lines)
        {
            if (length + line.Length + 1 > MaxStoredLength) break;
            kept.Add(line);
            length += line.Length + 1;
        }

        kept.Reverse();
        var text = new StringBuilder();
        foreach (var line in kept) text.Append(line).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// Reads <see cref="FormatRecent"/>'s text. A line that is not <c>id|date</c> is skipped rather than refused: the column
    /// is system-managed, and a hand-edited line must not block every payment of the customer.
    /// </summary>
    public static IReadOnlyList<PaidPurchase> ParseRecent(string? text)
    {
        var purchases = new List<PaidPurchase>();
        foreach (var line in (text ?? string.Empty).Split(new[] { '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|');
            if (parts.Length == 2
                && Guid.TryParse(parts[0], out var invoiceId)
                && DateTime.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var paidOn))
            {
                purchases.Add(new PaidPurchase(invoiceId, paidOn.Kind == DateTimeKind.Local ? paidOn.ToUniversalTime() : paidOn));
            }
        }

        return purchases;
    }

    /// <summary>Invoices inside the loyal window at <paramref name="asOfUtc"/>, and always the latest (the last purchase date).</summary>
    private static IReadOnlyList<PaidPurchase> Keep(IReadOnlyList<PaidPurchase> purchases, DateTime asOfUtc, LifecycleThresholds thresholds)
    {
        if (thresholds is null) throw new ArgumentNullException(nameof(thresholds));
        if (purchases.Count == 0) return Array.Empty<PaidPurchase>();
        var windowStart = asOfUtc.AddMonths(-thresholds.LoyalWindowMonths);
        var latest = purchases.OrderByDescending(purchase => purchase.PaidOnUtc).First();
        return purchases.Where(purchase => purchase.PaidOnUtc >= windowStart || purchase == latest)
            .OrderBy(purchase => purchase.PaidOnUtc)
            .ToList();
    }
}
