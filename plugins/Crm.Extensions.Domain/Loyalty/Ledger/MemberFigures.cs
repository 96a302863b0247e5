using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Tiers;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// What the member row keeps of its ledger, as of <see cref="KeptOn"/>: the balances (<see cref="Available"/> is net of
/// <see cref="Debt"/>, as in <see cref="LedgerBalances"/>; debt only exists when no vested lot holds points, so the row
/// stores max(0, available) and the debt and loses nothing), and the tier window's measures with the date of the oldest
/// purchase still in it (nothing in the window changes with time before that purchase leaves it).
/// </summary>
public sealed record MemberFigures(long Available, long Pending, long Debt, QualificationMeasures Window, DateTime? OldestInWindow,
    DateTime KeptOn)
{
    /// <summary>The figures the whole ledger gives at <paramref name="asOf"/> (what every writer with the whole ledger keeps).</summary>
    public static MemberFigures From(IReadOnlyList<LedgerEntry> ledger, DateTime asOf, ProgramSettings program)
    {
        if (ledger is null) throw new ArgumentNullException(nameof(ledger));
        if (program is null) throw new ArgumentNullException(nameof(program));
        var balances = LedgerReplay.Replay(ledger, asOf).Balances;
        var months = program.QualificationWindowMonths;
        return new MemberFigures(balances.Available, balances.Pending, balances.Debt, QualificationWindow.Measure(ledger, asOf, months),
            OldestEarn(ledger, asOf, months), asOf);
    }

    /// <summary>A member with no ledger at all.</summary>
    public static MemberFigures Empty { get; } = new(0, 0, 0, new QualificationMeasures(0m, 0, 0), null, DateTime.MinValue);

    public LedgerBalances Balances => new(Available, Pending, Debt);

    /// <summary>The balance columns as the product has always written them (the qualifying points are the window's).</summary>
    public MemberBalances Columns => new(
        MemberBalances.Saturated(Available), MemberBalances.Saturated(Pending), Window.QualifyingPoints, MemberBalances.Saturated(Debt));

    /// <summary>True when a purchase kept in the window has left it by <paramref name="asOf"/>: the window must be read again.</summary>
    public bool WindowMovedBy(DateTime asOf, int months) =>
        OldestInWindow is { } oldest && QualificationWindow.StartFor(asOf, months) > oldest;

    /// <summary>The earliest earn still inside the window at <paramref name="asOf"/> (each earn counts by its own date).</summary>
    public static DateTime? OldestEarn(IEnumerable<LedgerEntry> ledger, DateTime asOf, int months)
    {
        var dates = (ledger ?? throw new ArgumentNullException(nameof(ledger)))
            .Where(entry => entry.Kind == LedgerEntryKind.Earn && QualificationWindow.Contains(entry.OccurredOn, asOf, months))
            .Select(entry => (DateTime?)entry.OccurredOn)
            .ToList();
        return dates.Count == 0 ? null : dates.Min();
    }
}
