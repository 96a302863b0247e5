using System;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Sdk.Tests.Behaviour;

public sealed class CollectionTests
{
    [Fact]
    public void Should_AddAndCopy_When_UsingAListCollection()
    {
        var references = new EntityReferenceCollection();
        var first = new EntityReference("contact", Guid.NewGuid());
        var second = new EntityReference("contact", Guid.NewGuid());

        references.AddRange(first, second);

        Assert.Equal(new[] { first, second }, references.ToArray());
    }

    [Fact]
    public void Should_ReturnTypedValues_When_TryingParametersByType()
    {
        var parameters = new ParameterCollection { { "Target", new Entity("contact") } };

        Assert.True(parameters.TryGetValue<Entity>("Target", out var target));
        Assert.Equal("contact", target.LogicalName);
        Assert.False(parameters.TryGetValue<EntityReference>("Target", out _));
        Assert.False(parameters.TryGetValue<Entity>("Missing", out _));
    }

    [Fact]
    public void Should_SkipNulls_When_AddingOrUpdatingIfNotNull()
    {
        var parameters = new ParameterCollection();

        parameters.AddOrUpdateIfNotNull("tag", null!);
        parameters.AddOrUpdateIfNotNull("depth", 2);
        parameters.AddOrUpdateIfNotNull("depth", 3);

        Assert.False(parameters.ContainsKey("tag"));
        Assert.Equal(3, parameters["depth"]);
    }

    [Fact]
    public void Should_RejectDuplicates_When_AddingAKeyTwice()
    {
        var attributes = new AttributeCollection { { "name", "A" } };

        Assert.Throws<ArgumentException>(() => attributes.Add("name", "B"));
    }
}
