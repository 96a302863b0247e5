using System.Collections.Generic;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Status = Crm.Extensions.EarlyBound.PortfolioAnalysis.AnalysisStatusChoice;

namespace Crm.Extensions.Plugins.Tests.Portfolio;

/// <summary>
/// A reading unit ends by saving the summary of the passes with the cursor; the next unit (or a resume after a failure)
/// continues from it without reading again what it covers. Here the cursor is the one a unit leaves after the first pass
/// and the contacts of the second (the small scenario's customers, folded as the runner folds them), so the run that picks
/// it up reads only the accounts' page, then scores and writes everyone exactly as one uninterrupted run does.
/// </summary>
public sealed class PortfolioReadingResumeTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly PortfolioScenario _base;

    public PortfolioReadingResumeTests() => _base = new PortfolioScenario(_crm);

    [Fact]
    public void Should_ContinueFromTheSavedSummaryAndScoreAsOneRun_When_QueuedInTheSecondPass()
    {
        var window = AnalysisWindow.EndingAt(PortfolioScenario.Now, PortfolioSettings.Default.WindowMonths);
        var now = PortfolioScenario.Now;
        var contacts = new List<CustomerMetrics>
        {
            CustomerMetrics.FromTotals(new CustomerKey(CustomerType.Contact, _base.Champion.Id), 3, 3000m, 600m, now.AddDays(-5), window),
            CustomerMetrics.FromTotals(new CustomerKey(CustomerType.Contact, _base.Newcomer.Id), 1, 100m, 40m, now.AddDays(-10), window),
            CustomerMetrics.FromTotals(new CustomerKey(CustomerType.Contact, _base.Sleeper.Id), 1, 200m, 50m, now.AddDays(-600), window),
            CustomerMetrics.Prospect(new CustomerKey(CustomerType.Contact, _base.Stranger.Id)),
        };
        var company = CustomerMetrics.FromTotals(
            new CustomerKey(CustomerType.Account, _base.Company.Id), 2, 800m, 200m, now.AddDays(-30), window);
        var settings = PortfolioSettings.Default;
        var summary = new PortfolioSummary(window, settings.ParetoThresholdPercent, settings.MinimumChurnRate);
        foreach (var customer in contacts) summary.AddFirstPass(customer);
        summary.AddFirstPass(company);
        foreach (var customer in contacts) summary.AddSecondPass(customer);
        var state = new AnalysisState(AnalysisPhase.Totalling, CustomerType.Account, 1, null, 5, 5, 0, 0, 0, 0, 0, 1, 4);
        _crm.ResetObservations();

        var id = _crm.Service.Create(new PortfolioAnalysis
        {
            Name = "Resumed", AnalysisStatus = Status.Queued, Cursor = AnalysisCursor.Write(state, summary: summary),
        });
        _crm.DrainAsyncJobs();

        var analysis = _base.Analysis(id);
        Assert.Equal((Status.Completed, 5), (analysis.AnalysisStatus, analysis.CustomerCount));
        // The accounts' page and its aggregate (second pass), the segments, then both writing pages with their aggregates:
        // no settings, no counts, no first pass and no contact page of the second pass read again.
        Assert.Equal(2 + 1 + 2 + 2, _crm.Requests.PluginCount("RetrieveMultiple"));
        Assert.Equal((5, 5, 5, 555), (_base.Stored(_base.Champion).RecencyScore, _base.Stored(_base.Champion).FrequencyScore,
            _base.Stored(_base.Champion).MonetaryScore, _base.Stored(_base.Champion).RfmScore));
        Assert.Equal(244, _base.Stored(_base.Company).RfmScore);
        Assert.Equal(421, _base.Stored(_base.Newcomer).RfmScore);
        Assert.True(_base.Segment(CustomerType.Contact, RfmSegment.Champions).IsTarget);
        Assert.True(_base.Segment(CustomerType.Account, RfmSegment.AtRisk).IsTarget);
        Assert.Equal((3000m + 100m + 200m + 800m, 2400m + 60m + 150m + 600m), (analysis.TotalRevenue!.Value, analysis.TotalProfit!.Value));
    }
}
