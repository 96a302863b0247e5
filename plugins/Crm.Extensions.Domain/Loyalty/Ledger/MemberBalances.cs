using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Loyalty.Configuration;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// The balance columns written on the contact/account (with RowVersion): available (net of debt), pending,
/// qualifying points in the window, and the debt left by returns of spent points.
/// </summary>
public sealed record MemberBalances(int Available, int Pending, int QualifyingInWindow, int Debt)
{
    public static MemberBalances From(IReadOnlyList<LedgerEntry> customerLedger, DateTime asOf, ProgramSettings program)
    {
        if (program is null)
        {
            throw new ArgumentNullException(nameof(program));
        }

        var balances = LedgerReplay.Replay(customerLedger, asOf).Balances;
        var qualifying = LedgerQueries.QualifyingPoints(customerLedger, asOf.AddMonths(-program.QualificationWindowMonths), asOf);
        return new MemberBalances(balances.Available, balances.Pending, qualifying, balances.Debt);
    }
}
