using System;
using System.Linq;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Domain.Loyalty.Ledger;

namespace Crm.Extensions.Application.Invoicing;

/// <summary>
/// A cancelled invoice, in two steps. <see cref="Run"/>, sync in the cancellation's transaction: the stage moves at once
/// and the customer's purchase facts are rebuilt from the invoices themselves (the cancelled one no longer counts), so the
/// next payment starts from the truth. <see cref="ReversePoints"/>, async after commit: the invoice gives back exactly what
/// its lines earned (ReturnPlanner), unvested points first; idempotent by source keys.
/// </summary>
public static class InvoiceCancelled
{
    public static void Run(IUseCaseContext context, InvoiceEvent cancelled)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        if (cancelled is null) throw new ArgumentNullException(nameof(cancelled));
        context.UseCase = nameof(InvoiceCancelled);
        var service = context.SystemService;
        // Request only when the instance's settings cache is cold or expired (SettingsCache): the lifecycle variables.
        var thresholds = context.Settings.Lifecycle();
        // Request: RetrieveMultiple — stage, RowVersion, paid invoices and NPS answers of the customer.
        var history = CustomerLifecycleReader.History(service, cancelled.Customer, cancelled.On, thresholds);
        var transition = LifecycleEngine.Evaluate(history.Stage, history.Facts.ToLifecycleFacts(cancelled.On, thresholds),
            LifecycleTrigger.InvoiceCancelled, cancelled.On, thresholds);

        var row = CustomerRowWriter.NewRow(cancelled.Customer);
        PurchaseFactsColumns.Set(row, history.Facts);
        if (transition is not null) LifecycleWriter.SetStage(row, transition);
        // Request: Update with IfRowVersionMatches — purchase facts (and the stage on a change).
        CustomerRowWriter.Write(service, row, history.RowVersion);
        // Request only on a stage change: Create of the transition.
        if (transition is not null)
            LifecycleWriter.Record(service, cancelled.Customer, transition, cancelled.TransitionKey(transition.Trigger));
    }

    public static void ReversePoints(IUseCaseContext context, InvoiceEvent cancelled)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        if (cancelled is null) throw new ArgumentNullException(nameof(cancelled));
        context.UseCase = nameof(InvoiceCancelled) + "." + nameof(ReversePoints);
        var service = context.SystemService;
        // Request: RetrieveMultiple — the active program and its tiers (configuration, not on any image).
        var program = LoyaltyProgramReader.Active(service);
        if (program is null)
        {
            context.Tracing.Trace("No active loyalty program: nothing to reverse.");
            return;
        }

        // Request: RetrieveMultiple — the member's RowVersion and ledger.
        var member = MemberLedgerReader.Read(service, cancelled.Customer);
        var reversals = ReturnPlanner.PlanCancellation(cancelled.InvoiceId, member.Entries, cancelled.On);
        if (reversals.Count == 0) return;

        // Requests: CreateMultiple of the reverse entries, then the balances under RowVersion.
        LedgerWriter.Write(service, reversals, cancelled.Customer, program.ProgramId, member.Entries, cancelled.On);
        BalanceWriter.Write(service, member with { Entries = member.Entries.Concat(reversals).ToList() }, cancelled.On, program.Settings,
            () => MemberLedgerReader.Read(service, cancelled.Customer));
    }
}
