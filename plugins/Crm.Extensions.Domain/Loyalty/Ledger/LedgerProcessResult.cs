using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// A lot whose stored status or remaining points no longer match the replay (vested, fully redeemed, expired, reversed, or
/// a row written before the ledger kept its remaining points).
/// </summary>
public sealed record LotStatusChange(Guid EntryId, Guid CustomerId, LedgerEntryStatus From, LedgerEntryStatus To)
{
    /// <summary>The points left in the lot, as the replay gives them.</summary>
    public int Remaining { get; init; }
}

/// <summary>
/// One warning task for a customer whose lots expire soon. <see cref="TaskKey"/> is derived from the lot ids, so the
/// same lots always produce the same task; <see cref="LotIds"/> are the lots to flag as warned.
/// </summary>
public sealed record ExpiryWarning(Guid CustomerId, int Points, DateTime FirstExpiresOn, IReadOnlyList<Guid> LotIds, string TaskKey,
    LocalizedText Message);

/// <summary>What the <c>cx_ProcessLoyaltyLedger</c> batch must write; empty when run again on the same data.</summary>
public sealed record LedgerProcessResult(
    IReadOnlyList<LotStatusChange> StatusChanges,
    IReadOnlyList<LedgerEntry> ExpiryEntries,
    IReadOnlyList<ExpiryWarning> Warnings,
    IReadOnlyDictionary<Guid, LedgerBalances> Balances)
{
    public IEnumerable<Guid> VestedLotIds =>
        StatusChanges.Where(change => change.From == LedgerEntryStatus.Pending && change.To == LedgerEntryStatus.Available)
            .Select(change => change.EntryId);
}
