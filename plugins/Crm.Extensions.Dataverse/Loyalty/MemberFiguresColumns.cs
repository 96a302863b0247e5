using System;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// The member's kept figures on contact and account (same column names): balances, debt, the tier window's measures, the
/// oldest purchase in the window and when they were worked out. A row without <c>cx_ledgerkepton</c> was never kept (a
/// member from before the kept figures): its first payment reads its whole ledger once and keeps it from then on.
/// </summary>
public static class MemberFiguresColumns
{
    public static readonly string[] Columns =
    {
        Contact.Fields.PointsBalance, Contact.Fields.PendingPoints, Contact.Fields.PointsDebt, Contact.Fields.QualifyingPoints,
        Contact.Fields.WindowSpend, Contact.Fields.WindowPurchases, Contact.Fields.WindowOldestOn, Contact.Fields.LedgerKeptOn,
    };

    /// <summary>The kept figures, or null when the member was never kept; <paramref name="value"/> reads one column.</summary>
    public static MemberFigures? From(Func<string, object?> value)
    {
        if (value is null) throw new ArgumentNullException(nameof(value));
        if (value(Contact.Fields.LedgerKeptOn) is not DateTime keptOn) return null;
        var available = value(Contact.Fields.PointsBalance) as int? ?? 0;
        var debt = value(Contact.Fields.PointsDebt) as int? ?? 0;
        return new MemberFigures(
            (long)available - debt,
            value(Contact.Fields.PendingPoints) as int? ?? 0,
            debt,
            new QualificationMeasures(
                (value(Contact.Fields.WindowSpend) as Money)?.Value ?? 0m,
                value(Contact.Fields.QualifyingPoints) as int? ?? 0,
                value(Contact.Fields.WindowPurchases) as int? ?? 0),
            value(Contact.Fields.WindowOldestOn) as DateTime?,
            keptOn);
    }

    /// <summary>Sets every kept column on <paramref name="row"/> (the keep time always changes, so the row is always written).</summary>
    public static void Set(Entity row, MemberFigures figures)
    {
        if (row is null) throw new ArgumentNullException(nameof(row));
        if (figures is null) throw new ArgumentNullException(nameof(figures));
        var columns = figures.Columns;
        row[Contact.Fields.PointsBalance] = Math.Max(0, columns.Available);
        row[Contact.Fields.PendingPoints] = columns.Pending;
        row[Contact.Fields.PointsDebt] = columns.Debt;
        row[Contact.Fields.QualifyingPoints] = columns.QualifyingInWindow;
        row[Contact.Fields.WindowSpend] = new Money(figures.Window.Spend);
        row[Contact.Fields.WindowPurchases] = figures.Window.TransactionCount;
        row[Contact.Fields.WindowOldestOn] = figures.OldestInWindow;
        row[Contact.Fields.LedgerKeptOn] = figures.KeptOn;
    }

    /// <summary>The figures of the whole ledger at <paramref name="asOf"/>, set on the row; returns the balance columns.</summary>
    public static MemberBalances SetFromLedger(Entity row, System.Collections.Generic.IReadOnlyList<LedgerEntry> ledger, DateTime asOf,
        ProgramSettings program)
    {
        var figures = MemberFigures.From(ledger, asOf, program);
        Set(row, figures);
        return figures.Columns;
    }
}
