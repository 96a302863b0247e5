namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// Why points moved. Earn and Bonus are credits (lots); Reverse, Redeem and Expire are debits. Adjust is a manual
/// correction (cx_AdjustPoints): a positive one is a lot spendable at once, a negative one a debit. Refund gives back the
/// points of a cancelled redemption (cx_CancelRedemption): a credit, a lot spendable at once.
/// </summary>
public enum LedgerEntryKind
{
    Earn = 1,
    Bonus = 2,
    Reverse = 3,
    Redeem = 4,
    Expire = 5,
    Adjust = 6,
    Refund = 7,
}

/// <summary>The stored state of a ledger row; for lots it follows pending → available → redeemed/expired (or reversed).</summary>
public enum LedgerEntryStatus
{
    Pending = 1,
    Available = 2,
    Redeemed = 3,
    Expired = 4,
    Reversed = 5,

    /// <summary>Debits (reverse, redeem, expire, negative adjust) are facts, not lots: they are posted and never change.</summary>
    Posted = 6,
}
