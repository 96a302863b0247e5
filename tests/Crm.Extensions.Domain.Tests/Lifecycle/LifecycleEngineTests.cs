using System;
using Crm.Extensions.Domain.Lifecycle;

namespace Crm.Extensions.Domain.Tests.Lifecycle;

public sealed class LifecycleEngineTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private static readonly LifecycleThresholds Defaults = LifecycleThresholds.Default;

    private static CustomerLifecycleFacts Bought(int total, int inWindow, int daysAgo, int? nps = null) =>
        new(total, inWindow, Now.AddDays(-daysAgo), nps);

    [Fact]
    public void Should_MoveProspectToNew_When_TheFirstInvoiceIsPaid()
    {
        var transition = LifecycleEngine.Evaluate(LifecycleStage.Prospect, Bought(1, 1, 0), LifecycleTrigger.InvoicePaid, Now, Defaults);

        Assert.NotNull(transition);
        Assert.Equal((LifecycleStage.Prospect, LifecycleStage.New, LifecycleTrigger.InvoicePaid, Now),
            (transition!.From, transition.To, transition.Trigger, transition.OccurredOnUtc));
        Assert.Equal("First paid purchase.", transition.Reason.English);
        Assert.Equal("Primera compra pagada.", transition.Reason.Spanish);
    }

    [Fact]
    public void Should_ReturnNoTransition_When_TheStageDoesNotChange()
    {
        Assert.Null(LifecycleEngine.Evaluate(LifecycleStage.Repeat, Bought(3, 2, 5), LifecycleTrigger.InvoicePaid, Now, Defaults));
    }

    [Theory]
    [InlineData(2, 1, LifecycleStage.Repeat)]
    [InlineData(9, 4, LifecycleStage.Loyal)]
    [InlineData(9, 3, LifecycleStage.Repeat)]
    public void Should_FollowPurchaseCounts_When_AnInvoiceIsPaid(int total, int inWindow, LifecycleStage expected)
    {
        var transition = LifecycleEngine.Evaluate(LifecycleStage.New, Bought(total, inWindow, 0), LifecycleTrigger.InvoicePaid, Now,
            Defaults);

        Assert.Equal(expected, transition?.To ?? LifecycleStage.New);
    }

    [Fact]
    public void Should_FallBackToProspect_When_TheOnlyInvoiceIsCancelled()
    {
        var facts = new CustomerLifecycleFacts(0, 0, null, null);

        var transition = LifecycleEngine.Evaluate(LifecycleStage.New, facts, LifecycleTrigger.InvoiceCancelled, Now, Defaults);

        Assert.Equal(LifecycleStage.Prospect, transition!.To);
    }

    [Fact]
    public void Should_NotMoveIntoATimeBasedStage_When_TheTriggerIsAnEvent()
    {
        // Cancelling the recent invoice leaves a last purchase 400 days ago: lapsed, but only the batch may say so.
        var transition = LifecycleEngine.Evaluate(LifecycleStage.Loyal, Bought(5, 0, 400), LifecycleTrigger.InvoiceCancelled, Now,
            Defaults);

        Assert.Equal(LifecycleStage.Repeat, transition!.To);
    }

    [Theory]
    [InlineData(179, null)]
    [InlineData(180, LifecycleStage.AtRisk)]
    [InlineData(364, LifecycleStage.AtRisk)]
    [InlineData(365, LifecycleStage.Lapsed)]
    public void Should_MoveToTimeBasedStages_When_TheScheduledEvaluationRuns(int daysAgo, LifecycleStage? expected)
    {
        var transition = LifecycleEngine.Evaluate(LifecycleStage.Repeat, Bought(2, 0, daysAgo), LifecycleTrigger.ScheduledEvaluation, Now,
            Defaults);

        Assert.Equal(expected, transition?.To);
    }

    [Fact]
    public void Should_ExplainTheSilence_When_ACustomerLapses()
    {
        var transition = LifecycleEngine.Evaluate(LifecycleStage.AtRisk, Bought(2, 0, 400), LifecycleTrigger.ScheduledEvaluation, Now,
            Defaults);

        Assert.Equal("No purchase for 400 days (lapsed from 365).", transition!.Reason.English);
        Assert.Equal("Sin compras durante 400 días (inactivo desde 365).", transition.Reason.Spanish);
    }

    [Fact]
    public void Should_StayLapsed_When_ASurveyArrivesWithoutANewPurchase()
    {
        Assert.Null(
            LifecycleEngine.Evaluate(LifecycleStage.Lapsed, Bought(4, 0, 500, nps: 10), LifecycleTrigger.SurveyResponse, Now, Defaults));
    }

    [Fact]
    public void Should_ReturnFromLapsed_When_ANewInvoiceIsPaid()
    {
        var transition = LifecycleEngine.Evaluate(LifecycleStage.Lapsed, Bought(5, 1, 0), LifecycleTrigger.InvoicePaid, Now, Defaults);

        Assert.Equal(LifecycleStage.Repeat, transition!.To);
    }

    [Fact]
    public void Should_BecomeAdvocate_When_ARepeatCustomerAnswersAsPromoter()
    {
        var transition = LifecycleEngine.Evaluate(LifecycleStage.Repeat, Bought(2, 2, 10, nps: 9), LifecycleTrigger.SurveyResponse, Now,
            Defaults);

        Assert.Equal(LifecycleStage.Advocate, transition!.To);
        Assert.Equal("Promoter score 9 with 2 paid purchases.", transition.Reason.English);
    }

    [Fact]
    public void Should_NotBecomeAdvocate_When_APromoterHasBoughtOnce()
    {
        Assert.Null(
            LifecycleEngine.Evaluate(LifecycleStage.New, Bought(1, 1, 10, nps: 10), LifecycleTrigger.SurveyResponse, Now, Defaults));
    }

    [Fact]
    public void Should_LeaveAdvocate_When_ALaterAnswerIsADetractor()
    {
        var transition = LifecycleEngine.Evaluate(LifecycleStage.Advocate, Bought(6, 4, 10, nps: 3), LifecycleTrigger.SurveyResponse, Now,
            Defaults);

        Assert.Equal(LifecycleStage.Loyal, transition!.To);
    }

    [Fact]
    public void Should_UseConfiguredThresholds_When_TheyDifferFromTheDefaults()
    {
        var custom = Defaults with { AtRiskAfterDays = 30, LapsedAfterDays = 60 };

        var transition = LifecycleEngine.Evaluate(LifecycleStage.New, Bought(1, 1, 45), LifecycleTrigger.ScheduledEvaluation, Now, custom);

        Assert.Equal(LifecycleStage.AtRisk, transition!.To);
    }

    [Fact]
    public void Should_Refuse_When_ThresholdsContradictEachOther()
    {
        var broken = Defaults with { AtRiskAfterDays = 400 };

        Assert.Throws<ArgumentOutOfRangeException>(() => LifecycleRules.Classify(Bought(1, 1, 1), Now, broken));
    }
}
