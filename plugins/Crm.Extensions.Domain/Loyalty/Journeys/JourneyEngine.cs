using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Loyalty.Journeys;

/// <summary>
/// The phase cycle per customer × family. A first paid purchase in a family opens phase I for that family only
/// (the cycle "restarts" for the new line, other families keep their phase). Phase II comes with the second
/// purchase in the family or a positive survey; phase III with a VIP tier or the target base, and only from phase II,
/// because retention presupposes growth. Several steps in one event are all recorded, in order.
/// Each method returns null when the event changes nothing, so replays write nothing.
/// </summary>
public static class JourneyEngine
{
    /// <summary>One paid invoice touching several families: one update per family that changed.</summary>
    public static IReadOnlyList<JourneyUpdate> OnPaidInvoice(
        IReadOnlyList<FamilyJourney> customerJourneys, Guid customerId, IEnumerable<Guid> familyIds, Guid invoiceId, DateTime paidOn,
        CustomerStanding standing)
    {
        var updates = new List<JourneyUpdate>();
        foreach (var familyId in familyIds.Distinct().OrderBy(id => id))
        {
            var existing = customerJourneys.FirstOrDefault(journey => journey.CustomerId == customerId && journey.FamilyId == familyId);
            var update = OnPaidPurchase(existing, customerId, familyId, invoiceId, paidOn, standing);
            if (update is not null)
            {
                updates.Add(update);
            }
        }

        return updates;
    }

    public static JourneyUpdate? OnPaidPurchase(FamilyJourney? journey, Guid customerId, Guid familyId, Guid invoiceId, DateTime paidOn,
        CustomerStanding standing)
    {
        if (standing is null)
        {
            throw new ArgumentNullException(nameof(standing));
        }

        var changes = new List<PhaseChange>();
        if (journey is null)
        {
            var opening = new PhaseChange(null, JourneyPhase.Knowledge, paidOn, PhaseTrigger.FirstPurchase);
            changes.Add(opening);
            var opened = new FamilyJourney(customerId, familyId, JourneyPhase.Knowledge)
            {
                PurchaseCount = 1,
                LastInvoiceId = invoiceId,
                History = new[] { opening },
            };
            return new JourneyUpdate(opened, changes, IsNew: true);
        }

        if (journey.LastInvoiceId == invoiceId)
        {
            return null;
        }

        var counted = journey with { PurchaseCount = journey.PurchaseCount + 1, LastInvoiceId = invoiceId };
        if (counted.Phase == JourneyPhase.Knowledge && counted.PurchaseCount >= 2)
        {
            counted = Move(counted, JourneyPhase.Growth, paidOn, PhaseTrigger.SecondPurchase, changes);
        }

        counted = TryRetention(counted, standing, paidOn, changes);
        return new JourneyUpdate(counted, changes, IsNew: false);
    }

    /// <summary>A positive survey moves phase I to II and clears the at-risk flag.</summary>
    public static JourneyUpdate? OnPositiveSurvey(FamilyJourney journey, DateTime on, CustomerStanding standing)
    {
        var changes = new List<PhaseChange>();
        var updated = journey with { AtRisk = false };
        if (updated.Phase == JourneyPhase.Knowledge)
        {
            updated = Move(updated, JourneyPhase.Growth, on, PhaseTrigger.PositiveSurvey, changes);
        }

        updated = TryRetention(updated, standing, on, changes);
        return changes.Count == 0 && updated.AtRisk == journey.AtRisk ? null : new JourneyUpdate(updated, changes, IsNew: false);
    }

    /// <summary>A detractor survey flags the journey at risk; the phase stays.</summary>
    public static JourneyUpdate? OnDetractorSurvey(FamilyJourney journey) =>
        journey.AtRisk ? null : new JourneyUpdate(journey with { AtRisk = true }, Array.Empty<PhaseChange>(), IsNew: false);

    /// <summary>The tier or target flag changed: a phase II journey may enter phase III.</summary>
    public static JourneyUpdate? OnStandingChanged(FamilyJourney journey, CustomerStanding standing, DateTime on)
    {
        var changes = new List<PhaseChange>();
        var updated = TryRetention(journey, standing, on, changes);
        return changes.Count == 0 ? null : new JourneyUpdate(updated, changes, IsNew: false);
    }

    private static FamilyJourney TryRetention(FamilyJourney journey, CustomerStanding standing, DateTime on, List<PhaseChange> changes)
    {
        if (journey.Phase != JourneyPhase.Growth || !(standing.HoldsVipTier || standing.InTargetBase))
        {
            return journey;
        }

        return Move(journey, JourneyPhase.Retention, on, standing.HoldsVipTier ? PhaseTrigger.VipTier : PhaseTrigger.TargetBase, changes);
    }

    private static FamilyJourney Move(FamilyJourney journey, JourneyPhase to, DateTime on, PhaseTrigger trigger, List<PhaseChange> changes)
    {
        var change = new PhaseChange(journey.Phase, to, on, trigger);
        changes.Add(change);
        return journey with { Phase = to, History = journey.History.Concat(new[] { change }).ToList() };
    }
}
