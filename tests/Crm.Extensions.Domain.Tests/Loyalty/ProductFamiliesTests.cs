using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Loyalty.Journeys;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class ProductFamiliesTests
{
    private static readonly Guid Root = new("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Middle = new("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Leaf = new("00000000-0000-0000-0000-000000000003");

    [Fact]
    public void Should_ReturnTheTopLevelParent_When_AProductSitsSeveralLevelsDown()
    {
        var parents = new Dictionary<Guid, Guid?> { [Leaf] = Middle, [Middle] = Root, [Root] = null };

        Assert.Equal(Root, ProductFamilies.FamilyOf(Leaf, parents));
        Assert.Equal(Root, ProductFamilies.FamilyOf(Root, parents));
    }

    [Fact]
    public void Should_BeItsOwnFamily_When_TheProductHasNoKnownParent()
    {
        Assert.Equal(Leaf, ProductFamilies.FamilyOf(Leaf, new Dictionary<Guid, Guid?>()));
    }

    [Fact]
    public void Should_StopAndPickOneFamilyForTheWholeLoop_When_ParentsFormACycle()
    {
        var parents = new Dictionary<Guid, Guid?> { [Leaf] = Middle, [Middle] = Root, [Root] = Leaf };

        Assert.Equal(Root, ProductFamilies.FamilyOf(Leaf, parents));
        Assert.Equal(Root, ProductFamilies.FamilyOf(Middle, parents));
    }
}
