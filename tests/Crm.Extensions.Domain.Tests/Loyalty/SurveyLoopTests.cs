using System;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Surveys;
using static Crm.Extensions.Domain.Tests.Loyalty.LoyaltyFixture;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class SurveyLoopTests
{
    [Theory]
    [InlineData(-1, null, "(NPS)")]
    [InlineData(11, null, "(NPS)")]
    [InlineData(null, 0, "(CSAT)")]
    [InlineData(null, 6, "(CSAT)")]
    public void Should_RefuseInBothLanguages_When_AScoreIsOutOfRange(int? nps, int? csat, string named)
    {
        var response = Answer() with { Nps = nps, Csat = csat };

        var refusal = Assert.Throws<BusinessRuleException>(() => SurveyValidator.EnsureValid(response));

        Assert.Contains(named, refusal.Text.English, StringComparison.Ordinal);
        Assert.Contains(named, refusal.Text.Spanish, StringComparison.Ordinal);
        Assert.Contains("debe estar entre", refusal.Text.Spanish, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, true, SurveyClass.Detractor)]
    [InlineData(6, true, SurveyClass.Detractor)]
    [InlineData(7, true, SurveyClass.Passive)]
    [InlineData(8, null, SurveyClass.Passive)]
    [InlineData(9, true, SurveyClass.Promoter)]
    [InlineData(10, null, SurveyClass.Promoter)]
    [InlineData(10, false, SurveyClass.Detractor)]
    public void Should_ClassifyByScoreAndExperience_When_ASurveyIsAnswered(int nps, bool? experiencePositive, SurveyClass expected)
    {
        Assert.Equal(expected, SurveyClassifier.Classify(Answer() with { Nps = nps, ExperiencePositive = experiencePositive }));
    }

    [Fact]
    public void Should_BeADetractor_When_AfterSalesServiceWasPoorWithoutAScore()
    {
        Assert.Equal(SurveyClass.Detractor, SurveyClassifier.Classify(Answer() with { AfterSalesGood = false }));
        Assert.Equal(SurveyClass.Passive, SurveyClassifier.Classify(Answer()));
    }

    [Fact]
    public void Should_OpenRetentionFlagRiskAndBlockUpgrade_When_TheAnswerIsADetractor()
    {
        var owner = Guid.NewGuid();
        var response = Answer() with { Nps = 3, OwnerId = owner, FamilyId = Family };

        var consequences = SurveyLoop.ConsequencesOf(response);

        var task = consequences.OfType<RetentionTask>().Single();
        Assert.Equal(owner, task.OwnerId);
        Assert.Equal($"retention:{response.SurveyId}", task.Key);
        Assert.Equal(Family, consequences.OfType<JourneyAtRisk>().Single().FamilyId);
        Assert.Equal(response.RespondedOn, consequences.OfType<UpgradeBlock>().Single().DetractorOn);
        Assert.Empty(consequences.OfType<AdvocateSignal>());
    }

    [Fact]
    public void Should_FeedAdvocateAndTheJourney_When_TheAnswerIsAPromoter()
    {
        var response = Answer() with { Nps = 10 };

        var consequences = SurveyLoop.ConsequencesOf(response);

        Assert.Equal(response.SurveyId, consequences.OfType<AdvocateSignal>().Single().SurveyId);
        Assert.Single(consequences.OfType<JourneyPositive>());
        Assert.Empty(consequences.OfType<RetentionTask>());
    }

    [Fact]
    public void Should_DoNothing_When_TheAnswerIsPassive()
    {
        Assert.Empty(SurveyLoop.ConsequencesOf(Answer() with { Nps = 8, Csat = 4 }));
    }

    [Fact]
    public void Should_KeyTheRequestByItsInvoice_When_AnInvoiceIsPaid()
    {
        var invoiceId = Guid.NewGuid();

        Assert.Equal($"survey:{invoiceId}", SurveyLoop.RequestKey(invoiceId));
    }

    [Fact]
    public void Should_ComputeTheNetPromoterScore_When_AnswersAreScored()
    {
        var answers = new[] { 10, 9, 8, 7, 3 }.Select(score => Answer() with { Nps = score }).Append(Answer());

        Assert.Equal(20m, SurveyLoop.NetPromoterScore(answers));
        Assert.Null(SurveyLoop.NetPromoterScore(new[] { Answer() }));
    }

    private static SurveyResponse Answer() => new(Guid.NewGuid(), Customer, Day(2025, 5, 1));
}
