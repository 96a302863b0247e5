using System;
using Crm.Extensions.Domain.Network;

namespace Crm.Extensions.Domain.Tests.Network;

public sealed class PartnerHealthTests
{
    internal static readonly DateTime Reviewed = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    internal static Partnership Partner(
        Criticality criticality = Criticality.Critical, DateTime? reviewed = null, int? rating = null, bool active = true,
        Guid? segment = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), PartnerKind.Account, PartnerType.Supplier, criticality, ReviewCadence.Quarterly,
            reviewed ?? Reviewed, rating, active, segment);

    [Fact]
    public void Should_ScoreSeventyFive_When_ReviewedOnTimeWithoutRating()
    {
        var health = PartnerHealth.Evaluate(Partner(), Reviewed.AddDays(30));

        Assert.Equal(new PartnerHealthResult(75, false, new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), true), health);
    }

    [Theory]
    [InlineData(5, 100)]
    [InlineData(3, 75)]
    [InlineData(2, 63)]
    [InlineData(1, 50)]
    public void Should_AddTheRating_When_TheReviewWasRated(int rating, int expected)
    {
        Assert.Equal(expected, PartnerHealth.Evaluate(Partner(rating: rating), Reviewed.AddDays(10)).Score);
    }

    [Fact]
    public void Should_BeUnhealthy_When_TheLastReviewWasPoor()
    {
        Assert.False(PartnerHealth.Evaluate(Partner(rating: 1), Reviewed.AddDays(10)).IsHealthy);
    }

    [Fact]
    public void Should_FlagOverdue_When_TheDueDateHasPassed()
    {
        Assert.False(PartnerHealth.Evaluate(Partner(), new DateTime(2026, 4, 1, 23, 0, 0, DateTimeKind.Utc)).IsReviewOverdue);
        Assert.True(PartnerHealth.Evaluate(Partner(), new DateTime(2026, 4, 2, 0, 0, 0, DateTimeKind.Utc)).IsReviewOverdue);
    }

    [Fact]
    public void Should_DecayFasterForCriticalPartners_When_TheReviewIsOverdue()
    {
        // Quarterly cycle from 1 Jan = 90 days; 45 days overdue.
        var asOf = new DateTime(2026, 5, 16, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal(25, PartnerHealth.Evaluate(Partner(Criticality.Critical), asOf).Score);
        Assert.Equal(50, PartnerHealth.Evaluate(Partner(Criticality.Medium), asOf).Score);
        Assert.Equal(63, PartnerHealth.Evaluate(Partner(Criticality.Low), asOf).Score);
    }

    [Fact]
    public void Should_ScoreOnlyTheRating_When_NeverReviewed()
    {
        var never = Partner() with { LastReviewedOnUtc = null };

        var health = PartnerHealth.Evaluate(never, Reviewed);

        Assert.Equal((25, true, (DateTime?)null, false), (health.Score, health.IsReviewOverdue, health.NextReviewDueUtc, health.IsHealthy));
    }

    [Fact]
    public void Should_ScoreZero_When_TheRelationshipIsInactive()
    {
        Assert.Equal(0, PartnerHealth.Evaluate(Partner(rating: 5, active: false), Reviewed).Score);
    }

    [Fact]
    public void Should_Refuse_When_TheRatingIsOffTheScale()
    {
        Assert.Throws<BusinessRuleException>(() => PartnerHealth.Evaluate(Partner(rating: 6), Reviewed));
    }

    [Fact]
    public void Should_FindTheDueDate_When_TheLastReviewWasOnALeapDay()
    {
        var yearly = Partner(reviewed: new DateTime(2028, 2, 29, 0, 0, 0, DateTimeKind.Utc)) with { Cadence = ReviewCadence.Yearly };

        Assert.Equal(new DateTime(2029, 2, 28, 0, 0, 0, DateTimeKind.Utc),
            PartnerHealth.Evaluate(yearly, yearly.LastReviewedOnUtc!.Value).NextReviewDueUtc);
    }
}
