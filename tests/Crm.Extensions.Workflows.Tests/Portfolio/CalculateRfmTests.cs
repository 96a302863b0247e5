using Crm.Extensions.Application.Portfolio;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Workflows.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Tests.Portfolio;

public sealed class CalculateRfmTests
{
    private readonly WorkflowRunner _workflow = new();

    private RfmAnswer Calculate(EntityReference? customer)
    {
        _workflow.Crm.ResetObservations();
        return _workflow.Run(context => Application.Portfolio.CalculateRfm.Run(context, context.Workflow.UserId, customer));
    }

    [Fact]
    public void Should_ReturnTheStoredScoresAndTheirSegment_When_TheLatestAnalysisScoredTheContact()
    {
        _workflow.Data.CompletedAnalysis();
        var contact = _workflow.Data.Contact(c => { c.RecencyScore = 5; c.FrequencyScore = 4; c.MonetaryScore = 3; });

        var answer = Calculate(contact.ToEntityReference());

        Assert.Equal(5, answer.Rfm.Recency);
        Assert.Equal(4, answer.Rfm.Frequency);
        Assert.Equal(3, answer.Rfm.Monetary);
        Assert.Equal(543, answer.Rfm.Score);
        Assert.Equal("Champions", answer.SegmentName);
        Assert.Equal(0, _workflow.Writes);
        Assert.Equal(2, _workflow.Crm.Requests.CallerCount("RetrieveMultiple")); // a completed analysis; the customer's scores
        Assert.Equal(1, _workflow.Crm.Requests.CallerCount("Retrieve")); // the user's language, for the segment name
        Assert.Empty(_workflow.Crm.FiredSteps);
    }

    [Fact]
    public void Should_ScoreAnAccountByTheSameGrid_When_TheAnalysisScoredIt()
    {
        _workflow.Data.CompletedAnalysis();
        var account = _workflow.Data.Account(a => { a.RecencyScore = 1; a.FrequencyScore = 5; a.MonetaryScore = 5; });

        var answer = Calculate(account.ToEntityReference());

        Assert.Equal(155, answer.Rfm.Score);
        Assert.Equal("Can't lose", answer.SegmentName);
    }

    [Fact]
    public void Should_AnswerProspectWithScoresOfZero_When_TheAnalysisDidNotScoreTheCustomer()
    {
        _workflow.Data.CompletedAnalysis();
        var contact = _workflow.Data.Contact();

        var answer = Calculate(contact.ToEntityReference());

        Assert.Equal(0, answer.Rfm.Score);
        Assert.Equal(0, answer.Rfm.Recency);
        Assert.Equal("Prospect", answer.SegmentName);
    }

    [Fact]
    public void Should_NameTheSegmentInSpanish_When_TheWorkflowsUserWorksInSpanish()
    {
        _workflow.Data.CompletedAnalysis();
        var contact = _workflow.Data.Contact(c => { c.RecencyScore = 3; c.FrequencyScore = 3; c.MonetaryScore = 2; });
        _workflow.RunAsSpanishUser();

        var answer = Calculate(contact.ToEntityReference());

        Assert.Equal("Requieren atención", answer.SegmentName);
    }

    [Fact]
    public void Should_RefuseInSpanishAndWriteNothing_When_NoPortfolioAnalysisHasCompleted()
    {
        _workflow.Data.CompletedAnalysis(
            a => a[PortfolioAnalysis.Fields.AnalysisStatus] = new OptionSetValue((int)PortfolioAnalysis.AnalysisStatusChoice.Running));
        var contact = _workflow.Data.Contact(c => { c.RecencyScore = 5; c.FrequencyScore = 5; c.MonetaryScore = 5; });
        _workflow.RunAsSpanishUser();

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Calculate(contact.ToEntityReference()));

        Assert.StartsWith("Aún no ha terminado ningún análisis de cartera", refusal.Message);
        Assert.Equal(0, _workflow.Writes);
    }

    [Fact]
    public void Should_RefuseInEnglish_When_NoCustomerIsGiven()
    {
        _workflow.Data.CompletedAnalysis();

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Calculate(null));

        Assert.Equal("Choose the customer (a contact or an account) whose RFM scores to calculate.", refusal.Message);
        Assert.Equal(0, _workflow.Writes);
    }
}
