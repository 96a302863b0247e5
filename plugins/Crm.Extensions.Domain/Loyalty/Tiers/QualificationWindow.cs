using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Ledger;

namespace Crm.Extensions.Domain.Loyalty.Tiers;

/// <summary>A paid invoice as the tiers see it; <see cref="NetAmount"/> is after returns.</summary>
public sealed record PurchaseActivity(Guid InvoiceId, DateTime PaidOn, decimal NetAmount);

/// <summary>
/// The trailing qualification window: activity on or after <c>asOf − months</c> and on or before <c>asOf</c> counts
/// (both edges inclusive), so an invoice paid exactly twelve months ago still counts today and not tomorrow.
/// </summary>
public static class QualificationWindow
{
    public static DateTime StartFor(DateTime asOf, int months) => asOf.AddMonths(-months);

    public static bool Contains(DateTime occurredOn, DateTime asOf, int months) =>
        occurredOn >= StartFor(asOf, months) && occurredOn <= asOf;

    /// <summary>
    /// Spend and transactions from invoices, qualifying points from the ledger (earned in the window, net of their returns).
    /// </summary>
    public static QualificationMeasures Measure(IEnumerable<PurchaseActivity> purchases, IEnumerable<LedgerEntry> ledger, DateTime asOf,
        int months)
    {
        var inWindow = purchases.Where(purchase => Contains(purchase.PaidOn, asOf, months)).ToList();
        var spend = inWindow.Sum(purchase => purchase.NetAmount);
        var transactions = inWindow.Where(purchase => purchase.NetAmount > 0m).Select(purchase => purchase.InvoiceId).Distinct().Count();
        return new QualificationMeasures(spend, QualifyingPoints(ledger, asOf, months), transactions);
    }

    /// <summary>Paid purchases from the ledger: one per invoice, paid when it first earned, amount net of its reversed lines.</summary>
    public static IReadOnlyList<PurchaseActivity> Purchases(IEnumerable<LedgerEntry> ledger) =>
        ledger.Where(entry => entry.InvoiceId is not null && (entry.Kind == LedgerEntryKind.Earn || entry.Kind == LedgerEntryKind.Reverse))
            .GroupBy(entry => entry.InvoiceId!.Value)
            .Select(invoice => new PurchaseActivity(
                invoice.Key,
                invoice.Where(entry => entry.Kind == LedgerEntryKind.Earn).Select(entry => entry.OccurredOn)
                    .DefaultIfEmpty(DateTime.MinValue).Min(),
                invoice.Sum(entry => entry.Kind == LedgerEntryKind.Earn ? entry.BaseAmount : -entry.BaseAmount)))
            .ToList();

    /// <summary>The window's measures from the ledger alone (purchases, spend and qualifying points).</summary>
    public static QualificationMeasures Measure(IReadOnlyList<LedgerEntry> ledger, DateTime asOf, int months) =>
        Measure(Purchases(ledger), ledger, asOf, months);

    /// <summary>Points earned from purchases in the window, net of their own returns (earned, not the balance).</summary>
    public static int QualifyingPoints(IEnumerable<LedgerEntry> ledger, DateTime asOf, int months) =>
        LedgerQueries.QualifyingPoints(ledger, StartFor(asOf, months), asOf);
}
