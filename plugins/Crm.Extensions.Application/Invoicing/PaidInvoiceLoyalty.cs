using System.Linq;
using Crm.Extensions.Application.Loyalty;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Loyalty.Journeys;
using Crm.Extensions.Domain.Loyalty.Tiers;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Invoicing;

/// <summary>The paid invoice's loyalty writes after the customer row: tier upgrade, journeys that change, the survey request.</summary>
internal static class PaidInvoiceLoyalty
{
    public static void Apply(IOrganizationService service, LoyaltyProgramConfiguration program, InvoicePurchase purchase, MemberLedger member, InvoiceEvent paid, bool replay)
    {
        // Requests only on a tier change: the customer's tier (+ list membership); one query when an upgrade may be blocked.
        // After the customer Update, so the RowVersion it was read under still held.
        var tierId = TierUpgrade.Apply(service, program, member, paid.On);
        if (!replay)
        {
            var standing = new CustomerStanding(new TierEvaluator(program.Settings, program.Tiers).HoldsVip(tierId), member.InTargetBase);
            // Request only for a family deeper than the reader's join: the customer's journeys.
            var journeys = purchase.JourneysComplete ? purchase.Journeys : JourneyRepository.ForCustomer(service, paid.Customer.Id);
            var updates = JourneyEngine.OnPaidInvoice(journeys, paid.Customer.Id, purchase.Lines.Select(line => line.FamilyId), paid.InvoiceId, paid.On, standing);
            foreach (var update in updates.Where(update => update.IsNew || update.Changes.Count > 0))
            {
                // Request per family that opens or changes phase: Upsert on customer + family. A purchase that only adds to
                // the count is not written (README): the count drives phase II only, so past phase I it keeps the stored value.
                var before = journeys.FirstOrDefault(journey => journey.FamilyId == update.Journey.FamilyId);
                var saved = before is null || before.Phase == JourneyPhase.Knowledge ? update : update with { Journey = update.Journey with { PurchaseCount = before.PurchaseCount } };
                JourneyRepository.Save(service, saved, paid.Customer, paid.On, isPurchase: true);
            }
        }

        // Request: Create — the one survey request of this invoice, only if the query found none.
        if (!purchase.SurveyRequested) SurveyRequests.Request(service, paid.InvoiceId, paid.Customer, paid.Owner, paid.On);
    }
}
