using System;
using Crm.Extensions.Domain.Common;

namespace Crm.Extensions.Domain.Network;

/// <summary>Health of one relationship on a date.</summary>
public sealed record PartnerHealthResult(int Score, bool IsReviewOverdue, DateTime? NextReviewDueUtc, bool IsHealthy);

/// <summary>
/// Health score 0–100 = round(½ × timeliness + ½ × rating), 0 for an inactive relationship.
/// <list type="bullet">
/// <item>Timeliness: 100 until the next review is due (last review + cadence); then it falls in a straight line to 0.
/// The fall takes half a cadence for a Critical partner, one cadence for Medium and two for Low, because an
/// unreviewed critical partner becomes a risk sooner. Never reviewed: 0.</item>
/// <item>Rating: (rating − 1) × 25, so 1 → 0 and 5 → 100; no rating → 50 (neutral, no evidence either way).</item>
/// </list>
/// Healthy means a score of at least <see cref="HealthyFrom"/>: a partner reviewed on time with a neutral or better
/// rating is healthy; one rated poor, or well overdue, is not.
/// </summary>
public static class PartnerHealth
{
    public const int HealthyFrom = 60;
    public const int NeutralRatingPoints = 50;

    public static PartnerHealthResult Evaluate(Partnership partner, DateTime asOfUtc)
    {
        if (partner is null)
        {
            throw new ArgumentNullException(nameof(partner));
        }

        var due = partner.LastReviewedOnUtc?.AddMonths((int)partner.Cadence);
        var overdue = due is null || asOfUtc.Date > due.Value.Date;
        if (!partner.IsActive)
        {
            return new PartnerHealthResult(0, overdue, due, false);
        }

        var timeliness = Timeliness(partner, due, asOfUtc);
        var score = (int)Math.Round((timeliness + RatingPoints(partner.LastReviewRating)) / 2m, 0, MidpointRounding.AwayFromZero);
        return new PartnerHealthResult(score, overdue, due, score >= HealthyFrom);
    }

    private static decimal Timeliness(Partnership partner, DateTime? due, DateTime asOfUtc)
    {
        if (partner.LastReviewedOnUtc is not { } last || due is not { } dueOn)
        {
            return 0m;
        }

        var daysOverdue = (asOfUtc.Date - dueOn.Date).Days;
        if (daysOverdue <= 0)
        {
            return 100m;
        }

        var cycleDays = (dueOn.Date - last.Date).Days;
        var graceDays = cycleDays * GraceCycles(partner.Criticality);
        return Bounds.Clamp(100m * (1m - (daysOverdue / graceDays)), 0m, 100m);
    }

    private static decimal GraceCycles(Criticality criticality) => criticality switch
    {
        Criticality.Critical => 0.5m,
        Criticality.Medium => 1m,
        _ => 2m,
    };

    private static decimal RatingPoints(int? rating)
    {
        if (rating is null)
        {
            return NeutralRatingPoints;
        }

        if (rating < 1 || rating > 5)
        {
            throw new BusinessRuleException(new Localization.LocalizedText(
                $"Review ratings run from 1 to 5; the partner has {rating}.",
                $"Las valoraciones de revisión van de 1 a 5; el socio tiene {rating}."));
        }

        return (rating.Value - 1) * 25m;
    }
}
