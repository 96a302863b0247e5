using System;
using Crm.Extensions.Domain.Loyalty.Configuration;

namespace Crm.Extensions.Domain.Loyalty.Tiers;

public enum TierEvaluationMode
{
    /// <summary>On a purchase: may upgrade or extend, never downgrades.</summary>
    RealTime = 1,

    /// <summary>The period batch <c>cx_EvaluateTiers</c>: may also downgrade, after validity plus grace.</summary>
    PeriodEnd = 2,
}

/// <summary>Everything a tier decision depends on, so the decision is a pure function.</summary>
public sealed record TierEvaluationInput(TierStanding Standing, QualificationMeasures Measures, DateTime AsOf)
{
    /// <summary>The customer is in the program's top-profit share from the latest portfolio analysis.</summary>
    public bool InTopProfitShare { get; init; }

    /// <summary>When the customer last answered a survey as a detractor.</summary>
    public DateTime? LastDetractorOn { get; init; }
}
