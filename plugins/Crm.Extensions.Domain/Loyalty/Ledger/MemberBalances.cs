using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Loyalty.Configuration;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// The balance columns written on the contact/account (with RowVersion): available (net of debt), pending,
/// qualifying points in the window, and the debt left by returns of spent points. The columns are whole numbers, so the
/// ledger's long sums are saturated at the int range: a huge legacy row never makes a payment fail.
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
        return new MemberBalances(Saturated(balances.Available), Saturated(balances.Pending), qualifying, Saturated(balances.Debt));
    }

    public static int Saturated(long value) => value > int.MaxValue ? int.MaxValue : value < int.MinValue ? int.MinValue : (int)value;
}
