using System;
using Crm.Extensions.Domain.Network;
using static Crm.Extensions.Domain.Tests.Network.PartnerHealthTests;

namespace Crm.Extensions.Domain.Tests.Network;

public sealed class NetworkCoverageTests
{
    private static readonly Guid SegmentA = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid SegmentB = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid SegmentC = new("00000000-0000-0000-0000-00000000000c");
    private static readonly DateTime AsOf = Reviewed.AddDays(20);

    [Fact]
    public void Should_CountOnlyHealthyCriticalPartners_When_MeasuringCoverage()
    {
        var partners = new[]
        {
            Partner(segment: SegmentA),
            Partner(Criticality.Medium, segment: SegmentB),
            Partner(rating: 1, segment: SegmentC),
        };

        var coverage = NetworkCoverage.Calculate(new[] { SegmentA, SegmentB, SegmentC }, partners, AsOf);

        Assert.Equal((3, 1, 33.33m), (coverage.TargetSegments, coverage.CoveredSegments, coverage.CoveragePercent));
        Assert.Equal(new[] { SegmentB, SegmentC }, coverage.UncoveredSegments);
    }

    [Fact]
    public void Should_ReportZero_When_ThereAreNoTargetSegments()
    {
        var coverage = NetworkCoverage.Calculate(Array.Empty<Guid>(), new[] { Partner(segment: SegmentA) }, AsOf);

        Assert.Equal((0, 0, 0m), (coverage.TargetSegments, coverage.CoveredSegments, coverage.CoveragePercent));
    }

    [Fact]
    public void Should_ReportFullCoverage_When_EverySegmentHasAHealthyCriticalPartner()
    {
        var coverage = NetworkCoverage.Calculate(
            new[] { SegmentA, SegmentB, SegmentA },
            new[] { Partner(segment: SegmentA), Partner(segment: SegmentB), Partner(segment: SegmentB) }, AsOf);

        Assert.Equal(100m, coverage.CoveragePercent);
        Assert.Equal(2, coverage.TargetSegments);
    }
}
