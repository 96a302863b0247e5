using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// Derives lots and balances from the entries alone, by replaying them in time order:
/// a lot is earned, vests at <c>VestsOn</c> and expires at <c>ExpiresOn</c> (available while VestsOn &lt;= t &lt; ExpiresOn);
/// redemptions take available points oldest-expiring first (then oldest earned, then key);
/// a reversal takes its own line's lot first, then other unvested lots, then available lots, and leaves any rest as debt.
/// Expire rows are the written record of time-based expiry, so the replay does not subtract them a second time.
/// </summary>
public static class LedgerReplay
{
    private enum Step
    {
        Earn = 0,
        Vest = 1,
        Expire = 2,
        Debit = 3,
    }

    public static LedgerState Replay(IEnumerable<LedgerEntry> entries, DateTime asOf)
    {
        if (entries is null)
        {
            throw new ArgumentNullException(nameof(entries));
        }

        var events = new List<ReplayEvent>();
        foreach (var entry in entries)
        {
            if (entry.IsCredit && entry.Points > 0)
            {
                events.Add(new ReplayEvent(entry.OccurredOn, Step.Earn, entry));
                // A lot cannot vest or expire before it exists, whatever the stored dates say.
                events.Add(new ReplayEvent(Later(entry.VestsOn, entry.OccurredOn), Step.Vest, entry));
                if (entry.ExpiresOn is { } expiresOn)
                {
                    events.Add(new ReplayEvent(Later(expiresOn, entry.OccurredOn), Step.Expire, entry));
                }
            }
            else if (entry.IsDebit)
            {
                events.Add(new ReplayEvent(entry.OccurredOn, Step.Debit, entry));
            }
        }

        var ordered = events
            .Where(e => e.At <= asOf)
            .OrderBy(e => e.At)
            .ThenBy(e => e.Step)
            .ThenBy(e => e.Entry.SourceKey, StringComparer.Ordinal);

        var lots = new Dictionary<Guid, LotState>();
        // Long: a ledger may hold rows near int.MaxValue (imported before the ledger guard); sums must never overflow.
        var debt = 0L;
        foreach (var next in ordered)
        {
            var entry = next.Entry;
            switch (next.Step)
            {
                case Step.Earn:
                    lots[entry.Id] = new LotState(entry);
                    break;
                case Step.Vest:
                    debt = Vest(lots[entry.Id], debt);
                    break;
                case Step.Expire:
                    lots[entry.Id].Take(lots[entry.Id].Remaining, LedgerEntryStatus.Expired);
                    break;
                default:
                    debt += Debit(lots.Values, entry);
                    break;
            }
        }

        foreach (var lot in lots.Values.Where(lot => lot.Remaining > 0))
        {
            lot.Status = lot.Vested ? LedgerEntryStatus.Available : LedgerEntryStatus.Pending;
        }

        return new LedgerState(
            lots.Values.OrderBy(lot => lot.Entry.OccurredOn).ThenBy(lot => lot.Entry.SourceKey, StringComparer.Ordinal).ToList(), debt);
    }

    /// <summary>Oldest-expiring first, then oldest earned, then key: the consumption order for redemption, expiry and returns.</summary>
    public static IEnumerable<LotState> OldestExpiringFirst(IEnumerable<LotState> lots) =>
        lots.OrderBy(lot => lot.ExpiryOrderKey)
            .ThenBy(lot => lot.Entry.OccurredOn)
            .ThenBy(lot => lot.Entry.SourceKey, StringComparer.Ordinal);

    // A record, not a tuple: System.ValueTuple is not part of .NET Framework 4.6.2.
    private sealed record ReplayEvent(DateTime At, Step Step, LedgerEntry Entry);

    private static DateTime Later(DateTime? candidate, DateTime floor) =>
        candidate is { } value && value > floor ? value : floor;

    private static long Vest(LotState lot, long debt)
    {
        lot.Vested = true;
        // A lot already emptied before it vested (reversed while pending) keeps the status that emptied it.
        if (lot.Remaining > 0) lot.Status = LedgerEntryStatus.Available;
        return debt - lot.Take(debt, LedgerEntryStatus.Redeemed);
    }

    /// <summary>Takes the debit from the lots in rule order; returns what no lot could cover (new debt).</summary>
    private static long Debit(IEnumerable<LotState> allLots, LedgerEntry debit)
    {
        var wanted = -(long)debit.Points;
        var open = allLots.Where(lot => lot.Remaining > 0).ToList();
        IEnumerable<LotState> order;
        LedgerEntryStatus reason;
        if (debit.Kind == LedgerEntryKind.Reverse)
        {
            reason = LedgerEntryStatus.Reversed;
            var ownLine = open.Where(lot => lot.Entry.InvoiceLineId is { } line && line == debit.InvoiceLineId);
            var unvested = OldestExpiringFirst(open.Where(lot => !lot.Vested));
            var vested = OldestExpiringFirst(open.Where(lot => lot.Vested));
            order = ownLine.Concat(unvested).Concat(vested).Distinct();
        }
        else
        {
            // Redemptions and negative adjustments spend available points, oldest-expiring first.
            reason = LedgerEntryStatus.Redeemed;
            order = OldestExpiringFirst(open.Where(lot => lot.Vested));
        }

        foreach (var lot in order)
        {
            if (wanted == 0)
            {
                break;
            }

            wanted -= lot.Take(wanted, reason);
        }

        return wanted;
    }
}
