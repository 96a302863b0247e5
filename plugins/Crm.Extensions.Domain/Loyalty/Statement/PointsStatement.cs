using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Ledger;

namespace Crm.Extensions.Domain.Loyalty.Statement;

/// <summary>One line of a points statement: the entry, its state today and the balance after it.</summary>
public sealed record StatementLine(LedgerEntry Entry, LedgerEntryStatus State, long RunningBalance);

/// <summary>
/// A member's points statement, read as a bank statement reads: oldest entry first (ties by source key, the replay's order),
/// each line's signed points added to the balance before it. Every movement is on the ledger (earn, bonus, refund and
/// positive adjust add; redeem, reverse, expire and negative adjust take), so the closing balance is the sum of all
/// entries: available plus pending points once the period run has written every expiry. A lot's state is the replay's
/// (pending, available, redeemed, expired, reversed) as of the statement date; debits are posted facts.
/// </summary>
public static class PointsStatement
{
    public static IReadOnlyList<StatementLine> Of(IEnumerable<LedgerEntry> entries, DateTime asOf)
    {
        if (entries is null) throw new ArgumentNullException(nameof(entries));
        var ledger = entries.ToList();
        var lots = LedgerReplay.Replay(ledger, asOf).Lots.ToDictionary(lot => lot.Entry.Id, lot => lot.Status);
        var balance = 0L;
        var lines = new List<StatementLine>(ledger.Count);
        foreach (var entry in ledger.OrderBy(e => e.OccurredOn).ThenBy(e => e.SourceKey, StringComparer.Ordinal))
        {
            balance += entry.Points;
            var state = entry.IsCredit
                ? lots.TryGetValue(entry.Id, out var lot) ? lot : LedgerEntryStatus.Pending
                : LedgerEntryStatus.Posted;
            lines.Add(new StatementLine(entry, state, balance));
        }

        return lines;
    }
}
