using System.Linq;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Domain.Loyalty.Journeys;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Tiers;

namespace Crm.Extensions.Application.Invoicing;

/// <summary>
/// A paid invoice, in the payment's transaction (the stage moves at once, within the request budget of
/// plugins/Crm.Extensions.Plugins/Invoicing/README.md): one query, then earn per
/// line (EarnPlanner), one Update of the customer (balances, purchase facts, stage), the transition on a change, the tier
/// on an upgrade, journeys that open or change phase (JourneyEngine), and the invoice's one survey request.
/// A replay (the invoice is already in the customer's purchase facts) writes nothing twice: the facts stay, the planner
/// finds the lines' source keys, the survey exists, journeys are not counted again.
/// </summary>
internal static class PaidInvoiceFlow
{
    public static void Apply(IUseCaseContext context, InvoiceEvent paid)
    {
        var service = context.SystemService;
        // Requests only when the instance's settings cache is cold or expired (SettingsCache): the seven lifecycle
        // variables, and the active program ⟕ tiers.
        var thresholds = context.Settings.Lifecycle();
        var program = context.Settings.Program();
        // Request: RetrieveMultiple — lines ⟕ families ⟕ journeys, survey request, customer ⟕ ledger (no image carries them).
        var purchase = InvoicePurchaseReader.Read(service, paid.InvoiceId, paid.Customer);
        var customer = purchase.Customer;
        var replay = customer.Facts?.Counts(paid.InvoiceId) == true;
        // Request only for a customer whose facts were never kept (created before them): rebuilt once from the invoices.
        var facts = customer.Facts?.WithPaid(paid.InvoiceId, paid.On, thresholds)
            ?? CustomerLifecycleReader.History(service, paid.Customer, paid.On, thresholds).Facts;
        var transition = LifecycleEngine.Evaluate(customer.Stage, facts.ToLifecycleFacts(paid.On, thresholds), LifecycleTrigger.InvoicePaid, paid.On, thresholds);

        var row = CustomerRowWriter.NewRow(paid.Customer);
        if (!replay) PurchaseFactsColumns.Set(row, facts);
        if (transition is not null) LifecycleWriter.SetStage(row, transition);
        var member = customer.Member;
        if (program is not null)
        {
            var tiers = new TierEvaluator(program.Settings, program.Tiers);
            var invoice = new PaidInvoice(paid.InvoiceId, paid.Customer.Id, paid.On,
                purchase.Lines.Select(line => new PaidInvoiceLine(line.LineId, line.ProductId, line.FamilyId, line.Amount)).ToList());
            // A blocked or deactivated customer earns nothing (cx_loyaltyblocked: "earns and redeems no points").
            var plan = member.MayEarnAndRedeem
                ? EarnPlanner.Plan(invoice, program.Settings, tiers.Find(member.TierId)?.PointsMultiplier ?? 1m, member.Entries)
                : new EarnPlan(System.Array.Empty<LedgerEntry>(), null);
            if (!member.MayEarnAndRedeem) context.Tracing.Trace("The customer is blocked from loyalty or inactive: the invoice earns no points.");
            if (plan.CapNotice is { } notice) context.Tracing.Trace(notice.English);
            // Request: CreateMultiple — every new earn entry in one request (a replay plans none: the source keys exist).
            LedgerWriter.Write(service, plan.Entries, paid.Customer, program.ProgramId);
            member = member with { Entries = member.Entries.Concat(plan.Entries).ToList() };
            CustomerRowWriter.SetBalances(row, MemberBalances.From(member.Entries, paid.On, program.Settings), customer.Stored);
        }

        // Request: Update with IfRowVersionMatches — balances, purchase facts and stage in one write (none when nothing changed).
        CustomerRowWriter.Write(service, row, member.RowVersion);
        // Request only on a stage change: Create of the one cx_lifecycletransition (keyed per trigger and invoice).
        if (transition is not null) LifecycleWriter.Record(service, paid.Customer, transition, paid.TransitionKey(transition.Trigger));
        if (program is not null) PaidInvoiceLoyalty.Apply(service, program, purchase, member, paid, replay);
    }
}
