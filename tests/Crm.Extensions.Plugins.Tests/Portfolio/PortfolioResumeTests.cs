using System.Linq;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Portfolio;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Status = Crm.Extensions.EarlyBound.PortfolioAnalysis.AnalysisStatusChoice;

namespace Crm.Extensions.Plugins.Tests.Portfolio;

/// <summary>
/// The interruption is real: a customer whose CLV overflows the money column makes the platform refuse the accounts'
/// UpdateMultiple after the contacts were written. Fixing the data (a hundred times smaller: still the top spender, so
/// every rank stays as it was) and queuing the analysis again resumes it.
/// </summary>
public sealed class PortfolioResumeTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly PortfolioScenario _base;
    private const decimal Fixed = 9_000_000_000_000m;
    private readonly InvoiceDetail _hugeLine;

    public PortfolioResumeTests()
    {
        _base = new PortfolioScenario(_crm);
        var invoice = _base.Data.PaidPurchase(_base.Data.Account(), PortfolioScenario.Now.AddDays(-3), _base.Data.CostedProduct(0m),
            900_000_000_000_000m);
        _hugeLine = _crm.All(InvoiceDetail.EntityLogicalName)
            .Single(l => l.GetAttributeValue<EntityReference>(InvoiceDetail.Fields.InvoiceId).Id == invoice.Id).ToEntity<InvoiceDetail>();
    }

    [Fact]
    public void Should_FailWithAPlainMessageAndKeepTheCursor_When_AWriteIsRefusedMidway()
    {
        var analysis = _base.Analyse();

        Assert.Equal(Status.Failed, analysis.AnalysisStatus);
        Assert.Equal(RunPortfolioAnalysis.StoppedMessage.English, analysis.ErrorMessage); // what failed is for the trace, not the user
        Assert.Contains(_crm.Traces, t => t.Text.Contains("cx_clv", System.StringComparison.Ordinal));
        Assert.NotNull(_base.Stored(_base.Champion).RfmScore); // contacts were written before the accounts' batch failed
        Assert.Null(_base.Stored(_base.Company).RfmScore);
        var cursor = AnalysisCursor.Read(analysis.Cursor)!;
        Assert.Equal((AnalysisPhase.WritingCustomers, CustomerType.Account, 0), (cursor.Phase, cursor.Table, cursor.WrittenInTable));
    }

    [Fact]
    public void Should_ResumeAndWriteOnlyWhatWasLeft_When_AFailedAnalysisIsResumed()
    {
        var analysis = _base.Analyse();
        _crm.Service.Update(new InvoiceDetail { Id = _hugeLine.Id, ExtendedAmount = new Money(Fixed) });
        var contactWrittenOn = _base.Stored(_base.Champion).ModifiedOn;
        _crm.Clock.Set(PortfolioScenario.Now.AddMinutes(1));
        _crm.ResetObservations();

        _crm.Service.Execute(new OrganizationRequest(ResumePortfolioAnalysis.ApiName)
        {
            [ResumePortfolioAnalysis.AnalysisParameter] = analysis.ToEntityReference(),
        });
        _crm.DrainAsyncJobs();

        var resumed = _base.Analysis(analysis.Id);
        Assert.Equal((Status.Completed, 100m), (resumed.AnalysisStatus, resumed.ProgressPercent));
        Assert.Null(resumed.ErrorMessage);
        Assert.Equal(2, AnalysisCursor.Read(resumed.Cursor)!.Attempt);
        Assert.NotNull(_base.Stored(_base.Company).RfmScore);
        Assert.NotNull(_base.Stored(_base.Company).CustomerSegmentId);
        // The model persisted by the scoring unit carries on: only the accounts' page and its aggregate are read again (no
        // settings, counts or segments), the two accounts and the target flags are written, no contact is written again.
        // The changed count keeps the four contacts written before the failure.
        Assert.Equal((6, 2, 0),
            (resumed.ChangedCount, _crm.Requests.PluginCount("UpdateMultiple"), _crm.Requests.PluginCount("CreateMultiple")));
        Assert.Equal(2, _crm.Requests.PluginCount("RetrieveMultiple"));
        Assert.Equal(contactWrittenOn, _base.Stored(_base.Champion).ModifiedOn);
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(RunPortfolioAnalysis).FullName && s.Message == "Update" && s.IsAsync);
    }

    [Fact]
    public void Should_LeaveEverythingAsItIs_When_ACompletedAnalysisIsQueuedAgain()
    {
        _crm.Service.Update(new InvoiceDetail { Id = _hugeLine.Id, ExtendedAmount = new Money(Fixed) });
        var analysis = _base.Analyse();
        _crm.ResetObservations();

        _crm.Service.Update(new PortfolioAnalysis { Id = analysis.Id, AnalysisStatus = Status.Queued });
        _crm.DrainAsyncJobs();

        var again = _base.Analysis(analysis.Id);
        Assert.Equal(Status.Completed, again.AnalysisStatus);
        Assert.Equal(analysis.Cursor, again.Cursor);
        Assert.Equal(1, _crm.Requests.PluginTotal); // only the status is put back
        Assert.Equal(0, _crm.Requests.PluginCount("RetrieveMultiple"));
    }
}
