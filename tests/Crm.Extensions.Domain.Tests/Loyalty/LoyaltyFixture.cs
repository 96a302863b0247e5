using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Ledger;

namespace Crm.Extensions.Domain.Tests.Loyalty;

/// <summary>Shared builders: one customer, the default program, invoices with fresh line ids.</summary>
internal static class LoyaltyFixture
{
    public static readonly Guid Customer = new("c0000000-0000-0000-0000-000000000001");
    public static readonly Guid Family = new("f0000000-0000-0000-0000-000000000001");

    public static ProgramSettings Program { get; } = new();

    public static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    public static PaidInvoice Invoice(DateTime paidOn, params decimal[] amounts) =>
        new(Guid.NewGuid(), Customer, paidOn,
            amounts.Select(amount => new PaidInvoiceLine(Guid.NewGuid(), Guid.NewGuid(), Family, amount)).ToList());

    /// <summary>Plans the earn rows of a paid invoice and appends them to the ledger, as the plugin would upsert them.</summary>
    public static IReadOnlyList<LedgerEntry> Pay(List<LedgerEntry> ledger, PaidInvoice invoice, ProgramSettings? program = null,
        decimal multiplier = 1m)
    {
        var plan = EarnPlanner.Plan(invoice, program ?? Program, multiplier, ledger);
        ledger.AddRange(plan.Entries);
        return plan.Entries;
    }

    public static LedgerBalances BalancesOn(IEnumerable<LedgerEntry> ledger, DateTime asOf) => LedgerReplay.Replay(ledger, asOf).Balances;

    public static LotState Lot(IEnumerable<LedgerEntry> ledger, DateTime asOf, Guid lotId) =>
        LedgerReplay.Replay(ledger, asOf).Lots.Single(lot => lot.Entry.Id == lotId);
}
