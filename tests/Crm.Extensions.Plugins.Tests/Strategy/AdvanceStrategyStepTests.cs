using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Strategy;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Strategy;

public sealed class AdvanceStrategyStepTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public AdvanceStrategyStepTests() => _data = new DataProducer(_crm);

    private OrganizationResponse Advance(EntityReference? strategy, IOrganizationService? service = null) =>
        (service ?? _crm.Service)
            .Execute(new OrganizationRequest(AdvanceStrategyStep.ApiName) { [AdvanceStrategyStep.StrategyParameter] = strategy });

    private CrmStrategy.CurrentStepChoice? StepOf(CrmStrategy strategy) =>
        _crm.Get(CrmStrategy.EntityLogicalName, strategy.Id)!.ToEntity<CrmStrategy>().CurrentStep;

    [Fact]
    public void Should_MoveToCustomerIntimacy_When_ACompletedAnalysisFlaggedATargetSegment()
    {
        _data.CompletedAnalysis();
        _data.TargetSegment("Champions");
        var strategy = _data.Strategy(CrmStrategy.CurrentStepChoice.Option1PortfolioAnalysis);
        _crm.ResetObservations();

        var response = Advance(strategy.ToEntityReference());

        Assert.Equal("CustomerIntimacy", response[AdvanceStrategyStep.StepOutput]);
        Assert.Equal(CrmStrategy.CurrentStepChoice.Option2CustomerIntimacy, StepOf(strategy));
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(AdvanceStrategyStep).FullName && s.Stage == 30);
    }

    [Fact]
    public void Should_ListExactlyWhatIsMissingAndWriteNothing_When_TheNetworkGateIsNotMet()
    {
        _data.CompletedAnalysis();
        var champions = _data.TargetSegment("Champions");
        _data.TargetSegment("Loyal");
        _data.Contact(c => { c.IsTarget = true; c.ProfileCompleteness = 80; });
        _crm.Seed(_data.NewPartner(with: p => p.CustomerSegmentId = champions.ToEntityReference()));
        var strategy = _data.Strategy(CrmStrategy.CurrentStepChoice.Option3NetworkDevelopment);
        _crm.ResetObservations();

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Advance(strategy.ToEntityReference()));

        Assert.Contains("a critical partner for the target segment \"Loyal\"", fault.Message);
        Assert.DoesNotContain("\"Champions\"", fault.Message);
        Assert.DoesNotContain("portfolio analysis", fault.Message);
        Assert.DoesNotContain("profiles", fault.Message);
        Assert.Equal(CrmStrategy.CurrentStepChoice.Option3NetworkDevelopment, StepOf(strategy));
        Assert.Equal(0, _crm.Requests.PluginCount("Update") + _crm.Requests.PluginCount("Create"));
    }

    [Fact]
    public void Should_RefuseInSpanish_When_ASpanishUserAdvancesWithoutAnAnalysis()
    {
        var strategy = _data.Strategy(CrmStrategy.CurrentStepChoice.Option1PortfolioAnalysis);
        var user = _crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(
            () => Advance(strategy.ToEntityReference(), _crm.ServiceAs(user)));

        Assert.Contains("un análisis de cartera completado", fault.Message);
        Assert.Equal(CrmStrategy.CurrentStepChoice.Option1PortfolioAnalysis, StepOf(strategy));
    }

    [Fact]
    public void Should_RefuseWithAClearMessage_When_NoStrategyIsGiven()
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Advance(null));

        Assert.Contains("Choose the CRM strategy to advance", fault.Message);
    }

    [Fact]
    public void Should_PointToTheLatestKpiSnapshot_When_TheStrategyAdvances()
    {
        _data.CompletedAnalysis();
        _data.TargetSegment("Champions");
        var older = new KpiSnapshot { Id = System.Guid.NewGuid(), Name = "KPIs 2026-10", Period = "2026-10",
            PeriodEnd = new System.DateTime(2026, 11, 1, 0, 0, 0, System.DateTimeKind.Utc) };
        var latest = new KpiSnapshot { Id = System.Guid.NewGuid(), Name = "KPIs 2026-11", Period = "2026-11",
            PeriodEnd = new System.DateTime(2026, 12, 1, 0, 0, 0, System.DateTimeKind.Utc) };
        _crm.Seed(latest, older);
        var strategy = _data.Strategy(CrmStrategy.CurrentStepChoice.Option1PortfolioAnalysis);

        Advance(strategy.ToEntityReference());

        Assert.Equal(latest.Id, _crm.Get(CrmStrategy.EntityLogicalName, strategy.Id)!.ToEntity<CrmStrategy>().LatestKpiSnapshotId?.Id);
    }
}
