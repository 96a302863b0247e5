using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// Reverses the points of returned or cancelled invoice lines exactly, from the earn row itself (its amount and
/// rate), never from today's tier or program rate. Which lots the reversal drains (own line, other unvested, then
/// available, then debt) is decided by <see cref="LedgerReplay"/>.
/// </summary>
public static class ReturnPlanner
{
    /// <summary>A cancelled or fully credited invoice: every line gives back what it still holds of its earnings.</summary>
    public static IReadOnlyList<LedgerEntry> PlanCancellation(Guid invoiceId, IReadOnlyList<LedgerEntry> customerLedger, DateTime on)
    {
        var keys = KeysOf(customerLedger);
        var reversals = new List<LedgerEntry>();
        foreach (var earned in customerLedger.Where(entry => entry.Kind == LedgerEntryKind.Earn && entry.InvoiceId == invoiceId))
        {
            var lineId = earned.InvoiceLineId.GetValueOrDefault();
            var payment = SourceKeys.PaymentOf(earned.SourceKey);
            var key = SourceKeys.Cancel(lineId, payment);
            var back = payment == 0 ? AlreadyReversed(customerLedger, lineId, LaterCancellations(customerLedger, lineId)) : Reversed.None;
            var points = earned.Points - back.Points;
            if (!keys.Contains(key) && points > 0)
            {
                reversals.Add(LedgerEntries.Reverse(earned, key, points, Math.Max(0m, earned.BaseAmount - back.Amount), on));
            }
        }

        return reversals;
    }

    /// <summary>
    /// A partial return of <paramref name="returnedAmount"/> on one line. The line keeps the points its remaining
    /// amount would have earned at the original rate (never more than it got); the rest is reversed. Computing from
    /// the cumulative returned amount keeps a series of partial returns exact to the point.
    /// </summary>
    public static LedgerEntry? PlanPartialReturn(Guid invoiceLineId, Guid returnId, decimal returnedAmount,
        IReadOnlyList<LedgerEntry> customerLedger, DateTime on)
    {
        if (returnedAmount < 0m)
        {
            throw new BusinessRuleException(new LocalizedText(
                "The returned amount cannot be negative.",
                "El importe devuelto no puede ser negativo."));
        }

        var earned = customerLedger.FirstOrDefault(entry => entry.Kind == LedgerEntryKind.Earn && entry.InvoiceLineId == invoiceLineId);
        var key = SourceKeys.Reverse(invoiceLineId, returnId);
        if (earned is null || KeysOf(customerLedger).Contains(key))
        {
            return null;
        }

        var back = AlreadyReversed(customerLedger, invoiceLineId);
        var keptAmount = Math.Max(0m, earned.BaseAmount - back.Amount - returnedAmount);
        var keptPoints = Math.Min(earned.Points, EarnPlanner.PointsFor(keptAmount, earned.EarnRate, 1m));
        var points = earned.Points - keptPoints - back.Points;
        return points > 0 ? LedgerEntries.Reverse(earned, key, points, returnedAmount, on) : null;
    }

    /// <summary>
    /// The cancellation keys of a line's later payments (pay, cancel, pay again): they reverse those payments' own earn, not
    /// the first payment's, so they never count against it.
    /// </summary>
    private static HashSet<string> LaterCancellations(IEnumerable<LedgerEntry> ledger, Guid invoiceLineId) => new(
        ledger.Where(entry => entry.Kind == LedgerEntryKind.Earn && entry.InvoiceLineId == invoiceLineId)
            .Select(entry => SourceKeys.PaymentOf(entry.SourceKey)).Where(payment => payment > 0)
            .Select(payment => SourceKeys.Cancel(invoiceLineId, payment)),
        StringComparer.Ordinal);

    private static Reversed AlreadyReversed(IEnumerable<LedgerEntry> ledger, Guid invoiceLineId) =>
        AlreadyReversed(ledger, invoiceLineId, new HashSet<string>(StringComparer.Ordinal));

    private static Reversed AlreadyReversed(IEnumerable<LedgerEntry> ledger, Guid invoiceLineId, HashSet<string> excludedKeys)
    {
        var reversals = ledger.Where(
            entry => entry.Kind == LedgerEntryKind.Reverse && entry.InvoiceLineId == invoiceLineId
            && !excludedKeys.Contains(entry.SourceKey)).ToList();
        return new Reversed(MemberBalances.Saturated(-reversals.Sum(entry => (long)entry.Points)),
            reversals.Sum(entry => entry.BaseAmount));
    }

    // A record, not a tuple: System.ValueTuple is not part of .NET Framework 4.6.2.
    private sealed record Reversed(int Points, decimal Amount)
    {
        public static Reversed None { get; } = new(0, 0m);
    }

    private static HashSet<string> KeysOf(IEnumerable<LedgerEntry> ledger) =>
        new(ledger.Select(entry => entry.SourceKey), StringComparer.Ordinal);
}
