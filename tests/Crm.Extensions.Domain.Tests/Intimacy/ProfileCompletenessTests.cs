using System;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.Domain.Lifecycle;

namespace Crm.Extensions.Domain.Tests.Intimacy;

public sealed class ProfileCompletenessTests
{
    private static readonly CustomerProfileFacts Empty = new(null, null, 0, 0, 0, false, 0, 0, null, null);

    private static readonly CustomerProfileFacts Full = new(
        LifecycleStage.Loyal, "Delivery question", 2, 5, 1, false, 3, 4, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), 12m);

    [Fact]
    public void Should_ScoreZeroAndListAllEight_When_NothingIsKnown()
    {
        var result = ProfileCompleteness.Evaluate(Empty);

        Assert.Equal(0, result.Score);
        Assert.Equal(8, result.Unanswered.Count);
    }

    [Fact]
    public void Should_ScoreHundred_When_EveryQuestionIsAnswered()
    {
        var result = ProfileCompleteness.Evaluate(Full);

        Assert.Equal(100, result.Score);
        Assert.Empty(result.Unanswered);
    }

    [Fact]
    public void Should_RoundHalfUp_When_OneQuestionIsAnswered()
    {
        Assert.Equal(13, ProfileCompleteness.Evaluate(Empty with { Stage = LifecycleStage.Prospect }).Score);
    }

    [Fact]
    public void Should_ScoreFifty_When_FourQuestionsAreAnswered()
    {
        var half = Empty with { Stage = LifecycleStage.New, ProductsBought = 1, Preferences = 1, ResponsesRecorded = 1 };

        var result = ProfileCompleteness.Evaluate(half);

        Assert.Equal(50, result.Score);
        Assert.Equal(
            new[] { ProfileQuestion.WhyTheyInteractToday, ProfileQuestion.ProductsOfInterest, ProfileQuestion.ProblemsExperienced,
                ProfileQuestion.LastInteractionAndDuration },
            result.Unanswered);
    }

    [Fact]
    public void Should_CountNoProblems_When_TheCustomerConfirmedThereWereNone()
    {
        Assert.DoesNotContain(ProfileQuestion.ProblemsExperienced,
            ProfileCompleteness.Evaluate(Full with { ProblemsRecorded = 0, NoProblemsConfirmed = true }).Unanswered);
        Assert.Contains(ProfileQuestion.ProblemsExperienced, ProfileCompleteness.Evaluate(Full with { ProblemsRecorded = 0 }).Unanswered);
    }

    [Fact]
    public void Should_NotCountTheLastInteraction_When_ItsDurationIsUnknown()
    {
        Assert.Equal(88, ProfileCompleteness.Evaluate(Full with { LastInteractionDurationMinutes = null }).Score);
    }

    [Fact]
    public void Should_NotCountABlankReason_When_OnlySpacesWereEntered()
    {
        Assert.Contains(ProfileQuestion.WhyTheyInteractToday,
            ProfileCompleteness.Evaluate(Full with { LatestInteractionReason = "  " }).Unanswered);
    }
}
