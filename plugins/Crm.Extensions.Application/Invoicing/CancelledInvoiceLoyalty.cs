using System.Linq;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Loyalty.Ledger;

namespace Crm.Extensions.Application.Invoicing;

/// <summary>A cancelled invoice gives back exactly what its lines earned (ReturnPlanner), unvested points first.</summary>
internal static class CancelledInvoiceLoyalty
{
    public static void Apply(IUseCaseContext context, LoyaltyProgramConfiguration program, InvoiceEvent cancelled)
    {
        var service = context.SystemService;
        // Request: RetrieveMultiple — the member's RowVersion and ledger.
        var member = MemberLedgerReader.Read(service, cancelled.Customer);
        var reversals = ReturnPlanner.PlanCancellation(cancelled.InvoiceId, member.Entries, cancelled.On);
        if (reversals.Count == 0) return;

        // Requests: CreateMultiple of the reverse entries, then the balances under RowVersion.
        LedgerWriter.Write(service, reversals, cancelled.Customer, program.ProgramId);
        BalanceWriter.Write(service, member with { Entries = member.Entries.Concat(reversals).ToList() }, cancelled.On, program.Settings,
            () => MemberLedgerReader.Read(service, cancelled.Customer));
    }
}
