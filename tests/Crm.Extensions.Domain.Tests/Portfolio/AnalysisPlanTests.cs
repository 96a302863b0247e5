using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Domain.Tests.Portfolio;

public sealed class AnalysisPlanTests
{
    [Fact]
    public void Should_ReadContactsThenAccountsTwiceThenScore_When_PagesRunOut()
    {
        var state = AnalysisPlan.Start(7000);

        Assert.Equal(new AnalysisStep(AnalysisStepKind.ReadPage, CustomerType.Contact, 1, null, 0, 5000), AnalysisPlan.NextStep(state));
        state = AnalysisPlan.AfterPageRead(state, 5000, moreRecords: true, "cookie-1");
        Assert.Equal(new AnalysisStep(AnalysisStepKind.ReadPage, CustomerType.Contact, 2, "cookie-1", 0, 5000),
            AnalysisPlan.NextStep(state));
        state = AnalysisPlan.AfterPageRead(state, 1000, moreRecords: false, null);
        Assert.Equal((CustomerType.Account, 1, (string?)null), (state.Table, state.PageNumber, state.PagingCookie));
        state = AnalysisPlan.AfterPageRead(state, 1000, moreRecords: false, null);
        Assert.Equal(new AnalysisStep(AnalysisStepKind.TotalPage, CustomerType.Contact, 1, null, 0, 5000), AnalysisPlan.NextStep(state));
        state = AnalysisPlan.AfterPageTotalled(state, 5000, moreRecords: true, "cookie-1");
        Assert.Equal(
            new AnalysisStep(AnalysisStepKind.TotalPage, CustomerType.Contact, 2, "cookie-1", 0, 5000), AnalysisPlan.NextStep(state));
        state = AnalysisPlan.AfterPageTotalled(state, 1000, moreRecords: false, null);
        Assert.Equal((AnalysisPhase.Totalling, CustomerType.Account, 1), (state.Phase, state.Table, state.PageNumber));
        state = AnalysisPlan.AfterPageTotalled(state, 1000, moreRecords: false, null);

        Assert.Equal(AnalysisStepKind.Score, AnalysisPlan.NextStep(state).Kind);
        Assert.Equal((7000, 7000), (state.CustomersRead, state.CustomersTotalled));
    }

    [Fact]
    public void Should_EndAReadingUnitAfterEightPages_When_PagesAreLeftButNotBeforeScoring()
    {
        var reading = AnalysisPlan.Start(100_000);
        var next = AnalysisPlan.AfterPageRead(reading, 5000, true, "c");
        var lastTotalled = AnalysisPlan.AfterPageTotalled(
            AnalysisPlan.AfterPageRead(AnalysisPlan.AfterPageRead(reading, 10, false, null), 10, false, null)
                with { Table = CustomerType.Account },
            10, false, null);

        Assert.False(AnalysisPlan.EndsUnit(reading, next, AnalysisPlan.PagesPerReadingUnit - 1));
        Assert.True(AnalysisPlan.EndsUnit(reading, next, AnalysisPlan.PagesPerReadingUnit));
        Assert.Equal(AnalysisPhase.Scoring, lastTotalled.Phase);
        Assert.False(AnalysisPlan.EndsUnit(reading, lastTotalled, AnalysisPlan.PagesPerReadingUnit));
    }

    [Fact]
    public void Should_RereadAndWriteOnePagePerUnitPerTable_When_Scored()
    {
        var state = ScoredState(contacts: 6500, accounts: 300);

        Assert.Equal(new AnalysisStep(AnalysisStepKind.WritePage, CustomerType.Contact, 1, null, 0, 5000), AnalysisPlan.NextStep(state));
        state = AnalysisPlan.AfterPageWritten(state, 5000, 10, moreRecords: true, "cookie-1");
        Assert.Equal(new AnalysisStep(AnalysisStepKind.WritePage, CustomerType.Contact, 2, "cookie-1", 5000, 5000),
            AnalysisPlan.NextStep(state));
        state = AnalysisPlan.AfterPageWritten(state, 1500, 0, moreRecords: false, null);
        Assert.Equal(new AnalysisStep(AnalysisStepKind.WritePage, CustomerType.Account, 1, null, 0, 5000), AnalysisPlan.NextStep(state));
        state = AnalysisPlan.AfterPageWritten(state, 300, 300, moreRecords: false, null);
        Assert.Equal(AnalysisStepKind.WriteSegments, AnalysisPlan.NextStep(state).Kind);
        state = AnalysisPlan.AfterSegmentsWritten(state);

        Assert.Equal(AnalysisStepKind.Done, AnalysisPlan.NextStep(state).Kind);
        Assert.Equal((6800, 310, 100), (state.CustomersWritten, state.CustomersChanged, AnalysisPlan.ProgressPercent(state)));
    }

    [Fact]
    public void Should_EndTheUnitAfterScoringAndEveryWrittenPageButTheLast_When_Writing()
    {
        var scoring = ReadState(contacts: 6500, accounts: 300);
        var first = AnalysisPlan.AfterScoring(scoring, 6500, 300);
        var second = AnalysisPlan.AfterPageWritten(first, 5000, 0, true, "c");
        var third = AnalysisPlan.AfterPageWritten(second, 1500, 0, false, null);
        var last = AnalysisPlan.AfterPageWritten(third, 300, 0, false, null);

        Assert.Equal(
            new[] { true, true, true, false },
            new[] { AnalysisPlan.EndsUnit(scoring, first), AnalysisPlan.EndsUnit(first, second), AnalysisPlan.EndsUnit(second, third),
                AnalysisPlan.EndsUnit(third, last) });
        Assert.False(AnalysisPlan.EndsUnit(AnalysisPlan.Start(10), AnalysisPlan.AfterPageRead(AnalysisPlan.Start(10), 10, true, "c")));
        Assert.False(AnalysisPlan.EndsUnit(ReadState(0, 0), AnalysisPlan.AfterScoring(ReadState(0, 0), 0, 0)));
    }

    [Fact]
    public void Should_SkipATableEmptyAtScoring_When_Writing()
    {
        var state = ScoredState(contacts: 0, accounts: 10);

        Assert.Equal((CustomerType.Account, 1), (state.Table, state.PageNumber));
        Assert.Equal(AnalysisPhase.WritingSegments, AnalysisPlan.AfterPageWritten(ScoredState(10, 0), 10, 0, false, null).Phase);
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
    public void Should_RestartReadingKeepingTheAttempt_When_ResumedWithoutTheModel()
    {
        var state = AnalysisPlan.AfterPageRead(AnalysisPlan.Start(9000), 5000, true, "c") with { Attempt = 2 };

        var resumed = AnalysisPlan.Resume(state, modelKept: true);

        Assert.Equal((AnalysisPhase.Reading, 1, (string?)null, 0, 2),
            (resumed.Phase, resumed.PageNumber, resumed.PagingCookie, resumed.CustomersRead, resumed.Attempt));
        Assert.Same(state, AnalysisPlan.Resume(state, modelKept: false, summaryKept: true));
        var writing = ScoredState(9000, 0);
        Assert.Same(writing, AnalysisPlan.Resume(writing, modelKept: true));
        Assert.Equal(AnalysisPhase.Reading, AnalysisPlan.Resume(writing, modelKept: false).Phase);
    }

    [Fact]
    public void Should_CountOneMoreAttempt_When_AnExecutionFails()
    {
        var writing = ScoredState(9000, 0);

        Assert.Equal(writing with { Attempt = 2 }, AnalysisPlan.AfterFailure(writing));
    }

    [Fact]
    public void Should_KeepACompletedAnalysis_When_Resumed()
    {
        var done = AnalysisPlan.AfterSegmentsWritten(ScoredState(0, 0));

        Assert.Same(done, AnalysisPlan.Resume(done, modelKept: false));
    }

    [Fact]
    public void Should_RefuseAReport_When_ItDoesNotMatchThePhase()
    {
        var reading = AnalysisPlan.Start(10);

        Assert.Throws<InvalidOperationException>(() => AnalysisPlan.AfterPageWritten(reading, 1, 1, false, null));
        Assert.Throws<InvalidOperationException>(() => AnalysisPlan.AfterSegmentsWritten(reading));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalysisPlan.AfterPageWritten(ScoredState(10, 0), 10, 11, false, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => AnalysisPlan.AfterPageWritten(ScoredState(10, 0), 5001, 0, false, null));
    }

    [Fact]
    public void Should_SaveEveryPageWrittenButAReadPageOnlyWhenItsUnitEnds_When_AskedWhetherToSave()
    {
        var start = AnalysisPlan.Start(20000);
        Assert.False(AnalysisPlan.IsSaveDue(start, AnalysisPlan.AfterPageRead(start, 5000, true, "c")));

        var writing = ScoredState(12000, 0);
        Assert.True(AnalysisPlan.IsSaveDue(writing, AnalysisPlan.AfterPageWritten(writing, 5000, 0, true, "c")));
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
    [InlineData(1_000_000, 0)]
    [InlineData(600_000, 400_001)]
    public void Should_StayWithinTheRequestBudgetInBoundedUnits_When_EveryBatchChanges(int contacts, int accounts)
    {
        var requests = RequestBudget.StartRequests;
        var units = new List<int> { RequestBudget.StartRequests };
        var pagesRead = 0;
        var pagesInUnit = 0;
        var reading = new List<bool> { true };
        var state = AnalysisPlan.Start(contacts + accounts);
        Simulate(state, contacts, accounts, _ => { }, (before, after, step) =>
        {
            var spent = step.Kind switch
            {
                AnalysisStepKind.ReadPage or AnalysisStepKind.TotalPage => RequestBudget.ReadPageRequests,
                AnalysisStepKind.Score => RequestBudget.ScoringRequests + RequestBudget.SegmentWriteRequests,
                AnalysisStepKind.WritePage => RequestBudget.ReadPageRequests
                    + Ceiling(after.CustomersWritten - before.CustomersWritten, RequestBudget.WriteBatchSize),
                AnalysisStepKind.WriteSegments => RequestBudget.SegmentWriteRequests + RequestBudget.StrategyRequests,
                _ => 0,
            };
            var paged = step.Kind is AnalysisStepKind.ReadPage or AnalysisStepKind.TotalPage;
            pagesRead += paged ? 1 : 0;
            pagesInUnit += paged ? 1 : 0;
            reading[reading.Count - 1] |= paged;
            var ends = AnalysisPlan.EndsUnit(before, after, pagesInUnit);
            spent += ends || AnalysisPlan.IsSaveDue(before, after) ? RequestBudget.ProgressSaveRequests : 0;
            requests += spent;
            units[units.Count - 1] += spent;
            if (ends)
            {
                units.Add(0);
                reading.Add(false);
                pagesInUnit = 0;
            }
        });

        var writingPages = Ceiling(contacts, RequestBudget.ReadPageSize) + Ceiling(accounts, RequestBudget.ReadPageSize);
        Assert.InRange(requests, 1, RequestBudget.For(contacts + accounts));
        for (var i = 0; i < units.Count; i++)
        {
            Assert.InRange(units[i], 1, reading[i] ? RequestBudget.MaxRequestsPerReadingUnit : RequestBudget.MaxRequestsPerWritingUnit);
        }

        Assert.All(units, unit => Assert.InRange(unit, 1, RequestBudget.MaxRequestsPerUnit));
        Assert.InRange(RequestBudget.MaxRequestsPerUnit, 1, 30);
        // Reading units: eight pages of the two passes each (an empty table still costs its one empty page); then one
        // writing unit per page, the last of which completes.
        Assert.Equal(Ceiling(pagesRead, AnalysisPlan.PagesPerReadingUnit) + writingPages, units.Count);
    }

    private static AnalysisState ReadState(int contacts, int accounts)
    {
        var state = AnalysisPlan.Start(contacts + accounts);
        state = AnalysisPlan.AfterPageRead(state, contacts, false, null);
        state = AnalysisPlan.AfterPageRead(state, accounts, false, null);
        state = AnalysisPlan.AfterPageTotalled(state, contacts, false, null);
        return AnalysisPlan.AfterPageTotalled(state, accounts, false, null);
    }

    private static AnalysisState ScoredState(int contacts, int accounts)
        => AnalysisPlan.AfterScoring(ReadState(contacts, accounts), contacts, accounts);

    private static int Ceiling(int value, int divisor) => (value + divisor - 1) / divisor;

    /// <summary>Plays the plan the way a plugin would, with tables of the given sizes.</summary>
    private static void Simulate(
        AnalysisState state, int contacts, int accounts, Action<AnalysisState> observe,
        Action<AnalysisState, AnalysisState, AnalysisStep>? onStep = null)
    {
        var remaining = new Dictionary<CustomerType, int> { [CustomerType.Contact] = contacts, [CustomerType.Account] = accounts };
        var totalled = new Dictionary<CustomerType, int> { [CustomerType.Contact] = contacts, [CustomerType.Account] = accounts };
        var written = new Dictionary<CustomerType, int> { [CustomerType.Contact] = contacts, [CustomerType.Account] = accounts };
        observe(state);
        for (var guard = 0; guard < 10000; guard++)
        {
            var step = AnalysisPlan.NextStep(state);
            var before = state;
            state = step.Kind switch
            {
                AnalysisStepKind.ReadPage => ReadPage(state, remaining, step),
                AnalysisStepKind.TotalPage => TotalPage(state, totalled, step),
                AnalysisStepKind.Score => AnalysisPlan.AfterScoring(state, contacts, accounts),
                AnalysisStepKind.WritePage => WritePage(state, written, step),
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

    private static AnalysisState WritePage(AnalysisState state, Dictionary<CustomerType, int> remaining, AnalysisStep step)
    {
        var rows = Math.Min(step.Size, remaining[step.Table]);
        remaining[step.Table] -= rows;
        return AnalysisPlan.AfterPageWritten(state, rows, rows, remaining[step.Table] > 0, "page-" + step.PageNumber);
    }

    private static AnalysisState TotalPage(AnalysisState state, Dictionary<CustomerType, int> remaining, AnalysisStep step)
    {
        var rows = Math.Min(step.Size, remaining[step.Table]);
        remaining[step.Table] -= rows;
        return AnalysisPlan.AfterPageTotalled(state, rows, remaining[step.Table] > 0, "page-" + step.PageNumber);
    }

    private static AnalysisState ReadPage(AnalysisState state, Dictionary<CustomerType, int> remaining, AnalysisStep step)
    {
        var rows = Math.Min(step.Size, remaining[step.Table]);
        remaining[step.Table] -= rows;
        return AnalysisPlan.AfterPageRead(state, rows, remaining[step.Table] > 0, "page-" + step.PageNumber);
    }
}
