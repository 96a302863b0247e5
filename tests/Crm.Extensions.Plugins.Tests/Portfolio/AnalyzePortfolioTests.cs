using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Portfolio;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Status = Crm.Extensions.EarlyBound.PortfolioAnalysis.AnalysisStatusChoice;

namespace Crm.Extensions.Plugins.Tests.Portfolio;

public sealed class AnalyzePortfolioTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public AnalyzePortfolioTests() => _data = new DataProducer(_crm);

    private OrganizationResponse Analyze(int? windowMonths = null, decimal? pareto = null, EntityReference? strategy = null,
        IOrganizationService? service = null)
    {
        var request = new OrganizationRequest(AnalyzePortfolio.ApiName);
        if (windowMonths is not null) request[AnalyzePortfolio.WindowMonthsParameter] = windowMonths;
        if (pareto is not null) request[AnalyzePortfolio.ParetoParameter] = pareto;
        if (strategy is not null) request[AnalyzePortfolio.StrategyParameter] = strategy;
        return (service ?? _crm.Service).Execute(request);
    }

    private PortfolioAnalysis Stored(OrganizationResponse response) =>
        _crm.Get(PortfolioAnalysis.EntityLogicalName, ((EntityReference)response[AnalyzePortfolio.AnalysisOutput]).Id)!
            .ToEntity<PortfolioAnalysis>();

    [Fact]
    public void Should_QueueAnAnalysisThatRunsInASystemJob_When_TheApiIsCalled()
    {
        var strategy = _data.Strategy(CrmStrategy.CurrentStepChoice.Option1PortfolioAnalysis);
        _data.Contact();

        var response = Analyze(windowMonths: 12, pareto: 70m, strategy: strategy.ToEntityReference());

        var queued = Stored(response);
        Assert.Equal((Status.Queued, 12, 70m), (queued.AnalysisStatus, queued.WindowMonths, queued.ParetoThreshold));
        Assert.Equal(strategy.Id, queued.CrmStrategyId!.Id);
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(AnalyzePortfolio).FullName && s.Stage == 30);
        Assert.DoesNotContain(_crm.FiredSteps, s => s.PluginType == typeof(RunPortfolioAnalysis).FullName);
        _crm.DrainAsyncJobs();
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(RunPortfolioAnalysis).FullName && s.Message == "Create" && s.IsAsync);
        Assert.Equal(Status.Completed, Stored(response).AnalysisStatus);
        Assert.Equal(queued.Id, _crm.Get(CrmStrategy.EntityLogicalName, strategy.Id)!.ToEntity<CrmStrategy>().PortfolioAnalysisId!.Id);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(121)]
    public void Should_RefuseAndWriteNothing_When_WindowMonthsIsOutOfRange(int months)
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Analyze(windowMonths: months));

        Assert.Contains("from 1 to 120 months", fault.Message);
        Assert.Equal(0, _crm.Count(PortfolioAnalysis.EntityLogicalName));
        Assert.Equal(0, _crm.PendingAsyncJobs);
    }

    [Fact]
    public void Should_RefuseAndWriteNothing_When_TheTargetShareIsAboveOneHundred()
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Analyze(pareto: 101m));

        Assert.Contains("from 1 to 100%", fault.Message);
        Assert.Equal(0, _crm.Count(PortfolioAnalysis.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseInSpanish_When_ASpanishUserAsksForAnOutOfRangeWindow()
    {
        var user = _crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Analyze(windowMonths: 0, service: _crm.ServiceAs(user)));

        Assert.Contains("de 1 a 120 meses", fault.Message);
        Assert.Equal(0, _crm.Count(PortfolioAnalysis.EntityLogicalName));
    }
}
