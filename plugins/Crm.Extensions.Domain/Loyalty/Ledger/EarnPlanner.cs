using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Configuration;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>The earn rows for a paid invoice, plus a notice when the balance cap cut them.</summary>
public sealed record EarnPlan(IReadOnlyList<LedgerEntry> Entries, LocalizedText? CapNotice);

/// <summary>
/// One lot per paid invoice line, so returns reverse exactly. Lines whose family the program
/// excludes earn nothing. Earning never refuses a payment: points above the cap are not awarded and the plan says so.
/// </summary>
public static class EarnPlanner
{
    /// <summary>floor(amount × points per unit × tier multiplier); refunds and zero lines earn nothing.</summary>
    public static int PointsFor(decimal amount, decimal pointsPerCurrencyUnit, decimal tierMultiplier)
    {
        if (amount <= 0m || pointsPerCurrencyUnit <= 0m || tierMultiplier <= 0m)
        {
            return 0;
        }

        var points = Math.Floor(amount * pointsPerCurrencyUnit * tierMultiplier);
        if (points > int.MaxValue)
        {
            throw new BusinessRuleException(new LocalizedText(
                "This invoice line would earn more points than a ledger entry can hold. Check the amount and the points per currency unit.",
                "Esta línea de factura ganaría más puntos de los que admite un movimiento. Revise el importe y los puntos por unidad " +
                "monetaria."));
        }

        return (int)points;
    }

    public static EarnPlan Plan(PaidInvoice invoice, ProgramSettings program, decimal tierMultiplier,
        IReadOnlyList<LedgerEntry> customerLedger)
    {
        if (invoice is null || program is null || customerLedger is null)
        {
            throw new ArgumentNullException(invoice is null ? nameof(invoice) : program is null ? nameof(program) : nameof(customerLedger));
        }

        return Plan(invoice, program, tierMultiplier, customerLedger, LedgerReplay.Replay(customerLedger, invoice.PaidOn).Balances);
    }

    /// <summary>
    /// The plan from the member's <paramref name="balances"/> at payment (kept state, <see cref="KeptMember"/>) and only the
    /// rows of this invoice (<paramref name="invoiceLedger"/>): whether a line earned depends on its own rows alone.
    /// </summary>
    public static EarnPlan Plan(PaidInvoice invoice, ProgramSettings program, decimal tierMultiplier,
        IReadOnlyList<LedgerEntry> invoiceLedger, LedgerBalances balances)
    {
        if (invoice is null || program is null || invoiceLedger is null || balances is null)
        {
            throw new ArgumentNullException(invoice is null ? nameof(invoice) : program is null ? nameof(program)
                : invoiceLedger is null ? nameof(invoiceLedger) : nameof(balances));
        }

        var customerLedger = invoiceLedger;
        var existingKeys = new HashSet<string>(customerLedger.Select(entry => entry.SourceKey), StringComparer.Ordinal);
        var excluded = new HashSet<Guid>(program.ExcludedFamilyIds);
        var room = BalanceCap.RoomFor(balances, program.MaxBalance);
        var rate = program.PointsPerCurrencyUnit * tierMultiplier;
        var entries = new List<LedgerEntry>();
        var cut = 0;
        foreach (var line in invoice.Lines)
        {
            var payment = PaymentToEarn(line.LineId, customerLedger, existingKeys);
            if (excluded.Contains(line.FamilyId) || payment is null)
            {
                continue;
            }

            var points = PointsFor(line.Amount, program.PointsPerCurrencyUnit, tierMultiplier);
            var awarded = Math.Min(points, room);
            cut += points - awarded;
            room -= awarded;
            if (awarded > 0)
            {
                entries.Add(LedgerEntries.Earn(invoice, line, awarded, rate, program, capped: awarded < points, payment.Value));
            }
        }

        return new EarnPlan(entries, cut > 0 && program.MaxBalance is { } cap ? CapNotice(cut, cap) : null);
    }

    /// <summary>
    /// Which payment of the line earns now: 0 when the line never earned; the next one when its latest payment was cancelled
    /// (pay, cancel, pay again earns once more); null when the latest payment still stands (a replay earns nothing).
    /// </summary>
    private static int? PaymentToEarn(Guid lineId, IReadOnlyList<LedgerEntry> ledger, HashSet<string> keys)
    {
        var earned = ledger.Where(entry => entry.Kind == LedgerEntryKind.Earn && entry.InvoiceLineId == lineId).ToList();
        if (earned.Count == 0) return keys.Contains(SourceKeys.Earn(lineId)) ? null : 0;
        var latest = earned.Max(entry => SourceKeys.PaymentOf(entry.SourceKey));
        return keys.Contains(SourceKeys.Cancel(lineId, latest)) ? latest + 1 : null;
    }

    private static LocalizedText CapNotice(int cut, int cap) => new(
        $"{LoyaltyText.Number(cut)} points were not awarded because the member reached the program maximum of {LoyaltyText.Number(cap)} " +
        $"points.",
        $"No se otorgaron {LoyaltyText.Number(cut)} puntos porque el miembro alcanzó el máximo del programa, {LoyaltyText.Number(cap)} " +
        $"puntos.");
}
