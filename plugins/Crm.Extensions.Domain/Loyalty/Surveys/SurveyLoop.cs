using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Loyalty.Surveys;

/// <summary>
/// The closed post-sale loop: one survey request per paid invoice, and what each answer sets in motion.
/// Detractor → retention task, journey at risk, upgrade block. Promoter → positive journey step and Advocate.
/// </summary>
public static class SurveyLoop
{
    /// <summary>Alternate key of the survey request for a paid invoice: at most one per invoice.</summary>
    public static string RequestKey(Guid invoiceId) => FormattableString.Invariant($"survey:{invoiceId}");

    public static IReadOnlyList<SurveyConsequence> ConsequencesOf(SurveyResponse response)
    {
        SurveyValidator.EnsureValid(response);
        var consequences = new List<SurveyConsequence>();
        switch (SurveyClassifier.Classify(response))
        {
            case SurveyClass.Detractor:
                consequences.Add(new RetentionTask(response.CustomerId, response.OwnerId,
                    FormattableString.Invariant($"retention:{response.SurveyId}"),
                    new LocalizedText(
                        "Call the customer back: their post-sale survey was negative.",
                        "Llame al cliente: su encuesta posventa fue negativa.")));
                consequences.Add(new JourneyAtRisk(response.CustomerId, response.FamilyId));
                consequences.Add(new UpgradeBlock(response.CustomerId, response.RespondedOn));
                break;
            case SurveyClass.Promoter:
                consequences.Add(new JourneyPositive(response.CustomerId, response.FamilyId));
                consequences.Add(new AdvocateSignal(response.CustomerId, response.SurveyId));
                break;
            default:
                break;
        }

        return consequences;
    }

    /// <summary>
    /// NPS = % promoters (9–10) − % detractors (0–6) over the answers with a score, −100..100; null without answers.
    /// The standard metric uses the score alone, so experience flags do not move it.
    /// </summary>
    public static decimal? NetPromoterScore(IEnumerable<SurveyResponse> responses)
    {
        var scored = 0;
        var promoters = 0;
        var detractors = 0;
        foreach (var response in responses)
        {
            if (response.Nps is null)
            {
                continue;
            }

            scored++;
            promoters += response.Nps >= 9 ? 1 : 0;
            detractors += response.Nps <= 6 ? 1 : 0;
        }

        return scored == 0 ? null : Math.Round(100m * (promoters - detractors) / scored, 1);
    }
}
