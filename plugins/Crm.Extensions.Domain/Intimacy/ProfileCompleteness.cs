using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Intimacy;

/// <summary>Score 0–100 and the questions still open.</summary>
public sealed record ProfileCompletenessResult(int Score, IReadOnlyList<ProfileQuestion> Unanswered);

/// <summary>
/// Each of the eight questions weighs the same (12.5 points); the score is rounded half away from zero to a whole
/// number, because it is stored in a whole-number column and shown as a bar. The last-interaction question counts only
/// when both the date and the duration are known, since the source asks for both.
/// </summary>
public static class ProfileCompleteness
{
    private static readonly ProfileQuestion[] All = (ProfileQuestion[])Enum.GetValues(typeof(ProfileQuestion));

    public static ProfileCompletenessResult Evaluate(CustomerProfileFacts facts)
    {
        if (facts is null)
        {
            throw new ArgumentNullException(nameof(facts));
        }

        var unanswered = All.Where(q => !IsAnswered(q, facts)).ToList();
        var answered = All.Length - unanswered.Count;
        var score = (int)Math.Round(answered * 100m / All.Length, 0, MidpointRounding.AwayFromZero);
        return new ProfileCompletenessResult(score, unanswered);
    }

    private static bool IsAnswered(ProfileQuestion question, CustomerProfileFacts facts) => question switch
    {
        ProfileQuestion.LifecycleStage => facts.Stage is not null,
        ProfileQuestion.WhyTheyInteractToday => !string.IsNullOrWhiteSpace(facts.LatestInteractionReason),
        ProfileQuestion.ProductsOfInterest => facts.ProductsOfInterest > 0,
        ProfileQuestion.ProductsBought => facts.ProductsBought > 0,
        ProfileQuestion.ProblemsExperienced => facts.ProblemsRecorded > 0 || facts.NoProblemsConfirmed,
        ProfileQuestion.Preferences => facts.Preferences > 0,
        ProfileQuestion.HowWeResponded => facts.ResponsesRecorded > 0,
        ProfileQuestion.LastInteractionAndDuration => facts.LastInteractionOnUtc is not null
            && facts.LastInteractionDurationMinutes is not null,
        _ => false,
    };
}
