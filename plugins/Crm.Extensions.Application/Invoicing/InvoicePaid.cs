using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Application.Loyalty;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Journeys;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Tiers;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Invoicing;

/// <summary>
/// A paid invoice, in the payment's transaction (the stage moves at once, within the request budget of
/// plugins/Crm.Extensions.Plugins/Invoicing/README.md): one query, then earn per
/// line (EarnPlanner), one Update of the customer (balances, purchase facts, stage), the transition on a change, the tier
/// on an upgrade, journeys that open or change phase (JourneyEngine), and the invoice's one survey request.
/// A replay (the invoice is already in the customer's purchase facts) writes nothing twice: the facts stay, the planner
/// finds the lines' source keys, the survey exists, journeys are not counted again.
/// </summary>
public static class InvoicePaid
{
    public static void Run(IUseCaseContext context, InvoiceEvent paid)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        if (paid is null) throw new ArgumentNullException(nameof(paid));
        context.UseCase = nameof(InvoicePaid);
        var service = context.SystemService;
        // Requests only when the instance's settings cache is cold or expired (SettingsCache): the seven lifecycle
        // variables, and the active program ⟕ tiers.
        var thresholds = context.Settings.Lifecycle();
        var program = context.Settings.Program();
        // Request: RetrieveMultiple — lines ⟕ families ⟕ journeys, survey request, customer (kept figures) ⟕ the ledger rows a
        // payment needs (this invoice's, lots whose vesting or expiry has come): no image carries them, and none grows with history.
        var purchase = InvoicePurchaseReader.Read(service, paid.InvoiceId, paid.Customer, paid.On);
        var customer = purchase.Customer;
        var replay = customer.Facts?.Counts(paid.InvoiceId) == true;
        // Request only for a customer whose facts were never kept (created before them): rebuilt once from the invoices.
        var facts = customer.Facts?.WithPaid(paid.InvoiceId, paid.On, thresholds)
            ?? CustomerLifecycleReader.History(service, paid.Customer, paid.On, thresholds).Facts;
        var transition = LifecycleEngine.Evaluate(customer.Stage, facts.ToLifecycleFacts(paid.On, thresholds), LifecycleTrigger.InvoicePaid,
            paid.On, thresholds);

        var row = CustomerRowWriter.NewRow(paid.Customer);
        if (!replay) PurchaseFactsColumns.Set(row, facts);
        if (transition is not null) LifecycleWriter.SetStage(row, transition);
        var member = customer.Member;
        var measures = new QualificationMeasures(0m, 0, 0);
        if (program is not null)
        {
            var tiers = new TierEvaluator(program.Settings, program.Tiers);
            var invoice = new PaidInvoice(paid.InvoiceId, paid.Customer.Id, paid.On,
                purchase.Lines.Select(line => new PaidInvoiceLine(line.LineId, line.ProductId, line.FamilyId, line.Amount)).ToList());
            // A blocked or deactivated customer earns nothing (cx_loyaltyblocked: "earns and redeems no points").
            var kept = customer.Kept;
            var read = member.Entries;
            // Kept state: the invoice's own rows decide which lines earned; the balances are the kept ones moved to now.
            var invoiceRows = kept is null ? read : read.Where(entry => entry.InvoiceId == paid.InvoiceId).ToList();
            var before = kept is null ? LedgerReplay.Replay(read, paid.On).Balances : KeptMember.BalancesAt(kept, read, paid.On);
            var plan = member.MayEarnAndRedeem
                ? EarnPlanner.Plan(invoice, program.Settings, tiers.Find(member.TierId)?.PointsMultiplier ?? 1m, invoiceRows, before)
                : new EarnPlan(System.Array.Empty<LedgerEntry>(), null);
            if (!member.MayEarnAndRedeem)
                context.Tracing.Trace("The customer is blocked from loyalty or inactive: the invoice earns no points.");
            if (plan.CapNotice is { } notice) context.Tracing.Trace(notice.English);
            var step = Keep(service, kept, read, invoiceRows, plan.Entries, paid, program);
            // Request: CreateMultiple — every new earn entry in one request (a replay plans none: the source keys exist); an
            // UpsertMultiple instead when lots vested or expired since the member was last written (the ledger run keeps them).
            LedgerWriter.Write(service, new KeptLedger(step.Added, step.Changed), paid.Customer, program.ProgramId);
            member = member with { Entries = read.Concat(step.Added).ToList() };
            // Unchanged figures (a replay) are not written: the kept state is still the replay at its keep time.
            if (kept is null || step.Figures with { KeptOn = kept.KeptOn } != kept) MemberFiguresColumns.Set(row, step.Figures);
            measures = step.Figures.Window;
        }

        // Request: Update with IfRowVersionMatches — balances, purchase facts and stage in one write (none when nothing changed).
        CustomerRowWriter.Write(service, row, member.RowVersion);
        // Request only on a stage change: Create of the one cx_lifecycletransition (keyed per trigger and invoice).
        if (transition is not null) LifecycleWriter.Record(service, paid.Customer, transition, paid.TransitionKey(transition.Trigger));
        if (program is not null) LoyaltyAfterCustomerWrite(service, program, purchase, member, measures, paid, replay);
    }

    /// <summary>
    /// The member after the payment: from kept state (<see cref="KeptMember"/>) with the window's rows read only when its
    /// oldest purchase has left it; from the whole ledger for a member never kept (read once, then kept).
    /// </summary>
    private static KeptStep Keep(
        IOrganizationService service, MemberFigures? kept, IReadOnlyList<LedgerEntry> read, IReadOnlyList<LedgerEntry> invoiceRows,
        IReadOnlyList<LedgerEntry> added, InvoiceEvent paid, LoyaltyProgramConfiguration program)
    {
        if (kept is null)
        {
            var whole = LedgerKeeping.Keep(read, added, paid.On);
            return new KeptStep(MemberFigures.From(read.Concat(added).ToList(), paid.On, program.Settings), whole.Added, whole.Changed);
        }

        var months = program.Settings.QualificationWindowMonths;
        // Requests only when the oldest purchase kept in the tier window has left it: the window's earns, then their invoices.
        var window = kept.WindowMovedBy(paid.On, months)
            ? WindowLedgerReader.Read(service, paid.Customer.Id, QualificationWindow.StartFor(paid.On, months))
            : null;
        return KeptMember.Pay(kept, read, invoiceRows, added, window, paid.On, program.Settings);
    }

    /// <summary>The loyalty writes after the customer row: tier upgrade, journeys that change, the survey request.</summary>
    private static void LoyaltyAfterCustomerWrite(
        IOrganizationService service, LoyaltyProgramConfiguration program, InvoicePurchase purchase, MemberLedger member,
        QualificationMeasures measures, InvoiceEvent paid, bool replay)
    {
        // Requests only on a tier change: the customer's tier (+ list membership); one query when an upgrade may be blocked.
        // After the customer Update, so the RowVersion it was read under still held.
        var tierId = TierUpgrade.Apply(service, program, member, paid.On, measures);
        if (!replay)
        {
            var standing = new CustomerStanding(new TierEvaluator(program.Settings, program.Tiers).HoldsVip(tierId), member.InTargetBase);
            // Request only for a family deeper than the reader's join: the customer's journeys.
            var journeys = purchase.JourneysComplete ? purchase.Journeys : JourneyRepository.ForCustomer(service, paid.Customer.Id);
            var updates = JourneyEngine.OnPaidInvoice(journeys, paid.Customer.Id, purchase.Lines.Select(line => line.FamilyId),
                paid.InvoiceId, paid.On, standing);
            foreach (var update in updates.Where(update => update.IsNew || update.Changes.Count > 0))
            {
                // Request per family that opens or changes phase: Upsert on customer + family. A purchase that only adds to
                // the count is not written (README): the count drives phase II only, so past phase I it keeps the stored value.
                var before = journeys.FirstOrDefault(journey => journey.FamilyId == update.Journey.FamilyId);
                var saved = before is null || before.Phase == JourneyPhase.Knowledge
                    ? update : update with { Journey = update.Journey with { PurchaseCount = before.PurchaseCount } };
                JourneyRepository.Save(service, saved, paid.Customer, paid.On, isPurchase: true);
            }
        }

        // Request: Create — the one survey request of this invoice, only if the query found none.
        if (!purchase.SurveyRequested) SurveyRequests.Request(service, paid.InvoiceId, paid.Customer, paid.Owner, paid.On);
    }
}
