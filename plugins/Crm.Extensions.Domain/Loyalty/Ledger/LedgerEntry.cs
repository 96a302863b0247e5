using System;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// One <c>cx_loyaltytransaction</c>. <see cref="Points"/> is signed: credits positive, debits negative.
/// <see cref="SourceKey"/> is the alternate key used with Upsert, so a replayed step writes the same row again.
/// </summary>
public sealed record LedgerEntry(
    Guid Id,
    Guid CustomerId,
    LedgerEntryKind Kind,
    int Points,
    DateTime OccurredOn,
    string SourceKey,
    LocalizedText Reason)
{
    public LedgerEntryStatus Status { get; init; } = LedgerEntryStatus.Posted;

    /// <summary>Credits only: when the lot becomes spendable.</summary>
    public DateTime? VestsOn { get; init; }

    /// <summary>Credits only: first instant the lot is expired; null when it never expires.</summary>
    public DateTime? ExpiresOn { get; init; }

    public Guid? InvoiceId { get; init; }

    public Guid? InvoiceLineId { get; init; }

    /// <summary>Earn: the line amount the points were earned on. Reverse: the amount returned.</summary>
    public decimal BaseAmount { get; init; }

    /// <summary>Earn: points per currency unit times the tier multiplier in force, kept so a partial return reverses exactly.</summary>
    public decimal EarnRate { get; init; }

    /// <summary>Counts toward tier qualification (purchase earnings do, bonuses do not).</summary>
    public bool IsQualifying { get; init; }

    /// <summary>Expire entries: the lot that expired.</summary>
    public Guid? LotId { get; init; }

    /// <summary>
    /// Lots: the points not yet redeemed, expired or reversed, as the last writer of the member's ledger kept them
    /// (<see cref="LedgerKeeping"/>); null on a row written before the ledger kept it (the ledger run fills it).
    /// </summary>
    public int? Remaining { get; init; }

    /// <summary>Lots: the customer has already been warned that this lot expires.</summary>
    public bool ExpiryWarned { get; init; }

    /// <summary>Adjust entries: the reason code chosen (the cx_adjustmentreason option value).</summary>
    public int? AdjustmentReason { get; init; }

    /// <summary>Adjust entries: the user who asked for the adjustment.</summary>
    public Guid? AdjustedBy { get; init; }

    /// <summary>A lot: earned, bonus, a refund, or a positive adjustment.</summary>
    public bool IsCredit =>
        Kind == LedgerEntryKind.Earn || Kind == LedgerEntryKind.Bonus || Kind == LedgerEntryKind.Refund
        || (Kind == LedgerEntryKind.Adjust && Points > 0);

    /// <summary>A debit the replay takes from the lots (expire rows only record time-based expiry, see LedgerReplay).</summary>
    public bool IsDebit
        => Kind == LedgerEntryKind.Redeem || Kind == LedgerEntryKind.Reverse || (Kind == LedgerEntryKind.Adjust && Points < 0);
}
