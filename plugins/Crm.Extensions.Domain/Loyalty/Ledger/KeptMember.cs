using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Tiers;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>The member after a step on kept state: its figures, and every lot whose row must change (new lots included).</summary>
public sealed record KeptStep(MemberFigures Figures, IReadOnlyList<LedgerEntry> Added, IReadOnlyList<LotStatusChange> Changed);

/// <summary>
/// A paid invoice on kept state instead of the whole ledger. Every writer leaves the member's figures and each lot's
/// status and remaining points equal to the replay at its time (<see cref="LedgerKeeping"/>), so between two writers
/// only time moves the ledger: lots vest (paying any debt first) and expire. The rows those events concern are the lots
/// still stored pending whose vesting date has come and the lots with points whose expiry has come (<paramref name="due"/>);
/// replaying just those events, in the replay's own order (time, then vest before expire, then key), with the new lots'
/// own earn and vesting, gives exactly what <see cref="LedgerReplay"/> gives over the whole ledger. The window's measures
/// change only by this invoice's own rows, unless its oldest purchase has left it: then the caller reads the window's
/// rows (every earn and reversal of each invoice with an earn in the window) and they are measured again.
/// </summary>
public static class KeptMember
{
    private enum Step
    {
        Earn = 0,
        Vest = 1,
        Expire = 2,
    }

    /// <summary>The balances at <paramref name="asOf"/> before anything is added (what the balance cap is checked against).</summary>
    public static LedgerBalances BalancesAt(MemberFigures kept, IReadOnlyList<LedgerEntry> due, DateTime asOf) =>
        Apply(kept, due, Array.Empty<LedgerEntry>(), asOf).Balances;

    /// <param name="kept">The member's kept figures (as of its last writer).</param>
    /// <param name="due">Lots whose vesting or expiry may have come since (the reader's filter; others are ignored safely).</param>
    /// <param name="invoiceRows">Every ledger row of this invoice, as stored before the step.</param>
    /// <param name="added">The new rows of this step (earns of this invoice).</param>
    /// <param name="windowRows">Null while the window has not moved; otherwise the window's rows as stored.</param>
    public static KeptStep Pay(
        MemberFigures kept, IReadOnlyList<LedgerEntry> due, IReadOnlyList<LedgerEntry> invoiceRows, IReadOnlyList<LedgerEntry> added,
        IReadOnlyList<LedgerEntry>? windowRows, DateTime asOf, ProgramSettings program)
    {
        if (kept is null) throw new ArgumentNullException(nameof(kept));
        if (invoiceRows is null) throw new ArgumentNullException(nameof(invoiceRows));
        if (added is null) throw new ArgumentNullException(nameof(added));
        if (program is null) throw new ArgumentNullException(nameof(program));
        var result = Apply(kept, due, added, asOf);
        var months = program.QualificationWindowMonths;
        QualificationMeasures window;
        DateTime? oldest;
        if (windowRows is not null)
        {
            var rows = Distinct(windowRows.Concat(invoiceRows).Concat(added));
            window = QualificationWindow.Measure(rows, asOf, months);
            oldest = MemberFigures.OldestEarn(rows, asOf, months);
        }
        else
        {
            if (kept.WindowMovedBy(asOf, months)) throw new ArgumentException("The window moved: its rows are needed.", nameof(windowRows));
            var before = QualificationWindow.Measure(invoiceRows, asOf, months);
            var after = QualificationWindow.Measure(Distinct(invoiceRows.Concat(added)), asOf, months);
            window = new QualificationMeasures(
                kept.Window.Spend - before.Spend + after.Spend,
                MemberBalances.Saturated((long)kept.Window.QualifyingPoints - before.QualifyingPoints + after.QualifyingPoints),
                kept.Window.TransactionCount - before.TransactionCount + after.TransactionCount);
            var newest = MemberFigures.OldestEarn(added, asOf, months);
            oldest = kept.OldestInWindow is { } was && (newest is null || was <= newest) ? was : newest;
        }

        var balances = result.Balances;
        var figures = new MemberFigures(balances.Available, balances.Pending, balances.Debt, window, oldest, asOf);
        var newIds = new HashSet<Guid>(added.Select(entry => entry.Id));
        var addedRows = added.Select(entry => result.Lots.TryGetValue(entry.Id, out var lot)
            ? entry with { Status = lot.Status, Remaining = lot.Remaining }
            : entry).ToList();
        var changed = result.Lots.Values.Where(lot => !newIds.Contains(lot.Entry.Id) && LedgerKeeping.Moved(lot))
            .Select(lot => new LotStatusChange(lot.Entry.Id, lot.Entry.CustomerId, lot.Entry.Status,
                lot.Status) { Remaining = lot.Remaining })
            .ToList();
        return new KeptStep(figures, addedRows, changed);
    }

    private static List<LedgerEntry> Distinct(IEnumerable<LedgerEntry> rows) =>
        rows.GroupBy(entry => entry.Id).Select(group => group.Last()).ToList();

    private sealed record Applied(LedgerBalances Balances, IReadOnlyDictionary<Guid, LotState> Lots);

    // A record, not a tuple: System.ValueTuple is not part of .NET Framework 4.6.2.
    private sealed record TimedEvent(DateTime At, Step Step, LotState Lot);

    private static Applied Apply(MemberFigures kept, IReadOnlyList<LedgerEntry>? due, IReadOnlyList<LedgerEntry> added, DateTime asOf)
    {
        var vested = Math.Max(0L, kept.Available);
        var pending = kept.Pending;
        var debt = kept.Debt;
        var lots = new Dictionary<Guid, LotState>();
        var events = new List<TimedEvent>();
        foreach (var entry in (due ?? Array.Empty<LedgerEntry>()).Where(entry => entry.IsCredit && entry.Points > 0))
        {
            if (lots.ContainsKey(entry.Id) || entry.Status is not (LedgerEntryStatus.Pending or LedgerEntryStatus.Available)) continue;
            var lot = new LotState(entry) { Remaining = entry.Remaining ?? entry.Points,
                Vested = entry.Status == LedgerEntryStatus.Available };
            lot.Status = entry.Status;
            if (lot.Remaining <= 0) continue;
            lots[entry.Id] = lot;
            AddTimed(events, lot, includeVest: !lot.Vested, asOf);
        }

        foreach (var entry in added.Where(entry => entry.IsCredit && entry.Points > 0 && entry.OccurredOn <= asOf))
        {
            var lot = new LotState(entry);
            lots[entry.Id] = lot;
            events.Add(new TimedEvent(entry.OccurredOn, Step.Earn, lot));
            AddTimed(events, lot, includeVest: true, asOf);
        }

        foreach (var next in events.OrderBy(e => e.At).ThenBy(e => e.Step).ThenBy(e => e.Lot.Entry.SourceKey, StringComparer.Ordinal))
        {
            var lot = next.Lot;
            switch (next.Step)
            {
                case Step.Earn:
                    pending += lot.Remaining;
                    break;
                case Step.Vest:
                    pending -= lot.Remaining;
                    lot.Vested = true;
                    if (lot.Remaining > 0) lot.Status = LedgerEntryStatus.Available;
                    debt -= lot.Take(debt, LedgerEntryStatus.Redeemed);
                    vested += lot.Remaining;
                    break;
                default:
                    var left = lot.Remaining;
                    if (lot.Vested) vested -= left;
                    else pending -= left;
                    lot.Take(left, LedgerEntryStatus.Expired);
                    break;
            }
        }

        foreach (var lot in lots.Values.Where(lot => lot.Remaining > 0))
        {
            lot.Status = lot.Vested ? LedgerEntryStatus.Available : LedgerEntryStatus.Pending;
        }

        return new Applied(new LedgerBalances(vested - debt, pending, debt), lots);
    }

    private static void AddTimed(List<TimedEvent> events, LotState lot, bool includeVest, DateTime asOf)
    {
        var entry = lot.Entry;
        // As in the replay: a lot cannot vest or expire before it exists, whatever the stored dates say.
        var vestsAt = Later(entry.VestsOn, entry.OccurredOn);
        if (includeVest && vestsAt <= asOf) events.Add(new TimedEvent(vestsAt, Step.Vest, lot));
        if (entry.ExpiresOn is { } expiresOn && Later(expiresOn, entry.OccurredOn) <= asOf)
        {
            events.Add(new TimedEvent(Later(expiresOn, entry.OccurredOn), Step.Expire, lot));
        }
    }

    private static DateTime Later(DateTime? candidate, DateTime floor) => candidate is { } value && value > floor ? value : floor;
}
