using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Propositions;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Propositions;

public sealed class NextBestOfferTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public NextBestOfferTests() => _data = new DataProducer(_crm);

    private OrganizationResponse Ask(EntityReference? customer) =>
        _crm.Service.Execute(new OrganizationRequest(GetNextBestOffer.ApiName) { [GetNextBestOffer.CustomerParameter] = customer });

    [Fact]
    public void Should_OfferTheBestPropositionNotYetBought_When_TheCustomerHasASegment()
    {
        var segment = _data.Segment();
        var bought = _data.Product();
        _data.ActiveProposition(segment, p => { p.CompanyMargin = 40m; p.ProductId = bought.ToEntityReference(); });
        var expected = _data.ActiveProposition(segment, p => { p.CompanyMargin = 30m; p.OfferText = "Try the premium plan"; });
        var customer = _data.Contact(c => c.CustomerSegmentId = segment.ToEntityReference());
        _data.PaidInvoice(customer, bought);

        var response = Ask(customer.ToEntityReference());

        Assert.Equal(expected.Id, ((EntityReference)response[GetNextBestOffer.PropositionOutput]).Id);
        Assert.Equal("Try the premium plan", response[GetNextBestOffer.OfferTextOutput]);
    }

    [Fact]
    public void Should_RefuseWithAClearMessage_When_NoCustomerIsGiven()
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Ask(null));

        Assert.Contains("Choose a contact or an account", fault.Message);
    }

    [Fact]
    public void Should_RunTheApiPluginAtStage30WithFourReads_When_AnOfferIsAsked()
    {
        var segment = _data.Segment();
        var customer = _data.Contact(c => c.CustomerSegmentId = segment.ToEntityReference());
        _crm.ResetObservations();

        Ask(customer.ToEntityReference());

        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(GetNextBestOffer).FullName && s.Stage == 30);
        // One read proves the customer exists (an unknown id is refused, not answered with "no offer"), three find the offer.
        Assert.Equal(4, _crm.Requests.PluginTotal);
        Assert.Equal(0, _crm.Requests.PluginCount("Create") + _crm.Requests.PluginCount("Update"));
    }
}
