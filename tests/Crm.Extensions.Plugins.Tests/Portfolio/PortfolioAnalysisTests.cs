using System;
using System.Linq;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Portfolio;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Status = Crm.Extensions.EarlyBound.PortfolioAnalysis.AnalysisStatusChoice;

namespace Crm.Extensions.Plugins.Tests.Portfolio;

public sealed class PortfolioAnalysisTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly PortfolioScenario _base;

    public PortfolioAnalysisTests() => _base = new PortfolioScenario(_crm);

    [Fact]
    public void Should_ScoreEveryCustomer_When_AnAnalysisRuns()
    {
        _base.Analyse();

        var champion = _base.Stored(_base.Champion);
        Assert.Equal((5, 5, 5, 555), (champion.RecencyScore, champion.FrequencyScore, champion.MonetaryScore, champion.RfmScore));
        Assert.Equal((3, 3000m, 2400m), (champion.PurchaseCount, champion.TotalRevenue!.Value, champion.TotalProfit!.Value));
        Assert.Equal(PortfolioScenario.Now.AddDays(-5), champion.LastPurchaseOn);
        var newcomer = _base.Stored(_base.Newcomer);
        Assert.Equal((4, 2, 1, 421), (newcomer.RecencyScore, newcomer.FrequencyScore, newcomer.MonetaryScore, newcomer.RfmScore));
        var company = _base.Stored(_base.Company);
        Assert.Equal((2, 4, 4, 244), (company.RecencyScore, company.FrequencyScore, company.MonetaryScore, company.RfmScore));
        var stranger = _base.Stored(_base.Stranger);
        Assert.Null(stranger.RecencyScore);
        Assert.Null(stranger.RfmScore);
        Assert.Equal((0, 0m), (stranger.PurchaseCount, stranger.TotalRevenue!.Value));
    }

    [Fact]
    public void Should_PutEachCustomerInItsRfGridSegment_When_AnAnalysisRuns()
    {
        var analysis = _base.Analyse();

        Assert.Equal(_base.Segment(CustomerType.Contact, RfmSegment.Champions).Id, _base.Stored(_base.Champion).CustomerSegmentId!.Id);
        Assert.Equal(_base.Segment(CustomerType.Contact, RfmSegment.PotentialLoyalists).Id,
            _base.Stored(_base.Newcomer).CustomerSegmentId!.Id);
        Assert.Equal(_base.Segment(CustomerType.Contact, RfmSegment.Hibernating).Id, _base.Stored(_base.Sleeper).CustomerSegmentId!.Id);
        Assert.Equal(_base.Segment(CustomerType.Contact, RfmSegment.Prospect).Id, _base.Stored(_base.Stranger).CustomerSegmentId!.Id);
        Assert.Equal(_base.Segment(CustomerType.Account, RfmSegment.AtRisk).Id, _base.Stored(_base.Company).CustomerSegmentId!.Id);
    }

    [Fact]
    public void Should_FlagTheSmallestSetOfGroupsReachingEightyPercentOfProfit_When_AnAnalysisRuns()
    {
        var analysis = _base.Analyse();

        var champions = _base.Segment(CustomerType.Contact, RfmSegment.Champions);
        Assert.Equal((1, 3000m, 2400m, 74.77m, true),
            (champions.CustomerCount, champions.Revenue!.Value, champions.Profit!.Value, champions.ProfitShare, champions.IsTarget));
        Assert.Equal(GlobalChoices.CustomerType.Person, champions.CustomerType);
        Assert.Equal(GlobalChoices.RFMSegment.Champions, champions.SegmentCode);
        Assert.Equal("Champions (contacts)", champions.Name);
        var atRisk = _base.Segment(CustomerType.Account, RfmSegment.AtRisk);
        Assert.Equal((1, 600m, 18.69m, true), (atRisk.CustomerCount, atRisk.Profit!.Value, atRisk.ProfitShare, atRisk.IsTarget));
        Assert.False(_base.Segment(CustomerType.Contact, RfmSegment.Hibernating).IsTarget);
        Assert.Equal(5, _crm.All(CustomerSegment.EntityLogicalName).Count);
        Assert.Equal(new bool?[] { true, false, false, false, true },
            new[] { _base.Stored(_base.Champion).IsTarget, _base.Stored(_base.Newcomer).IsTarget, _base.Stored(_base.Sleeper).IsTarget,
                _base.Stored(_base.Stranger).IsTarget, _base.Stored(_base.Company).IsTarget });
    }

    [Fact]
    public void Should_StoreHistoricClvAsProfitOverChurn_When_HalfTheBuyersRepeat()
    {
        _base.Analyse();

        Assert.Equal(4800m, _base.Stored(_base.Champion).Clv!.Value);
        Assert.Equal(120m, _base.Stored(_base.Newcomer).Clv!.Value);
        Assert.Equal(1200m, _base.Stored(_base.Company).Clv!.Value);
        Assert.Equal(0m, _base.Stored(_base.Stranger).Clv!.Value);
    }

    [Fact]
    public void Should_CompleteAtOneHundredPercentWithCountsAndTotals_When_TheRunFinishes()
    {
        var analysis = _base.Analyse();

        Assert.Equal(Status.Completed, analysis.AnalysisStatus);
        Assert.Equal(100m, analysis.ProgressPercent);
        Assert.Equal((5, 5, 5), (analysis.CustomerCount, analysis.ProcessedCount, analysis.ChangedCount));
        Assert.Equal((4100m, 3210m), (analysis.TotalRevenue!.Value, analysis.TotalProfit!.Value));
        Assert.Equal((PortfolioScenario.Now.AddMonths(-24), PortfolioScenario.Now), (analysis.WindowStart, analysis.WindowEnd));
        Assert.Equal(PortfolioScenario.Now, analysis.CompletedOn);
        Assert.Equal(AnalysisPhase.Completed, AnalysisCursor.Read(analysis.Cursor)!.Phase);
        Assert.Null(analysis.ErrorMessage);
    }

    [Fact]
    public void Should_RunOnlyAfterCommitInASystemJob_When_AnAnalysisIsCreated()
    {
        var id = _crm.Service.Create(new PortfolioAnalysis { Name = "Q4" });

        Assert.Null(_base.Stored(_base.Champion).RfmScore);
        Assert.DoesNotContain(_crm.FiredSteps, s => s.PluginType == typeof(RunPortfolioAnalysis).FullName);
        _crm.DrainAsyncJobs();
        Assert.Contains(_crm.FiredSteps,
            s => s.PluginType == typeof(RunPortfolioAnalysis).FullName && s.Message == "Create" && s.Stage == 40 && s.IsAsync);
        Assert.Equal(Status.Completed, _base.Analysis(id).AnalysisStatus);
        Assert.Equal(555, _base.Stored(_base.Champion).RfmScore);
    }

    [Fact]
    public void Should_WriteNoCustomerRow_When_ASecondAnalysisFindsNothingChanged()
    {
        _base.Analyse();
        var writtenOn = _base.Stored(_base.Champion).ModifiedOn;
        _crm.Clock.Set(PortfolioScenario.Now.AddMinutes(1));
        _crm.ResetObservations();

        var second = _base.Analyse();

        Assert.Equal(Status.Completed, second.AnalysisStatus);
        Assert.Equal((5, 0), (second.ProcessedCount, second.ChangedCount));
        Assert.Equal(1, _crm.Requests.PluginCount("UpdateMultiple")); // the segments' refreshed figures; no customer, no flag changed
        Assert.All(
            new Entity[] { _base.Stored(_base.Champion), _base.Stored(_base.Newcomer), _base.Stored(_base.Sleeper),
                _base.Stored(_base.Stranger), _base.Stored(_base.Company) },
            row => Assert.Equal(writtenOn, row.GetAttributeValue<DateTime?>("modifiedon")));
        Assert.Equal(5, _crm.All(CustomerSegment.EntityLogicalName).Count); // one row per group, kept across analyses
    }

    [Fact]
    public void Should_KeepOneSegmentRowPerGroupAndMoveItToTheNewAnalysis_When_ASecondAnalysisCompletes()
    {
        _base.Analyse();
        var segmentsAfterFirst = _crm.Count(CustomerSegment.EntityLogicalName);

        var second = _base.Analyse();

        var champions = _base.Segment(CustomerType.Contact, RfmSegment.Champions);
        Assert.True(champions.IsTarget);
        Assert.Equal(second.Id, champions.PortfolioAnalysisId!.Id);
        Assert.Equal(champions.Id, _base.Stored(_base.Champion).CustomerSegmentId!.Id);
        Assert.Equal(segmentsAfterFirst, _crm.Count(CustomerSegment.EntityLogicalName));
        Assert.Equal(2,
            _crm.All(CustomerSegment.EntityLogicalName).Count(s => s.GetAttributeValue<bool?>(CustomerSegment.Fields.IsTarget) == true));
    }

    [Fact]
    public void Should_WriteNoCustomer_When_AProductCostChangesAfterItsSales()
    {
        _base.Analyse();
        _crm.Service.Update(new Product { Id = _base.Cheap.Id, CurrentCost = new Money(30m) });
        _crm.ResetObservations();

        var second = _base.Analyse();

        // Profit is the cost of each sale (cx_linecost, kept when the line was written), not today's product cost.
        Assert.Equal(0, second.ChangedCount);
        Assert.Equal(1, _crm.Requests.PluginCount("UpdateMultiple")); // the segments' refreshed figures only
        Assert.Equal(60m, _base.Stored(_base.Newcomer).TotalProfit!.Value);
    }

    [Fact]
    public void Should_WriteOnlyTheChangedCustomer_When_ALinesQuantityChangesBetweenTwoAnalyses()
    {
        _base.Analyse();
        var line = _crm.All(InvoiceDetail.EntityLogicalName).Single(row => Customer(row) == _base.Newcomer.Id);
        _crm.Service.Update(new InvoiceDetail { Id = line.Id, Quantity = 0.75m });
        _crm.ResetObservations();

        var second = _base.Analyse();

        Assert.Equal(1, second.ChangedCount);
        Assert.Equal(2, _crm.Requests.PluginCount("UpdateMultiple")); // the segments' refreshed figures, then the newcomer's batch
        // 100 − 0.75 × 40
        Assert.Equal((70m, 140m), (_base.Stored(_base.Newcomer).TotalProfit!.Value, _base.Stored(_base.Newcomer).Clv!.Value));
    }

    private System.Guid Customer(Entity line) =>
        _crm.Get(Invoice.EntityLogicalName, line.GetAttributeValue<EntityReference>(InvoiceDetail.Fields.InvoiceId).Id)!
            .GetAttributeValue<EntityReference>(Invoice.Fields.CustomerId).Id;

    [Fact]
    public void Should_FailWithAPlainMessageAndWriteNoCustomer_When_TheWindowSettingIsOutOfRange()
    {
        _base.Data.SetEnvironmentVariable(EnvironmentVariableNames.AnalysisWindowMonths, "200");

        var analysis = _base.Analyse();

        Assert.Equal(Status.Failed, analysis.AnalysisStatus);
        Assert.Contains("must be 1 to 120 months, but it is 200", analysis.ErrorMessage);
        Assert.Null(_base.Stored(_base.Champion).RfmScore);
        Assert.Equal(0, _crm.Count(CustomerSegment.EntityLogicalName));
    }

    [Fact]
    public void Should_ReadTheWindowFromTheEnvironment_When_TheAnalysisLeavesItEmpty()
    {
        _base.Data.SetEnvironmentVariable(EnvironmentVariableNames.AnalysisWindowMonths, "12");

        var analysis = _base.Analyse();

        Assert.Equal(PortfolioScenario.Now.AddMonths(-12), analysis.WindowStart);
        Assert.Equal(0, _base.Stored(_base.Sleeper).PurchaseCount); // 600 days ago is outside a 12-month window
    }

    [Fact]
    public void Should_OpenTheStrategysFirstGate_When_ARealAnalysisCompletesWithATargetSegment()
    {
        var strategy = _base.Data.Strategy(CrmStrategy.CurrentStepChoice.Option1PortfolioAnalysis);
        _base.Analyse();

        _crm.Service.Execute(
            new OrganizationRequest(Plugins.Strategy.AdvanceStrategyStep.ApiName) {
                [Plugins.Strategy.AdvanceStrategyStep.StrategyParameter] = strategy.ToEntityReference() });

        Assert.Equal(CrmStrategy.CurrentStepChoice.Option2CustomerIntimacy,
            _crm.Get(CrmStrategy.EntityLogicalName, strategy.Id)!.ToEntity<CrmStrategy>().CurrentStep);
    }

    [Fact]
    public void Should_FeedTheTargetRevenueShareKpi_When_ARealAnalysisFlaggedTheTargetCustomers()
    {
        _base.Analyse();

        var response = _crm.Service.Execute(
            new OrganizationRequest(Plugins.Lifecycle.SnapshotKpis.ApiName) {
                [Plugins.Lifecycle.SnapshotKpis.PeriodParameter] = "2026-11" });

        // November: the champion (target) paid 1,000 on the 10th, the newcomer (not target) 100 on the 5th.
        var snapshot = _crm.Get(KpiSnapshot.EntityLogicalName,
            ((EntityReference)response[Plugins.Lifecycle.SnapshotKpis.SnapshotOutput]).Id)!.ToEntity<KpiSnapshot>();
        Assert.Equal(90.91m, snapshot.TargetRevenueShare);
    }
}
