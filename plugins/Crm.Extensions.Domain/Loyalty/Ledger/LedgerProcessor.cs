using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Configuration;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// The batch step "process ledger" as a pure function: given the stored entries and a date, which lots vest,
/// which expire (with the expiry rows to upsert) and which customers get an expiry warning.
/// Idempotent: expiry rows carry deterministic keys, and a lot flagged <see cref="LedgerEntry.ExpiryWarned"/> is never warned again.
/// </summary>
public static class LedgerProcessor
{
    /// <summary>Runs the batch with the program's warning days.</summary>
    public static LedgerProcessResult Process(IReadOnlyList<LedgerEntry> entries, DateTime asOf, ProgramSettings program) =>
        Process(entries, asOf, (program ?? throw new ArgumentNullException(nameof(program))).ExpiryWarningDays);

    public static LedgerProcessResult Process(IReadOnlyList<LedgerEntry> entries, DateTime asOf, int warningDays)
    {
        if (entries is null)
        {
            throw new ArgumentNullException(nameof(entries));
        }

        var existingKeys = new HashSet<string>(entries.Select(entry => entry.SourceKey), StringComparer.Ordinal);
        var changes = new List<LotStatusChange>();
        var expiries = new List<LedgerEntry>();
        var warnings = new List<ExpiryWarning>();
        var balances = new Dictionary<Guid, LedgerBalances>();

        foreach (var customer in entries.GroupBy(entry => entry.CustomerId).OrderBy(group => group.Key))
        {
            var state = LedgerReplay.Replay(customer, asOf);
            balances[customer.Key] = state.Balances;
            foreach (var lot in state.Lots)
            {
                if (LedgerKeeping.Differs(lot))
                {
                    changes.Add(new LotStatusChange(lot.Entry.Id, customer.Key, lot.Entry.Status,
                        lot.Status) { Remaining = lot.Remaining });
                }

                if (lot.Expired > 0 && lot.Entry.ExpiresOn is { } expiresOn
                    && !existingKeys.Contains(SourceKeys.Expire(lot.Entry.Id, expiresOn)))
                {
                    expiries.Add(LedgerEntries.Expire(lot.Entry, lot.Expired, expiresOn));
                }
            }

            var warning = WarningFor(customer.Key, state, asOf, warningDays);
            if (warning is not null)
            {
                warnings.Add(warning);
            }
        }

        return new LedgerProcessResult(changes, expiries, warnings, balances);
    }

    /// <summary>Lots with points left that expire within <paramref name="warningDays"/> and were not warned yet.</summary>
    private static ExpiryWarning? WarningFor(Guid customerId, LedgerState state, DateTime asOf, int warningDays)
    {
        var due = LedgerReplay.OldestExpiringFirst(state.Lots.Where(lot =>
                lot.Remaining > 0
                && !lot.Entry.ExpiryWarned
                && lot.Entry.ExpiresOn is { } expiresOn
                && expiresOn > asOf
                && expiresOn.AddDays(-warningDays) <= asOf))
            .ToList();
        if (due.Count == 0)
        {
            return null;
        }

        var points = MemberBalances.Saturated(due.Sum(lot => (long)lot.Remaining));
        var first = due[0].Entry.ExpiresOn.GetValueOrDefault();
        var lotIds = due.Select(lot => lot.Entry.Id).OrderBy(id => id).ToList();
        var taskKey = "expirywarning:" + DeterministicId.From(string.Join(",", lotIds)).ToString("D");
        var message = new LocalizedText(
            $"{LoyaltyText.Number(points)} loyalty points expire from {LoyaltyText.Date(first)}. Suggest a purchase or a reward before " +
            $"then.",
            $"{LoyaltyText.Number(points)} puntos de fidelización vencen a partir del {LoyaltyText.Date(first)}. Sugiera una compra o " +
            $"una recompensa antes.");
        return new ExpiryWarning(customerId, points, first, lotIds, taskKey, message);
    }
}
