using System;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.CrossSell;
using static Crm.Extensions.Domain.Tests.Loyalty.LoyaltyFixture;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class CrossSellEngineTests
{
    private static readonly Guid Drill = new("d0000000-0000-0000-0000-000000000001");
    private static readonly Guid DrillPro = new("d0000000-0000-0000-0000-000000000002");
    private static readonly Guid Bits = new("d0000000-0000-0000-0000-000000000003");
    private static readonly Guid Case = new("d0000000-0000-0000-0000-000000000004");
    private static readonly Guid OtherDrill = new("d0000000-0000-0000-0000-000000000005");
    private static readonly Guid[] Everything = { Drill, DrillPro, Bits, Case, OtherDrill };

    [Fact]
    public void Should_SuggestRelatedProductsBestFirst_When_TheCustomerOwnsTheSourceProduct()
    {
        var relationships = new[]
        {
            new ProductRelationship(Drill, DrillPro, SalesRelationshipType.UpSell, RelationshipDirection.Unidirectional),
            new ProductRelationship(Drill, Bits, SalesRelationshipType.CrossSell, RelationshipDirection.Unidirectional),
            new ProductRelationship(Drill, Case, SalesRelationshipType.Accessory, RelationshipDirection.Unidirectional),
        };

        var offers = CrossSellEngine.Suggest(Request(new[] { Drill }), relationships, CrossSellScoring.Default);

        Assert.Equal(new[] { Bits, Case, DrillPro }, offers.Select(offer => offer.ProductId));
        Assert.Equal(new[] { 1.0m, 0.9m, 0.8m }, offers.Select(offer => offer.Score));
        Assert.Equal($"crosssell:{Customer}:{Bits}", offers[0].Key);
        Assert.All(offers, offer => Assert.Equal(Drill, offer.SourceProductId));
    }

    [Fact]
    public void Should_NotSuggestTheMainProduct_When_TheCustomerOwnsOnlyItsAccessoryEvenIfTheRowSaysBidirectional()
    {
        var relationships = new[] {
            new ProductRelationship(Drill, Case, SalesRelationshipType.Accessory, RelationshipDirection.Bidirectional) };

        Assert.Empty(CrossSellEngine.Suggest(Request(new[] { Case }), relationships, CrossSellScoring.Default));
    }

    [Fact]
    public void Should_SuggestBothWays_When_TheRelationshipIsASubstituteEvenIfTheRowSaysUnidirectional()
    {
        var relationships = new[] {
            new ProductRelationship(Drill, OtherDrill, SalesRelationshipType.Substitute, RelationshipDirection.Unidirectional) };

        var offer = Assert.Single(CrossSellEngine.Suggest(Request(new[] { OtherDrill }), relationships, CrossSellScoring.Default));

        Assert.Equal(Drill, offer.ProductId);
    }

    [Fact]
    public void Should_FollowTheRowsDirection_When_TheRelationshipIsACrossSell()
    {
        var oneWay = new[] { new ProductRelationship(Drill, Bits, SalesRelationshipType.CrossSell, RelationshipDirection.Unidirectional) };
        var bothWays = new[] { oneWay[0] with { Direction = RelationshipDirection.Bidirectional } };

        Assert.Empty(CrossSellEngine.Suggest(Request(new[] { Bits }), oneWay, CrossSellScoring.Default));
        Assert.Equal(Drill, Assert.Single(CrossSellEngine.Suggest(Request(new[] { Bits }), bothWays, CrossSellScoring.Default)).ProductId);
    }

    [Fact]
    public void Should_LeaveOutBoughtOffListAndAlreadyOfferedProducts_When_BuildingOffers()
    {
        var relationships = new[]
        {
            new ProductRelationship(Drill, DrillPro, SalesRelationshipType.UpSell, RelationshipDirection.Unidirectional),
            new ProductRelationship(Drill, Bits, SalesRelationshipType.CrossSell, RelationshipDirection.Unidirectional),
            new ProductRelationship(Drill, Case, SalesRelationshipType.Accessory, RelationshipDirection.Unidirectional),
            new ProductRelationship(Drill, OtherDrill, SalesRelationshipType.Substitute, RelationshipDirection.Bidirectional),
        };
        var request = Request(new[] { Drill }) with
        {
            PurchasedProducts = new[] { Bits },
            PriceListProducts = new[] { Drill, Bits, Case, OtherDrill },
            ExistingOfferKeys = new[] { CrossSellSuggestion.KeyFor(Customer, Case) },
        };

        var offer = Assert.Single(CrossSellEngine.Suggest(request, relationships, CrossSellScoring.Default));

        Assert.Equal(OtherDrill, offer.ProductId);
    }

    [Fact]
    public void Should_MakeOneOfferPerProductWithTheBestScore_When_SeveralOwnedProductsLeadToIt()
    {
        var relationships = new[]
        {
            new ProductRelationship(Drill, Case, SalesRelationshipType.Accessory, RelationshipDirection.Unidirectional),
            new ProductRelationship(Bits, Case, SalesRelationshipType.CrossSell, RelationshipDirection.Unidirectional),
        };

        var offer = Assert.Single(CrossSellEngine.Suggest(Request(new[] { Drill, Bits }), relationships, CrossSellScoring.Default));

        Assert.Equal(SalesRelationshipType.CrossSell, offer.Type);
        Assert.Equal(Bits, offer.SourceProductId);
    }

    [Fact]
    public void Should_RankTheUpSellFirst_When_TheCustomerIsAChampion()
    {
        var relationships = new[]
        {
            new ProductRelationship(Drill, DrillPro, SalesRelationshipType.UpSell, RelationshipDirection.Unidirectional),
            new ProductRelationship(Drill, Bits, SalesRelationshipType.CrossSell, RelationshipDirection.Unidirectional),
        };

        var offers = CrossSellEngine.Suggest(Request(new[] { Drill }) with { Segment = "champions" }, relationships,
            CrossSellScoring.Default);

        Assert.Equal(DrillPro, offers[0].ProductId);
        Assert.Equal(1.2m, offers[0].Score);
    }

    private static CrossSellRequest Request(Guid[] owned) =>
        new(Customer, Family, owned) { PriceListProducts = Everything };
}
