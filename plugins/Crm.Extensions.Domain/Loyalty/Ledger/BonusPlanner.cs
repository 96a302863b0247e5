using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Configuration;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// Non-purchase credits (birthday, campaign, goodwill). Unlike purchase earnings these are discretionary, so the
/// balance cap refuses them outright with a message instead of trimming them.
/// </summary>
public static class BonusPlanner
{
    /// <summary>The birthday bonus for <paramref name="year"/>: at most one per contact and year, by key.</summary>
    public static LedgerEntry? Birthday(Guid contactId, int year, int points, DateTime on, ProgramSettings program,
        IReadOnlyList<LedgerEntry> customerLedger) =>
        Plan(contactId, SourceKeys.Birthday(contactId, year), points, on,
            new LocalizedText("Birthday bonus.", "Bonificación de cumpleaños."), program, customerLedger);

    /// <summary>Null when a row with <paramref name="sourceKey"/> already exists (replay); throws when the cap is exceeded.</summary>
    public static LedgerEntry? Plan(Guid customerId, string sourceKey, int points, DateTime on, LocalizedText reason,
        ProgramSettings program, IReadOnlyList<LedgerEntry> customerLedger)
    {
        if (program is null || customerLedger is null)
        {
            throw new ArgumentNullException(program is null ? nameof(program) : nameof(customerLedger));
        }

        if (points <= 0)
        {
            throw new BusinessRuleException(new LocalizedText(
                "A bonus must add at least one point.",
                "Una bonificación debe sumar al menos un punto."));
        }

        if (customerLedger.Any(entry => string.Equals(entry.SourceKey, sourceKey, StringComparison.Ordinal)))
        {
            return null;
        }

        BalanceCap.EnsureRoom(LedgerReplay.Replay(customerLedger, on).Balances, program.MaxBalance, points);
        return LedgerEntries.Bonus(customerId, sourceKey, points, on, reason, program);
    }
}
