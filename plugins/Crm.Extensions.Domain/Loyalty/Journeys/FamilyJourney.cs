using System;
using System.Collections.Generic;

namespace Crm.Extensions.Domain.Loyalty.Journeys;

/// <summary>The three phases of the loyalty cycle (Caltico): knowledge, growth, retention of top customers.</summary>
public enum JourneyPhase
{
    Knowledge = 1,
    Growth = 2,
    Retention = 3,
}

public enum PhaseTrigger
{
    FirstPurchase = 1,
    SecondPurchase = 2,
    PositiveSurvey = 3,
    VipTier = 4,
    TargetBase = 5,
}

/// <summary>One timestamped phase change, kept as history. <see cref="From"/> is null when the journey opens.</summary>
public sealed record PhaseChange(JourneyPhase? From, JourneyPhase To, DateTime On, PhaseTrigger Trigger);

/// <summary>What the journey needs to know about the customer beyond the family: phase III conditions.</summary>
public sealed record CustomerStanding(bool HoldsVipTier, bool InTargetBase)
{
    public static CustomerStanding Ordinary { get; } = new(false, false);
}

/// <summary>A <c>cx_loyaltyjourney</c>: one per customer × product family.</summary>
public sealed record FamilyJourney(Guid CustomerId, Guid FamilyId, JourneyPhase Phase)
{
    /// <summary>Paid invoices counted in this family (several lines of one invoice are one purchase).</summary>
    public int PurchaseCount { get; init; }

    /// <summary>The last counted invoice, so a replayed invoice-paid step does not count twice.</summary>
    public Guid? LastInvoiceId { get; init; }

    public bool AtRisk { get; init; }

    public IReadOnlyList<PhaseChange> History { get; init; } = Array.Empty<PhaseChange>();

    /// <summary>Alternate key: one journey per customer and family.</summary>
    public string Key => FormattableString.Invariant($"journey:{CustomerId}:{FamilyId}");
}

/// <summary>A journey after an event, with the phase changes that event caused (possibly none, e.g. a third purchase).</summary>
public sealed record JourneyUpdate(FamilyJourney Journey, IReadOnlyList<PhaseChange> Changes, bool IsNew)
{
    /// <summary>Entering phase II is what creates cross-sell offers.</summary>
    public bool EnteredGrowth
    {
        get
        {
            foreach (var change in Changes)
            {
                if (change.To == JourneyPhase.Growth)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
