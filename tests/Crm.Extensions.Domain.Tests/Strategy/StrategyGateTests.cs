using System;
using System.Linq;
using Crm.Extensions.Domain.Strategy;

namespace Crm.Extensions.Domain.Tests.Strategy;

public sealed class StrategyGateTests
{
    private static readonly TargetSegmentFacts Champions = new(Guid.NewGuid(), "Champions (contacts)", true, true);
    private static readonly TargetSegmentFacts Loyal = new(Guid.NewGuid(), "Loyal (accounts)", true, true);

    private static readonly StrategyFacts Ready = new(true, 100, 50, new[] { Champions, Loyal }, true);

    [Theory]
    [InlineData(StrategyStep.PortfolioAnalysis, StrategyStep.CustomerIntimacy)]
    [InlineData(StrategyStep.CustomerIntimacy, StrategyStep.NetworkDevelopment)]
    [InlineData(StrategyStep.NetworkDevelopment, StrategyStep.ValueProposition)]
    [InlineData(StrategyStep.ValueProposition, StrategyStep.LifecycleManagement)]
    [InlineData(StrategyStep.LifecycleManagement, StrategyStep.Completed)]
    public void Should_Advance_When_EverythingIsInPlace(StrategyStep current, StrategyStep expected)
    {
        Assert.Equal(expected, StrategyGate.Advance(current, Ready));
    }

    [Fact]
    public void Should_AskForAnAnalysis_When_NoneCompletedWithATarget()
    {
        var refusal = Assert.Throws<BusinessRuleException>(() =>
            StrategyGate.Advance(StrategyStep.PortfolioAnalysis, Ready with { HasCompletedAnalysisWithTarget = false }));

        Assert.Equal(
            "The strategy cannot move to the next step yet. Missing:\n- a completed portfolio analysis with at least one target segment.",
            refusal.Text.English);
        Assert.Equal(
            "La estrategia aún no puede pasar al siguiente paso. Falta:\n- un análisis de cartera completado con al menos un segmento " +
            "objetivo.", refusal.Text.Spanish);
    }

    [Fact]
    public void Should_OnlyCheckTheFirstGate_When_LeavingStepOne()
    {
        var nothingElse = new StrategyFacts(true, 0, 0, new[] { Champions with { HasCriticalPartner = false } }, false);

        Assert.Equal(StrategyStep.CustomerIntimacy, StrategyGate.Advance(StrategyStep.PortfolioAnalysis, nothingElse));
    }

    [Fact]
    public void Should_StateTheShare_When_UnderHalfOfTargetCustomersAreKnown()
    {
        var missing = StrategyGate.Missing(StrategyStep.CustomerIntimacy, Ready with { TargetCustomersWithCompleteProfile = 49 });

        var only = Assert.Single(missing);
        Assert.Equal("profiles at least 50% complete for at least half of the target customers (now 49%: 49 of 100).", only.English);
        Assert.Equal("perfiles completos al menos al 50 % para al menos la mitad de los clientes objetivo (ahora 49 %: 49 de 100).",
            only.Spanish);
    }

    [Fact]
    public void Should_Refuse_When_ThereAreNoTargetCustomers()
    {
        Assert.Single(
            StrategyGate.Missing(StrategyStep.CustomerIntimacy,
                Ready with { TargetCustomers = 0, TargetCustomersWithCompleteProfile = 0 }));
    }

    [Fact]
    public void Should_NameEachSegment_When_PartnersOrPropositionsAreMissing()
    {
        var facts = Ready with
        {
            TargetSegments = new[] { Loyal with { HasCriticalPartner = false },
                Champions with { HasActiveProposition = false, HasCriticalPartner = false } },
        };

        var missing = StrategyGate.Missing(StrategyStep.ValueProposition, facts).Select(m => m.English).ToList();

        Assert.Equal(
            new[]
            {
                "a critical partner for the target segment \"Champions (contacts)\".",
                "a critical partner for the target segment \"Loyal (accounts)\".",
                "an active value proposition for the target segment \"Champions (contacts)\".",
            },
            missing);
    }

    [Fact]
    public void Should_ListEveryGap_When_NothingIsInPlace()
    {
        var empty = new StrategyFacts(false, 10, 0, new[] { new TargetSegmentFacts(Guid.NewGuid(), "New", false, false) }, false);

        var refusal = Assert.Throws<BusinessRuleException>(() => StrategyGate.Advance(StrategyStep.LifecycleManagement, empty));

        Assert.Equal(6, refusal.Text.English.Split('\n').Length);
        Assert.Contains("- a KPI snapshot.", refusal.Text.English, StringComparison.Ordinal);
        Assert.Contains("- una instantánea de KPI.", refusal.Text.Spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RecheckEarlierGates_When_TheyStoppedHolding()
    {
        var missing = StrategyGate.Missing(StrategyStep.LifecycleManagement, Ready with { HasCompletedAnalysisWithTarget = false });

        Assert.Equal("a completed portfolio analysis with at least one target segment.", Assert.Single(missing).English);
    }

    [Fact]
    public void Should_Refuse_When_TheStrategyIsAlreadyComplete()
    {
        var refusal = Assert.Throws<BusinessRuleException>(() => StrategyGate.Advance(StrategyStep.Completed, Ready));

        Assert.Equal("La estrategia ya ha completado los cinco pasos.", refusal.Text.Spanish);
    }
}
