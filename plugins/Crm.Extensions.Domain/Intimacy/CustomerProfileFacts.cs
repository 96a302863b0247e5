using System;
using Crm.Extensions.Domain.Lifecycle;

namespace Crm.Extensions.Domain.Intimacy;

/// <summary>The data that answers the eight questions, gathered by the plugin.</summary>
/// <param name="Stage">Current lifecycle stage; null when never evaluated.</param>
/// <param name="LatestInteractionReason">Reason of the latest interaction (why they interact today).</param>
/// <param name="ProductsOfInterest">Products the customer showed interest in (opportunities, preferences, wish lists).</param>
/// <param name="ProductsBought">Distinct products on paid invoices.</param>
/// <param name="ProblemsRecorded">Cases or complaints recorded.</param>
/// <param name="NoProblemsConfirmed">Someone asked and the customer reported none: "no problems" is an answer too.</param>
/// <param name="Preferences">cx_preference rows.</param>
/// <param name="ResponsesRecorded">Interactions or cases with an outcome or resolution (how we responded).</param>
public sealed record CustomerProfileFacts(
    LifecycleStage? Stage,
    string? LatestInteractionReason,
    int ProductsOfInterest,
    int ProductsBought,
    int ProblemsRecorded,
    bool NoProblemsConfirmed,
    int Preferences,
    int ResponsesRecorded,
    DateTime? LastInteractionOnUtc,
    decimal? LastInteractionDurationMinutes);
