namespace Crm.Extensions.Domain.Loyalty.Surveys;

public enum SurveyClass
{
    Passive = 0,
    Promoter = 1,
    Detractor = 2,
}

/// <summary>
/// Promoter 9–10, passive 7–8, detractor 0–6. A negative experience or poor after-sales
/// service makes the answer a detractor whatever the score, and stops a 9–10 from counting as a promoter: the loop
/// must not reward a customer who just said something went wrong. Without an NPS the answer is passive unless negative.
/// </summary>
public static class SurveyClassifier
{
    public static SurveyClass Classify(SurveyResponse response)
    {
        if (IsNegativeExperience(response) || response.Nps is >= 0 and <= 6)
        {
            return SurveyClass.Detractor;
        }

        return response.Nps is >= 9 and <= 10 ? SurveyClass.Promoter : SurveyClass.Passive;
    }

    public static bool IsNegativeExperience(SurveyResponse response) =>
        response.ExperiencePositive == false || response.AfterSalesGood == false;
}
