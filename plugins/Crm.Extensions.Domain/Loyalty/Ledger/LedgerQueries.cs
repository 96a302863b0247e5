using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>Read-only questions over a customer's ledger rows.</summary>
public static class LedgerQueries
{
    /// <summary>
    /// Qualifying points earned with <c>from ≤ earned ≤ asOf</c>, each line net of everything reversed on it up to
    /// <paramref name="asOf"/>. Redemption and expiry do not reduce them: tiers count what was earned, not the balance.
    /// </summary>
    public static int QualifyingPoints(IEnumerable<LedgerEntry> ledger, DateTime from, DateTime asOf)
    {
        var entries = ledger.Where(entry => entry.OccurredOn <= asOf).ToList();
        // Reversals count against the payment they belong to: a later payment's cancellation (pay, cancel, pay again) against
        // that payment's earn, every other reversal of the line (cancellation or partial return) against the first payment.
        var reversedByKey = entries
            .Where(entry => entry.Kind == LedgerEntryKind.Reverse && entry.InvoiceLineId.HasValue)
            .GroupBy(entry => entry.InvoiceLineId.GetValueOrDefault())
            .ToDictionary(group => group.Key, group => group.ToList());
        var earns = entries.Where(entry => entry.Kind == LedgerEntryKind.Earn).ToList();
        var total = earns
            .Where(entry => entry.IsQualifying && entry.OccurredOn >= from)
            .Sum(entry => Math.Max(0L, entry.Points - Reversed(entry, earns, reversedByKey)));
        return MemberBalances.Saturated(total);
    }

    private static long Reversed(LedgerEntry earn, IReadOnlyList<LedgerEntry> earns, Dictionary<Guid, List<LedgerEntry>> reversalsByLine)
    {
        var line = earn.InvoiceLineId.GetValueOrDefault();
        if (!reversalsByLine.TryGetValue(line, out var reversals)) return 0L;
        var payment = SourceKeys.PaymentOf(earn.SourceKey);
        if (payment > 0)
        {
            var own = SourceKeys.Cancel(line, payment);
            return -reversals.Where(entry => string.Equals(entry.SourceKey, own, StringComparison.Ordinal))
                .Sum(entry => (long)entry.Points);
        }

        var later = new HashSet<string>(
            earns.Where(entry => entry.InvoiceLineId == earn.InvoiceLineId).Select(entry => SourceKeys.PaymentOf(entry.SourceKey))
                .Where(number => number > 0).Select(number => SourceKeys.Cancel(line, number)),
            StringComparer.Ordinal);
        return -reversals.Where(entry => !later.Contains(entry.SourceKey)).Sum(entry => (long)entry.Points);
    }
}
