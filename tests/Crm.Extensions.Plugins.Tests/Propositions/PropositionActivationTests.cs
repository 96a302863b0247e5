using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Propositions;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Propositions;

public sealed class PropositionActivationTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public PropositionActivationTests() => _data = new DataProducer(_crm);

    private static void Activate(ValueProposition p) => p.PropositionStatus = ValueProposition.PropositionStatusChoice.Active;

    [Fact]
    public void Should_Activate_When_BenefitIsStatedAndMarginReachesTheMinimum()
    {
        var id = _crm.Service.Create(_data.NewProposition(_data.Segment(), p => { Activate(p); p.CompanyMargin = 15m; }));

        Assert.Equal(ValueProposition.PropositionStatusChoice.Active,
            _crm.Get(ValueProposition.EntityLogicalName, id)!.ToEntity<ValueProposition>().PropositionStatus);
    }

    [Fact]
    public void Should_RefuseListingBothProblems_When_BenefitIsMissingAndMarginIsLow()
    {
        var proposition = _data.NewProposition(_data.Segment(), p => { Activate(p); p.CustomerBenefit = null; p.CompanyMargin = 9m; });

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _crm.Service.Create(proposition));

        Assert.Contains("state the benefit for the customer", fault.Message);
        Assert.Contains("below the minimum of 15", fault.Message);
        Assert.Equal(0, _crm.Count(ValueProposition.EntityLogicalName));
    }

    [Fact]
    public void Should_UseTheEnvironmentsMinimum_When_TheVariableHasAValue()
    {
        _data.SetEnvironmentVariable("cx_MinimumPropositionMarginPercent", "25");
        var proposition = _data.NewProposition(_data.Segment(), p => { Activate(p); p.CompanyMargin = 20m; });

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _crm.Service.Create(proposition));

        Assert.Contains("below the minimum of 25", fault.Message);
    }

    [Fact]
    public void Should_RefuseTheUpdateAndKeepTheDraft_When_ActivatingWithoutBenefit()
    {
        var draft = _data.NewProposition(_data.Segment(), p => p.CustomerBenefit = null);
        var id = _crm.Service.Create(draft);

        Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _crm.Service.Update(new ValueProposition(id) { PropositionStatus = ValueProposition.PropositionStatusChoice.Active }));

        Assert.Equal(ValueProposition.PropositionStatusChoice.Draft,
            _crm.Get(ValueProposition.EntityLogicalName, id)!.ToEntity<ValueProposition>().PropositionStatus);
    }

    [Fact]
    public void Should_ReadSettingsOnlyForActivation_When_ADraftIsSaved()
    {
        var segment = _data.Segment();
        _crm.ResetObservations();

        _crm.Service.Create(_data.NewProposition(segment));

        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(GuardPropositionActivation).FullName && s.Stage == 10);
        Assert.Equal(0, _crm.Requests.PluginTotal);
    }
}
