using System;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Loyalty.CrossSell;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Loyalty;

/// <summary>
/// A loyalty journey was written: when it moved into phase II (growth), from nothing (Create) or phase I, the customer gets
/// the family's cross-sell and up-sell offers. One event may jump I to III through II, so phase III counts as reached too.
/// The journey's customer, family and phase come from the images, never a Retrieve. As SYSTEM (the offers are system
/// rows). Requests: the cross-sell facts (<see cref="CrossSellReader"/>), then one Upsert per offer.
/// </summary>
public static class JourneyEnteredGrowth
{
    /// <summary>The columns the step's images must carry.</summary>
    public static readonly string[] ImageColumns =
    {
        LoyaltyJourney.Fields.CustomerId, LoyaltyJourney.Fields.ProductFamilyId, LoyaltyJourney.Fields.Phase,
    };

    /// <summary>How many offers were written (0 when the journey did not enter phase II).</summary>
    public static int Run(IUseCaseContext context, Guid journeyId, Entity? before, Entity? after)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(JourneyEnteredGrowth);
        var journey = after?.ToEntity<LoyaltyJourney>();
        var customer = journey?.CustomerId;
        var family = journey?.ProductFamilyId;
        var entered = ReachedGrowth(journey?.Phase) && !ReachedGrowth(before?.ToEntity<LoyaltyJourney>().Phase);
        if (customer is null || family is null || !entered) return 0;

        var facts = CrossSellReader.Read(context.SystemService, customer, family.Id);
        var offers = facts is null
            ? Array.Empty<CrossSellSuggestion>()
            : CrossSellEngine.Suggest(facts.Request, facts.Relationships, CrossSellScoring.Default);
        CrossSellWriter.Upsert(context.SystemService, offers, customer, journeyId, context.Clock.UtcNow);
        context.Tracing.Trace("Journey {0} entered phase II: {1} cross-sell offer(s) written.", journeyId, offers.Count);
        return offers.Count;
    }

    private static bool ReachedGrowth(GlobalChoices.LoyaltyPhase? phase) =>
        phase is GlobalChoices.LoyaltyPhase.IIGrowth or GlobalChoices.LoyaltyPhase.IIIRetention;
}
