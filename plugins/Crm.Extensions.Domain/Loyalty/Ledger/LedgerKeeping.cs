using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// Keeps each lot's stored status and remaining points true. Every writer that adds entries to a member's ledger passes
/// the ledger it read and the entries it adds; the replay at the writer's time (<see cref="LedgerReplay"/>, the one
/// definition of which lot a debit consumes) says what every lot holds, so the new rows are written with their kept
/// state and every older lot whose state moved (a redemption consumed it, a reversal took it, it vested or expired since
/// the last writer) is rewritten with it. After any writer, the rows agree with <see cref="MemberBalances.From"/> at its time.
/// </summary>
public static class LedgerKeeping
{
    /// <summary>What the writer must store: the new entries with their kept state, and the older lots that changed.</summary>
    public static KeptLedger Keep(IReadOnlyList<LedgerEntry> ledger, IReadOnlyList<LedgerEntry> added, DateTime asOf)
    {
        if (ledger is null) throw new ArgumentNullException(nameof(ledger));
        if (added is null) throw new ArgumentNullException(nameof(added));
        var lots = LedgerReplay.Replay(ledger.Concat(added), asOf).Lots.ToDictionary(lot => lot.Entry.Id);
        var newIds = new HashSet<Guid>(added.Select(entry => entry.Id));
        var rows = added.Select(entry => lots.TryGetValue(entry.Id, out var lot)
            ? entry with { Status = lot.Status, Remaining = lot.Remaining }
            : entry).ToList();
        var changed = lots.Values.Where(lot => !newIds.Contains(lot.Entry.Id) && Moved(lot))
            .Select(lot => new LotStatusChange(lot.Entry.Id, lot.Entry.CustomerId, lot.Entry.Status,
                lot.Status) { Remaining = lot.Remaining })
            .ToList();
        return new KeptLedger(rows, changed);
    }

    /// <summary>
    /// What an event's writer rewrites: a lot whose status moved, or whose remaining points differ from the kept ones. A row
    /// written before the ledger kept remaining points (null) is rewritten once the replay has taken points from it; a
    /// full one is left to the ledger run's backfill (<see cref="Differs"/>), so an event never pays for history.
    /// </summary>
    public static bool Moved(LotState lot) =>
        lot is null ? throw new ArgumentNullException(nameof(lot))
            : lot.Status != lot.Entry.Status || lot.Remaining != (lot.Entry.Remaining ?? lot.Entry.Points);

    /// <summary>True when the replay's state of the lot differs from what its row stores (a legacy row stores no remaining).</summary>
    public static bool Differs(LotState lot) =>
        lot is null ? throw new ArgumentNullException(nameof(lot)) : lot.Status != lot.Entry.Status || lot.Entry.Remaining != lot.Remaining;
}

/// <summary>The rows a ledger writer stores: <see cref="Added"/> with their kept state, <see cref="Changed"/> older lots.</summary>
public sealed record KeptLedger(IReadOnlyList<LedgerEntry> Added, IReadOnlyList<LotStatusChange> Changed);
