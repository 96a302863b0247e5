using System.Collections.Generic;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Loyalty.Surveys;

/// <summary>Refuses out-of-range scores (NPS 0–10, CSAT 1–5), naming each one.</summary>
public static class SurveyValidator
{
    public const int NpsMin = 0;
    public const int NpsMax = 10;
    public const int CsatMin = 1;
    public const int CsatMax = 5;

    public static void EnsureValid(SurveyResponse response)
    {
        var problems = new List<LocalizedText>();
        if (response.Nps is { } nps && (nps < NpsMin || nps > NpsMax))
        {
            problems.Add(new LocalizedText(
                $"The recommendation score (NPS) must be between 0 and 10; it was {LoyaltyText.Number(nps)}.",
                $"La puntuación de recomendación (NPS) debe estar entre 0 y 10; era {LoyaltyText.Number(nps)}."));
        }

        if (response.Csat is { } csat && (csat < CsatMin || csat > CsatMax))
        {
            problems.Add(new LocalizedText(
                $"The satisfaction score (CSAT) must be between 1 and 5; it was {LoyaltyText.Number(csat)}.",
                $"La puntuación de satisfacción (CSAT) debe estar entre 1 y 5; era {LoyaltyText.Number(csat)}."));
        }

        if (problems.Count > 0)
        {
            throw new BusinessRuleException(LoyaltyText.Join(problems));
        }
    }
}
