using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Strategy;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Strategy;

/// <summary>
/// The strategy's step moves only through cx_AdvanceStrategyStep: direct edits and late starts are refused, nothing written.
/// </summary>
public sealed class GuardStrategyStepTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public GuardStrategyStepTests() => _data = new DataProducer(_crm);

    private CrmStrategy.CurrentStepChoice? StepOf(CrmStrategy strategy) =>
        _crm.Get(CrmStrategy.EntityLogicalName, strategy.Id)!.ToEntity<CrmStrategy>().CurrentStep;

    [Fact]
    public void Should_RefuseAndKeepTheStep_When_AUserSetsTheCurrentStepDirectly()
    {
        var strategy = _data.Strategy(CrmStrategy.CurrentStepChoice.Option1PortfolioAnalysis);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _crm.Service.Update(new CrmStrategy(strategy.Id) { CurrentStep = CrmStrategy.CurrentStepChoice.Option4ValueProposition }));

        Assert.Contains("Advance step", fault.Message);
        Assert.Equal(CrmStrategy.CurrentStepChoice.Option1PortfolioAnalysis, StepOf(strategy));
    }

    [Fact]
    public void Should_RefuseInSpanish_When_ASpanishUserSetsTheCurrentStepDirectly()
    {
        var strategy = _data.Strategy(CrmStrategy.CurrentStepChoice.Option2CustomerIntimacy);
        var spanish = _crm.CreateUser("Lucía Pérez", isAdministrator: true, uiLanguageId: 3082);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _crm.ServiceAs(spanish)
            .Update(new CrmStrategy(strategy.Id) { CurrentStep = CrmStrategy.CurrentStepChoice.Option5LifecycleManagement }));

        Assert.Contains("Avanzar paso", fault.Message);
        Assert.Equal(CrmStrategy.CurrentStepChoice.Option2CustomerIntimacy, StepOf(strategy));
    }

    [Fact]
    public void Should_RefuseTheNewStrategy_When_ItStartsBeyondStepOne()
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _crm.Service.Create(
                new CrmStrategy { Name = "Shortcut", CurrentStep = CrmStrategy.CurrentStepChoice.Option3NetworkDevelopment }));

        Assert.Contains("starts at step 1", fault.Message);
        Assert.Equal(0, _crm.Count(CrmStrategy.EntityLogicalName));
    }

    [Fact]
    public void Should_SaveTheOtherColumns_When_TheStepIsSentUnchanged()
    {
        var strategy = _data.Strategy(CrmStrategy.CurrentStepChoice.Option2CustomerIntimacy);

        _crm.Service.Update(
            new CrmStrategy(strategy.Id) { CurrentStep = CrmStrategy.CurrentStepChoice.Option2CustomerIntimacy,
                Objective = "Keep the best" });

        Assert.Equal("Keep the best",
            _crm.Get(CrmStrategy.EntityLogicalName, strategy.Id)!.GetAttributeValue<string>(CrmStrategy.Fields.Objective));
    }

    [Fact]
    public void Should_LetTheStepMove_When_TheAdvanceStepApiPassesTheGate()
    {
        _data.CompletedAnalysis();
        _data.TargetSegment("Champions");
        var strategy = _data.Strategy(CrmStrategy.CurrentStepChoice.Option1PortfolioAnalysis);

        _crm.Service.Execute(
            new OrganizationRequest(AdvanceStrategyStep.ApiName) {
                [AdvanceStrategyStep.StrategyParameter] = strategy.ToEntityReference() });

        Assert.Equal(CrmStrategy.CurrentStepChoice.Option2CustomerIntimacy, StepOf(strategy));
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(GuardStrategyStep).FullName);
    }
}
