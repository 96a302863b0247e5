using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Domain.Tests.Portfolio;

public sealed class AnalysisPlanTests
{
    [Fact]
    public void Should_ReadContactsThenAccountsThenScore_When_PagesRunOut()
    {
        var state = AnalysisPlan.Start(7000);

        Assert.Equal(new AnalysisStep(AnalysisStepKind.ReadPage, CustomerType.Contact, 1, null, 0, 5000), AnalysisPlan.NextStep(state));
        state = AnalysisPlan.AfterPageRead(state, 5000, moreRecords: true, "cookie-1");
        Assert.Equal(new AnalysisStep(AnalysisStepKind.ReadPage, CustomerType.Contact, 2, "cookie-1", 0, 5000), AnalysisPlan.NextStep(state));
        state = AnalysisPlan.AfterPageRead(state, 1000, moreRecords: false, null);
        Assert.Equal((CustomerType.Account, 1, (string?)null), (state.Table, state.PageNumber, state.PagingCookie));
        state = AnalysisPlan.AfterPageRead(state, 1000, moreRecords: false, null);

        Assert.Equal(AnalysisStepKind.Score, AnalysisPlan.NextStep(state).Kind);
        Assert.Equal(7000, state.CustomersRead);
    }

    [Fact]
    public void Should_WriteBatchesOfAThousandPerTable_When_Scored()
    {
        var state = ScoredState(contacts: 1500, accounts: 300);

        Assert.Equal(new AnalysisStep(AnalysisStepKind.WriteBatch, CustomerType.Contact, 0, null, 0, 1000), AnalysisPlan.NextStep(state));
        state = AnalysisPlan.AfterBatchWritten(state, 1000, 10);
        Assert.Equal(new AnalysisStep(AnalysisStepKind.WriteBatch, CustomerType.Contact, 0, null, 1000, 500), AnalysisPlan.NextStep(state));
        state = AnalysisPlan.AfterBatchWritten(state, 500, 0);
        Assert.Equal(new AnalysisStep(AnalysisStepKind.WriteBatch, CustomerType.Account, 0, null, 0, 300), AnalysisPlan.NextStep(state));
        state = AnalysisPlan.AfterBatchWritten(state, 300, 300);
        Assert.Equal(AnalysisStepKind.WriteSegments, AnalysisPlan.NextStep(state).Kind);
        state = AnalysisPlan.AfterSegmentsWritten(state);

        Assert.Equal(AnalysisStepKind.Done, AnalysisPlan.NextStep(state).Kind);
        Assert.Equal((1800, 310, 100), (state.CustomersWritten, state.CustomersChanged, AnalysisPlan.ProgressPercent(state)));
    }

    [Fact]
    public void Should_GoStraightToSegments_When_ThereAreNoCustomers()
    {
        var state = ScoredState(contacts: 0, accounts: 0);

        Assert.Equal(AnalysisPhase.WritingSegments, state.Phase);
    }

    [Fact]
    public void Should_RiseMonotonicallyAndReachHundredOnlyAtTheEnd_When_ProgressIsReported()
    {
        var percents = new List<int>();
        var state = AnalysisPlan.Start(12000);
        Simulate(state, 8000, 4000, s => percents.Add(AnalysisPlan.ProgressPercent(s)));

        for (var i = 1; i < percents.Count; i++)
        {
            Assert.True(percents[i] >= percents[i - 1], "progress went backwards at step " + i);
        }

        Assert.Equal(100, percents[percents.Count - 1]);
        Assert.Single(percents.FindAll(p => p == 100));
    }

    [Fact]
    public void Should_RestartReadingAndCountTheAttempt_When_ResumedWithoutTheWorkingSet()
    {
        var state = AnalysisPlan.AfterPageRead(AnalysisPlan.Start(9000), 5000, true, "c");

        var resumed = AnalysisPlan.Resume(state, workingSetKept: false);

        Assert.Equal((AnalysisPhase.Reading, 1, (string?)null, 0, 2), (resumed.Phase, resumed.PageNumber, resumed.PagingCookie, resumed.CustomersRead, resumed.Attempt));
        Assert.Same(state, AnalysisPlan.Resume(state, workingSetKept: true));
    }

    [Fact]
    public void Should_KeepACompletedAnalysis_When_Resumed()
    {
        var done = AnalysisPlan.AfterSegmentsWritten(ScoredState(0, 0));

        Assert.Same(done, AnalysisPlan.Resume(done, workingSetKept: false));
    }

    [Fact]
    public void Should_RefuseAReport_When_ItDoesNotMatchThePhase()
    {
        var reading = AnalysisPlan.Start(10);

        Assert.Throws<InvalidOperationException>(() => AnalysisPlan.AfterBatchWritten(reading, 1, 1));
        Assert.Throws<InvalidOperationException>(() => AnalysisPlan.AfterSegmentsWritten(reading));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalysisPlan.AfterBatchWritten(ScoredState(10, 0), 11, 0));
    }

    [Fact]
    public void Should_SaveEveryPageAndEveryFiveThousandWrites_When_AskedWhetherToSave()
    {
        var start = AnalysisPlan.Start(20000);
        Assert.True(AnalysisPlan.IsSaveDue(start, AnalysisPlan.AfterPageRead(start, 5000, true, "c")));

        var writing = ScoredState(12000, 0);
        var afterFour = writing;
        for (var i = 0; i < 4; i++)
        {
            afterFour = AnalysisPlan.AfterBatchWritten(afterFour, 1000, 1000);
        }

        Assert.False(AnalysisPlan.IsSaveDue(writing, afterFour));
        Assert.True(AnalysisPlan.IsSaveDue(afterFour, AnalysisPlan.AfterBatchWritten(afterFour, 1000, 1000)));
    }

    [Theory]
    [InlineData(20000, 0)]
    [InlineData(12000, 8000)]
    [InlineData(10001, 9999)]
    [InlineData(5001, 5001)]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    [InlineData(0, 20000)]
    [InlineData(999, 1)]
    public void Should_StayWithinTheRequestBudget_When_EveryBatchChanges(int contacts, int accounts)
    {
        var requests = RequestBudget.StartRequests;
        var state = AnalysisPlan.Start(contacts + accounts);
        Simulate(state, contacts, accounts, _ => { }, (before, after, step) =>
        {
            requests += step.Kind switch
            {
                AnalysisStepKind.ReadPage => RequestBudget.ReadPageRequests,
                AnalysisStepKind.Score => RequestBudget.ScoringRequests,
                AnalysisStepKind.WriteBatch => 1,
                AnalysisStepKind.WriteSegments => RequestBudget.SegmentWriteRequests,
                _ => 0,
            };
            requests += AnalysisPlan.IsSaveDue(before, after) ? RequestBudget.ProgressSaveRequests : 0;
        });

        Assert.InRange(requests, 1, RequestBudget.For(contacts + accounts));
    }

    private static AnalysisState ScoredState(int contacts, int accounts)
    {
        var state = AnalysisPlan.Start(contacts + accounts);
        state = AnalysisPlan.AfterPageRead(state, contacts, false, null);
        state = AnalysisPlan.AfterPageRead(state, accounts, false, null);
        return AnalysisPlan.AfterScoring(state, contacts, accounts);
    }

    /// <summary>Plays the plan the way a plugin would, with tables of the given sizes.</summary>
    private static void Simulate(
        AnalysisState state, int contacts, int accounts, Action<AnalysisState> observe, Action<AnalysisState, AnalysisState, AnalysisStep>? onStep = null)
    {
        var remaining = new Dictionary<CustomerType, int> { [CustomerType.Contact] = contacts, [CustomerType.Account] = accounts };
        observe(state);
        for (var guard = 0; guard < 10000; guard++)
        {
            var step = AnalysisPlan.NextStep(state);
            var before = state;
            state = step.Kind switch
            {
                AnalysisStepKind.ReadPage => ReadPage(state, remaining, step),
                AnalysisStepKind.Score => AnalysisPlan.AfterScoring(state, contacts, accounts),
                AnalysisStepKind.WriteBatch => AnalysisPlan.AfterBatchWritten(state, step.Size, step.Size),
                AnalysisStepKind.WriteSegments => AnalysisPlan.AfterSegmentsWritten(state),
                _ => state,
            };
            if (step.Kind == AnalysisStepKind.Done)
            {
                return;
            }

            onStep?.Invoke(before, state, step);
            observe(state);
        }

        throw new InvalidOperationException("The plan did not finish.");
    }

    private static AnalysisState ReadPage(AnalysisState state, Dictionary<CustomerType, int> remaining, AnalysisStep step)
    {
        var rows = Math.Min(step.Size, remaining[step.Table]);
        remaining[step.Table] -= rows;
        return AnalysisPlan.AfterPageRead(state, rows, remaining[step.Table] > 0, "page-" + step.PageNumber);
    }
}
