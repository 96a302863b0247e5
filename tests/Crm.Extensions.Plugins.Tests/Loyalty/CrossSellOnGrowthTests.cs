using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// Entering phase II creates cross-sell offers from productsubstitute rows of the products the customer bought in the
/// family, honouring direction, excluding bought products and products off the customer's price list, scored by type
/// and segment, one per customer and product.
/// </summary>
public sealed class CrossSellOnGrowthTests
{
    private const int UpSell = 0, CrossSell = 1, Accessory = 2, Substitute = 3, Bidirectional = 1;

    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly PriceLevel _priceList;
    private readonly Product _family;
    private readonly Product _owned;
    private readonly Contact _customer;

    public CrossSellOnGrowthTests()
    {
        _priceList = Data.PriceList();
        _family = Data.Product();
        _owned = Data.ProductIn(_family);
        _customer = Data.Contact(c => c[Contact.Fields.DefaultPriceLevelId] = _priceList.ToEntityReference());
        Data.Bought(_customer, _owned);
    }

    private DataProducer Data => new(_crm);

    [Fact]
    public void Should_OfferRelatedProductsScoredByType_When_AJourneyEntersPhaseTwo()
    {
        var cable = Sellable();
        var case_ = Sellable();
        var rival = Sellable();
        Data.Relationship(_owned, cable, CrossSell);
        Data.Relationship(_owned, case_, Accessory);
        Data.Relationship(rival, _owned, Substitute);
        var journey = Data.Journey(_customer, _family);
        _crm.Requests.Reset();

        EnterGrowth(journey);

        var offers = Offers();
        Assert.Equal(3, offers.Count);
        // Customer, purchases, products in the family, relationships, price list items, existing offers; one Upsert per offer.
        // Plus the journey guard's one look-up of the SYSTEM user, as SYSTEM both started and made this write.
        Assert.Equal(7, _crm.Requests.PluginCount("RetrieveMultiple"));
        Assert.Equal(3, _crm.Requests.PluginCount("Upsert"));
        Assert.Equal(0, _crm.Requests.PluginCount("Retrieve"));
        Assert.Equal((int)CrossSellOffer.OfferTypeChoice.CrossSell,
            offers[cable.Id].GetAttributeValue<OptionSetValue>(CrossSellOffer.Fields.OfferType).Value);
        Assert.Equal(1.0m, offers[cable.Id].GetAttributeValue<decimal>(CrossSellOffer.Fields.Score));
        Assert.Equal(0.9m, offers[case_.Id].GetAttributeValue<decimal>(CrossSellOffer.Fields.Score));
        Assert.Equal(0.4m, offers[rival.Id].GetAttributeValue<decimal>(CrossSellOffer.Fields.Score));
        Assert.Equal(_owned.Id, offers[cable.Id].GetAttributeValue<EntityReference>(CrossSellOffer.Fields.SourceProductId).Id);
        Assert.Equal(journey.Id, offers[cable.Id].GetAttributeValue<EntityReference>(CrossSellOffer.Fields.LoyaltyJourneyId).Id);
        Assert.Equal((int)CrossSellOffer.OfferStatusChoice.Open,
            offers[cable.Id].GetAttributeValue<OptionSetValue>(CrossSellOffer.Fields.OfferStatus).Value);
        Assert.Contains(_crm.FiredSteps,
            s => s.PluginType == typeof(CrossSellOnGrowth).FullName && s.Message == "Update" && s.Stage == 40 && s.IsAsync);
    }

    [Fact]
    public void Should_HonourDirection_When_AnUpSellPointsAtTheOwnedProductOneWay()
    {
        var cheaper = Sellable();
        var premium = Sellable();
        Data.Relationship(cheaper, _owned, UpSell);
        Data.Relationship(premium, _owned, CrossSell, Bidirectional);
        var journey = Data.Journey(_customer, _family);

        EnterGrowth(journey);

        Assert.Equal(new[] { premium.Id }, Offers().Keys);
    }

    [Fact]
    public void Should_OfferNothingBoughtNorOffThePriceList_When_EnteringPhaseTwo()
    {
        var alreadyBought = Sellable();
        Data.Bought(_customer, alreadyBought);
        var notOnPriceList = Data.Product();
        var eligible = Sellable();
        Data.Relationship(_owned, alreadyBought, CrossSell);
        Data.Relationship(_owned, notOnPriceList, CrossSell);
        Data.Relationship(_owned, eligible, CrossSell);
        var journey = Data.Journey(_customer, _family);

        EnterGrowth(journey);

        Assert.Equal(new[] { eligible.Id }, Offers().Keys);
    }

    [Fact]
    public void Should_ScoreUpSellsHigher_When_TheCustomerIsAChampion()
    {
        var champions = Data.Segment(s => s.SegmentCode = GlobalChoices.RFMSegment.Champions);
        Product.Update(
            new Entity(Contact.EntityLogicalName, _customer.Id) { [Contact.Fields.CustomerSegmentId] = champions.ToEntityReference() });
        var premium = Sellable();
        Data.Relationship(_owned, premium, UpSell);
        var journey = Data.Journey(_customer, _family);

        EnterGrowth(journey);

        Assert.Equal(1.2m, Offers()[premium.Id].GetAttributeValue<decimal>(CrossSellOffer.Fields.Score));
    }

    [Fact]
    public void Should_WriteNoDuplicateNorReopenAnOffer_When_TheJourneyEntersPhaseTwoAgain()
    {
        var cable = Sellable();
        Data.Relationship(_owned, cable, CrossSell);
        var journey = Data.Journey(_customer, _family);
        EnterGrowth(journey);
        var offer = Offers()[cable.Id];
        _crm.Service.Update(
            new Entity(CrossSellOffer.EntityLogicalName, offer.Id) {
                [CrossSellOffer.Fields.OfferStatus] = new OptionSetValue((int)CrossSellOffer.OfferStatusChoice.Declined) });

        SetPhase(journey, GlobalChoices.LoyaltyPhase.IKnowledge);
        EnterGrowth(journey);

        var stored = Assert.Single(_crm.All(CrossSellOffer.EntityLogicalName));
        Assert.Equal((int)CrossSellOffer.OfferStatusChoice.Declined,
            stored.GetAttributeValue<OptionSetValue>(CrossSellOffer.Fields.OfferStatus).Value);
        // Both entries into phase II and the move back to phase I fired the filtered step; only the entries offered.
        Assert.Equal(3, _crm.FiredSteps.Count(s => s.PluginType == typeof(CrossSellOnGrowth).FullName && s.Message == "Update"));
    }

    [Fact]
    public void Should_WriteEachOfferOnce_When_TwoQueuedJobsRunForTheSameGrowthEntry()
    {
        var cable = Sellable();
        Data.Relationship(_owned, cable, CrossSell);
        var journey = Data.Journey(_customer, _family);
        SetPhase(journey, GlobalChoices.LoyaltyPhase.IIGrowth);
        SetPhase(journey, GlobalChoices.LoyaltyPhase.IKnowledge);
        SetPhase(journey, GlobalChoices.LoyaltyPhase.IIGrowth);

        _crm.DrainAsyncJobs();

        Assert.Single(_crm.All(CrossSellOffer.EntityLogicalName));
    }

    [Fact]
    public void Should_OfferFromTheCreateImage_When_AJourneyIsCreatedInPhaseTwo()
    {
        var cable = Sellable();
        Data.Relationship(_owned, cable, CrossSell);

        var journeyId = _crm.Service.Create(new Entity(LoyaltyJourney.EntityLogicalName)
        {
            [LoyaltyJourney.Fields.Name] = "Journey",
            [LoyaltyJourney.Fields.CustomerId] = _customer.ToEntityReference(),
            [LoyaltyJourney.Fields.ProductFamilyId] = _family.ToEntityReference(),
            [LoyaltyJourney.Fields.Phase] = new OptionSetValue((int)GlobalChoices.LoyaltyPhase.IIGrowth),
        });
        _crm.DrainAsyncJobs();

        Assert.Equal(journeyId, Offers()[cable.Id].GetAttributeValue<EntityReference>(CrossSellOffer.Fields.LoyaltyJourneyId).Id);
        Assert.Contains(_crm.FiredSteps,
            s => s.PluginType == typeof(CrossSellOnGrowth).FullName && s.Message == "Create" && s.Stage == 40 && s.IsAsync);
        Assert.Equal(0, _crm.Requests.PluginCount("Retrieve"));
    }

    [Fact]
    public void Should_OfferNothing_When_TheJourneyMovesFromPhaseTwoToThree()
    {
        var cable = Sellable();
        Data.Relationship(_owned, cable, CrossSell);
        var journey = Data.Journey(_customer, _family,
            j => j[LoyaltyJourney.Fields.Phase] = new OptionSetValue((int)GlobalChoices.LoyaltyPhase.IIGrowth));
        _crm.Requests.Reset();

        SetPhase(journey, GlobalChoices.LoyaltyPhase.IIIRetention);
        _crm.DrainAsyncJobs();

        Assert.Equal(0, _crm.Count(CrossSellOffer.EntityLogicalName));
        // Only the journey guard's look-up of the SYSTEM user (SYSTEM started this write); the cross-sell step reads nothing.
        Assert.Equal(1, _crm.Requests.PluginTotal);
    }

    [Fact]
    public void Should_OfferNothing_When_TheCustomerHasNoDefaultPriceList()
    {
        _crm.Service.Update(new Entity(Contact.EntityLogicalName, _customer.Id) { [Contact.Fields.DefaultPriceLevelId] = null });
        Data.Relationship(_owned, Sellable(), CrossSell);
        var journey = Data.Journey(_customer, _family);

        EnterGrowth(journey);

        Assert.Equal(0, _crm.Count(CrossSellOffer.EntityLogicalName));
    }

    [Fact]
    public void Should_CreateOffers_When_ASecondPaidPurchaseInTheFamilyMovesTheJourneyToPhaseTwo()
    {
        Data.Program();
        var cable = Sellable();
        Data.Relationship(_owned, cable, CrossSell);
        var first = Data.Invoice(_customer);
        Data.Line(first, _owned);
        Data.Pay(first);
        _crm.DrainAsyncJobs();
        var second = Data.Invoice(_customer);
        Data.Line(second, _owned);

        Data.Pay(second);
        _crm.DrainAsyncJobs();

        Assert.Equal(new[] { cable.Id }, Offers().Keys);
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(CrossSellOnGrowth).FullName && s.IsAsync);
    }

    /// <summary>A product on the customer's price list, outside the family (cross-sell may cross families).</summary>
    private Product Sellable()
    {
        var product = Data.Product();
        Data.PriceListItem(_priceList, product);
        return product;
    }

    private void EnterGrowth(LoyaltyJourney journey)
    {
        SetPhase(journey, GlobalChoices.LoyaltyPhase.IIGrowth);
        _crm.DrainAsyncJobs();
    }

    /// <summary>
    /// The phase and the segment are product-managed (GuardLoyaltyColumns): the product writes them as SYSTEM, so the test does.
    /// </summary>
    private IOrganizationService Product => _crm.ServiceAs(_crm.Users.SystemUserId);

    private void SetPhase(LoyaltyJourney journey, GlobalChoices.LoyaltyPhase phase) =>
        Product.Update(
            new Entity(LoyaltyJourney.EntityLogicalName, journey.Id) { [LoyaltyJourney.Fields.Phase] = new OptionSetValue((int)phase) });

    private Dictionary<Guid, Entity> Offers() =>
        _crm.All(CrossSellOffer.EntityLogicalName)
            .ToDictionary(o => o.GetAttributeValue<EntityReference>(CrossSellOffer.Fields.ProductId).Id);
}
