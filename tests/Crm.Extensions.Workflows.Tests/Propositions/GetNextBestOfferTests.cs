using Crm.Extensions.Application.Propositions;
using Crm.Extensions.Dataverse.Propositions;
using Crm.Extensions.Workflows.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Tests.Propositions;

public sealed class GetNextBestOfferTests
{
    private readonly WorkflowRunner _workflow = new();

    private NextBestOfferAnswer Ask(EntityReference? customer)
        => _workflow.Run(context => Application.Propositions.GetNextBestOffer.Run(context, customer));

    [Fact]
    public void Should_OfferTheBestPropositionNotYetBought_When_TheCustomerHasASegment()
    {
        var data = _workflow.Data;
        var segment = data.Segment();
        var bought = data.Product();
        data.ActiveProposition(segment, p => { p.CompanyMargin = 40m; p.ProductId = bought.ToEntityReference(); });
        var expected = data.ActiveProposition(segment, p => { p.CompanyMargin = 30m; p.OfferText = "Try the premium plan"; });
        var customer = data.Contact(c => c.CustomerSegmentId = segment.ToEntityReference());
        data.PaidInvoice(customer, bought);

        var answer = Ask(customer.ToEntityReference());

        Assert.Equal(expected.Id, answer.Proposition!.Id);
        Assert.Equal("cx_valueproposition", answer.Proposition.LogicalName);
        Assert.Equal("Try the premium plan", answer.OfferText);
    }

    [Fact]
    public void Should_AnswerNoPropositionAndEmptyText_When_TheCustomerHasNoSegment()
    {
        var customer = _workflow.Data.Contact();

        var answer = Ask(customer.ToEntityReference());

        Assert.Null(answer.Proposition);
        Assert.Equal(string.Empty, answer.OfferText);
    }

    [Fact]
    public void Should_RefuseWithTheCustomApisMessage_When_NoCustomerIsGiven()
    {
        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Ask(null));

        Assert.Equal("Choose a contact or an account as the customer to get an offer for.", refusal.Message);
    }

    [Fact]
    public void Should_GiveTheSameAnswerAsTheCustomApi_When_BothAreAskedForTheSameCustomer()
    {
        var data = _workflow.Data;
        var segment = data.Segment();
        data.ActiveProposition(segment, p => p.CompanyMargin = 10m);
        var best = data.ActiveProposition(segment, p => { p.CompanyMargin = 50m; p.OfferText = "Gold upgrade"; });
        var customer = data.Contact(c => c.CustomerSegmentId = segment.ToEntityReference());

        var api = _workflow.Crm.Service.Execute(
            new OrganizationRequest("cx_GetNextBestOffer") { ["Customer"] = customer.ToEntityReference() });
        var answer = Ask(customer.ToEntityReference());

        Assert.Equal(best.Id, answer.Proposition!.Id);
        Assert.Equal(((EntityReference)api["Proposition"]).Id, answer.Proposition.Id);
        Assert.Equal(api["OfferText"], answer.OfferText);
    }
}
