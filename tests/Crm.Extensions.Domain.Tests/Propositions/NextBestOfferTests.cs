using System;
using Crm.Extensions.Domain.Propositions;

namespace Crm.Extensions.Domain.Tests.Propositions;

public sealed class NextBestOfferTests
{
    private static readonly Guid Segment = Guid.NewGuid();
    private static readonly Guid Drill = Guid.NewGuid();
    private static readonly Guid Saw = Guid.NewGuid();

    private static Proposition Offer(string name, decimal? margin, Guid? product = null, bool active = true, Guid? segment = null,
        int id = 1) =>
        new(new Guid(id, 0, 0, new byte[8]), segment ?? Segment, name, "benefit", margin, active, product);

    [Fact]
    public void Should_PickTheHighestMargin_When_SeveralOffersFit()
    {
        var best = NextBestOffer.Select(new[] { Offer("A", 20m, Drill), Offer("B", 30m, Saw), Offer("C", 25m) }, Segment,
            Array.Empty<Guid>());

        Assert.Equal("B", best!.Name);
    }

    [Fact]
    public void Should_SkipProductsAlreadyBought_When_TheBestOfferIsOneOfThem()
    {
        var best = NextBestOffer.Select(new[] { Offer("A", 20m, Drill), Offer("B", 30m, Saw) }, Segment, new[] { Saw });

        Assert.Equal("A", best!.Name);
    }

    [Fact]
    public void Should_IgnoreInactiveAndOtherSegments_When_Choosing()
    {
        var best = NextBestOffer.Select(
            new[] { Offer("Inactive", 90m, active: false), Offer("Elsewhere", 80m, segment: Guid.NewGuid()), Offer("Mine", 16m) }, Segment,
            Array.Empty<Guid>());

        Assert.Equal("Mine", best!.Name);
    }

    [Fact]
    public void Should_BreakTiesByNameThenId_When_MarginsAreEqual()
    {
        var offers = new[] { Offer("Beta", 20m, id: 1), Offer("Alpha", 20m, id: 3), Offer("Alpha", 20m, id: 2) };

        var best = NextBestOffer.Select(offers, Segment, Array.Empty<Guid>());

        Assert.Equal(new Guid(2, 0, 0, new byte[8]), best!.Id);
    }

    [Fact]
    public void Should_ReturnNothing_When_EverythingWasBoughtOrTheCustomerHasNoSegment()
    {
        Assert.Null(NextBestOffer.Select(new[] { Offer("A", 20m, Drill) }, Segment, new[] { Drill }));
        Assert.Null(NextBestOffer.Select(new[] { Offer("A", 20m) }, null, Array.Empty<Guid>()));
    }
}
