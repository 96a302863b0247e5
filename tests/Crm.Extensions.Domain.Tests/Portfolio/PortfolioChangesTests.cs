using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Portfolio;
using static Crm.Extensions.Domain.Tests.Portfolio.PortfolioTestData;

namespace Crm.Extensions.Domain.Tests.Portfolio;

public sealed class PortfolioChangesTests
{
    private static CustomerPortfolioResult Result(int n, RfmSegment segment, bool target = false) =>
        new(Contact(n), 10, 2, 100m, 40m, 3, 3, 3, segment, 80m, target);

    [Fact]
    public void Should_WriteOnlyNewOrChangedRows_When_SomeAreUnchanged()
    {
        var stored = new Dictionary<CustomerKey, CustomerPortfolioResult>
        {
            [Contact(1)] = Result(1, RfmSegment.NeedAttention),
            [Contact(2)] = Result(2, RfmSegment.NeedAttention),
        };
        var results = new[] { Result(1, RfmSegment.NeedAttention), Result(2, RfmSegment.NeedAttention, target: true),
            Result(3, RfmSegment.Loyal) };

        var toWrite = PortfolioChanges.ToWrite(stored, results);

        Assert.Equal(new[] { Contact(2), Contact(3) }, toWrite.Select(r => r.Customer));
    }

    [Fact]
    public void Should_WriteNothing_When_TheAnalysisIsRerunOnUnchangedData()
    {
        var results = new[] { Result(1, RfmSegment.Loyal), Result(2, RfmSegment.New) };

        Assert.Empty(PortfolioChanges.ToWrite(results.ToDictionary(r => r.Customer), results));
    }

    [Fact]
    public void Should_SplitIntoBatchesOfAThousand_When_ManyRowsChanged()
    {
        var rows = Enumerable.Range(0, 2500).ToList();

        var batches = PortfolioChanges.Batches(rows);

        Assert.Equal(new[] { 1000, 1000, 500 }, batches.Select(b => b.Count));
        Assert.Equal(2499, batches[2][499]);
        Assert.Empty(PortfolioChanges.Batches(Array.Empty<int>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => PortfolioChanges.Batches(rows, 0));
    }

    [Fact]
    public void Should_NameEveryGroupInBothLanguages_When_AskedForDisplayNames()
    {
        foreach (RfmSegment segment in Enum.GetValues(typeof(RfmSegment)))
        {
            var name = RfmSegmentNames.For(new SegmentGroup(CustomerType.Account, segment));
            Assert.EndsWith(" (accounts)", name.English, StringComparison.Ordinal);
            Assert.EndsWith(" (cuentas)", name.Spanish, StringComparison.Ordinal);
        }

        Assert.Equal("Campeones (contactos)", RfmSegmentNames.For(new SegmentGroup(CustomerType.Contact, RfmSegment.Champions)).Spanish);
    }
}
