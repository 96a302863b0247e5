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
        var reversedByLine = entries
            .Where(entry => entry.Kind == LedgerEntryKind.Reverse && entry.InvoiceLineId.HasValue)
            .GroupBy(entry => entry.InvoiceLineId.GetValueOrDefault())
            .ToDictionary(group => group.Key, group => -group.Sum(entry => entry.Points));
        return entries
            .Where(entry => entry.Kind == LedgerEntryKind.Earn && entry.IsQualifying && entry.OccurredOn >= from)
            .Sum(entry => Math.Max(0, entry.Points - (reversedByLine.TryGetValue(entry.InvoiceLineId.GetValueOrDefault(), out var back) ? back : 0)));
    }
}
