using System;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Sdk.Tests.Behaviour;

public sealed class ValueTests
{
    [Fact]
    public void Should_BeEqual_When_ReferencesPointAtTheSameRow()
    {
        var id = Guid.NewGuid();

        Assert.Equal(new EntityReference("contact", id) { Name = "Ana" }, new EntityReference("contact", id));
        Assert.NotEqual(new EntityReference("contact", id), new EntityReference("account", id));
        Assert.Equal(new EntityReference("contact", id).GetHashCode(), new EntityReference("contact", id).GetHashCode());
    }

    [Fact]
    public void Should_BeEqual_When_ValuesMatch()
    {
        Assert.Equal(new OptionSetValue(586700000), new OptionSetValue(586700000));
        Assert.NotEqual(new OptionSetValue(586700000), new OptionSetValue(586700001));
        Assert.Equal(new Money(12.5m), new Money(12.5m));
    }

    [Fact]
    public void Should_ExposeItsParts_When_AnAliasedValueIsBuilt()
    {
        var aliased = new AliasedValue("account", "revenue", new Money(10m));

        Assert.Equal("account", aliased.EntityLogicalName);
        Assert.Equal("revenue", aliased.AttributeLogicalName);
        Assert.Equal(new Money(10m), aliased.Value);
    }

    [Fact]
    public void Should_CarryStatusAndCode_When_APluginRefuses()
    {
        var refusal = new InvalidPluginExecutionException(OperationStatus.Retry, -2147220891, "Try again.");

        Assert.Equal(OperationStatus.Retry, refusal.Status);
        Assert.Equal(-2147220891, refusal.ErrorCode);
        Assert.Equal("Try again.", refusal.Message);
        Assert.Equal(OperationStatus.Failed, new InvalidPluginExecutionException("No.").Status);
    }
}
