using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Lifecycle;

public enum NpsCategory
{
    Detractor = 1,
    Passive = 2,
    Promoter = 3,
}

/// <summary>
/// NPS on the 0–10 scale: promoters 9–10, passives 7–8, detractors 0–6; NPS = %promoters − %detractors
/// (Dynamics 365 Customer Voice satisfaction metrics).
/// </summary>
public static class NetPromoterScore
{
    public static NpsCategory Categorize(int score)
    {
        RequireScore(score);
        return score >= 9 ? NpsCategory.Promoter : score >= 7 ? NpsCategory.Passive : NpsCategory.Detractor;
    }

    /// <summary>−100 to 100, rounded to two decimals; null when there are no answers (the score is undefined, not zero).</summary>
    public static decimal? Calculate(IEnumerable<int> scores)
    {
        var categories = scores.Select(Categorize).ToList();
        if (categories.Count == 0)
        {
            return null;
        }

        var promoters = categories.Count(c => c == NpsCategory.Promoter);
        var detractors = categories.Count(c => c == NpsCategory.Detractor);
        return Math.Round((promoters - detractors) * 100m / categories.Count, 2, MidpointRounding.AwayFromZero);
    }

    private static void RequireScore(int score)
    {
        if (score < 0 || score > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "NPS answers run from 0 to 10.");
        }
    }
}
