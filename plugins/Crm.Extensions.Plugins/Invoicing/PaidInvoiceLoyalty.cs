using System.Linq;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Loyalty.Journeys;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Tiers;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>Earn per line (EarnPlanner), balances, journeys per family (JourneyEngine), one survey request (SurveyLoop).</summary>
internal static class PaidInvoiceLoyalty
{
    public static void Apply(PluginContext context, LoyaltyProgramConfiguration program, InvoiceEvent paid)
    {
        var service = context.SystemService;
        // Request: RetrieveMultiple — lines, product families, the customer's journeys and the survey request (no image carries lines).
        var purchase = InvoicePurchaseReader.Read(service, paid.InvoiceId);
        // Request: RetrieveMultiple — the member's RowVersion, tier and ledger (another table; needed for keys, cap and balances).
        var member = MemberLedgerReader.Read(service, paid.Customer);
        var tiers = new TierEvaluator(program.Settings, program.Tiers);

        var invoice = new PaidInvoice(paid.InvoiceId, paid.Customer.Id, paid.On,
            purchase.Lines.Select(line => new PaidInvoiceLine(line.LineId, line.ProductId, line.FamilyId, line.Amount)).ToList());
        var plan = EarnPlanner.Plan(invoice, program.Settings, tiers.Find(member.TierId)?.PointsMultiplier ?? 1m, member.Entries);
        if (plan.CapNotice is { } notice) context.Tracing.Trace(notice.English);
        if (plan.Entries.Count > 0)
        {
            // Request: CreateMultiple — every new earn entry in one request (replays plan none: their source keys exist).
            LedgerWriter.Write(service, plan.Entries, paid.Customer, program.ProgramId);
            // Request: Update with IfRowVersionMatches — the member's balances from the whole ledger.
            BalanceWriter.Write(service, member with { Entries = member.Entries.Concat(plan.Entries).ToList() }, paid.On, program.Settings,
                () => MemberLedgerReader.Read(service, paid.Customer));
        }

        // Requests only on a tier change: the customer's tier (+ list membership); one query when an upgrade may be blocked.
        var tierId = TierUpgrade.Apply(service, program, member with { Entries = member.Entries.Concat(plan.Entries).ToList() }, paid.On);
        var standing = new CustomerStanding(tiers.HoldsVip(tierId), member.InTargetBase);
        foreach (var update in JourneyEngine.OnPaidInvoice(purchase.Journeys, paid.Customer.Id, purchase.Lines.Select(line => line.FamilyId), paid.InvoiceId, paid.On, standing))
        {
            // Request per family that changed: Upsert on customer + family (a replayed invoice changes none).
            JourneyRepository.Save(service, update, paid.Customer, paid.On, isPurchase: true);
        }

        // Request: Create — the one survey request of this invoice, only if the line query found none.
        if (!purchase.SurveyRequested) SurveyRequests.Request(service, paid.InvoiceId, paid.Customer, paid.Owner, paid.On);
    }
}
