using System;
using Crm.Extensions.Domain.Propositions;

namespace Crm.Extensions.Domain.Tests.Propositions;

public sealed class PropositionActivationTests
{
    private static readonly Proposition Sound = new(
        Guid.NewGuid(), Guid.NewGuid(), "Free installation", "Saves the customer a technician visit", 22m, false, null);

    [Fact]
    public void Should_Activate_When_BenefitAndMarginAreThere()
    {
        Assert.Empty(PropositionActivation.Missing(Sound));
    }

    [Fact]
    public void Should_Activate_When_TheMarginEqualsTheMinimum()
    {
        Assert.Empty(PropositionActivation.Missing(Sound with { CompanyMarginPercent = 15m }));
    }

    [Fact]
    public void Should_SayTheBenefitIsMissing_When_ItIsBlank()
    {
        var refusal = Assert.Throws<BusinessRuleException>(
            () => PropositionActivation.EnsureCanActivate(Sound with { CustomerBenefit = " " }));

        Assert.Equal(
            "The value proposition cannot be activated, because its value must run both ways:\n- state the benefit for the customer.",
            refusal.Text.English);
        Assert.Equal(
            "La propuesta de valor no se puede activar, porque su valor debe ir en ambos sentidos:\n- indique el beneficio para el " +
            "cliente.", refusal.Text.Spanish);
    }

    [Fact]
    public void Should_StateBothMargins_When_TheMarginIsBelowTheMinimum()
    {
        var refusal = Assert.Throws<BusinessRuleException>(
            () => PropositionActivation.EnsureCanActivate(Sound with { CompanyMarginPercent = 12.5m }));

        Assert.EndsWith("the company margin is 12.5%, below the minimum of 15%.", refusal.Text.English, StringComparison.Ordinal);
        Assert.EndsWith("el margen de la empresa es 12,5 %, por debajo del mínimo de 15 %.", refusal.Text.Spanish,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ListBoth_When_BenefitAndMarginAreMissing()
    {
        var missing = PropositionActivation.Missing(Sound with { CustomerBenefit = null, CompanyMarginPercent = null });

        Assert.Equal(2, missing.Count);
        Assert.Equal("state the company margin (at least 15%).", missing[1].English);
    }

    [Fact]
    public void Should_UseTheConfiguredMinimum_When_TheEnvironmentVariableIsSet()
    {
        Assert.Single(PropositionActivation.Missing(Sound, minimumMarginPercent: 25m));
    }
}
