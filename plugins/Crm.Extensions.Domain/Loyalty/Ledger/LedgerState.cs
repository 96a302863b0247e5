using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>The outcome of replaying one customer's ledger: every lot with what is left of it, and any debt.</summary>
public sealed class LedgerState
{
    internal LedgerState(IReadOnlyList<LotState> lots, long debt)
    {
        Lots = lots;
        Debt = debt;
        Balances = new LedgerBalances(
            lots.Where(lot => lot.Vested).Sum(lot => (long)lot.Remaining) - debt,
            lots.Where(lot => !lot.Vested).Sum(lot => (long)lot.Remaining),
            debt);
    }

    public IReadOnlyList<LotState> Lots { get; }

    /// <summary>Points reversed or redeemed beyond what the lots held; the next vesting lots pay it off.</summary>
    public long Debt { get; }

    public LedgerBalances Balances { get; }
}
