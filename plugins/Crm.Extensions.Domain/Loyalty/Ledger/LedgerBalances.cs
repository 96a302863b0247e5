namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// Balances derived from the entries. <see cref="Available"/> is net of <see cref="Debt"/>, so it goes negative when a
/// return reverses points the customer had already spent. Long, so no sum over the ledger can overflow.
/// </summary>
public sealed record LedgerBalances(long Available, long Pending, long Debt)
{
    public static LedgerBalances Empty { get; } = new(0, 0, 0);

    /// <summary>What the balance cap limits: everything the member holds, spendable or not.</summary>
    public long Held => Available + Pending;
}
