using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;

namespace Crm.Extensions.Sdk.Tests.Behaviour;

/// <summary>(c) The contract's Entity behaves as the SDK documents it; the emulator and tests run on it.</summary>
public sealed class EntityTests
{
    [Fact]
    public void Should_ThrowKeyNotFound_When_IndexingAnAbsentColumn()
    {
        var contact = new Entity("contact");

        Assert.Throws<KeyNotFoundException>(() => contact["firstname"]);
    }

    [Fact]
    public void Should_StoreInAttributes_When_SettingThroughTheIndexer()
    {
        var contact = new Entity("contact") { ["firstname"] = "Ana" };

        Assert.True(contact.Contains("firstname"));
        Assert.Equal("Ana", contact.Attributes["firstname"]);
    }

    [Fact]
    public void Should_ReturnDefault_When_GettingAnAbsentOrNullColumn()
    {
        var contact = new Entity("contact") { ["birthdate"] = null };

        Assert.Null(contact.GetAttributeValue<string>("firstname"));
        Assert.Null(contact.GetAttributeValue<int?>("numberofchildren"));
        Assert.Equal(DateTime.MinValue, contact.GetAttributeValue<DateTime>("birthdate"));
        Assert.Equal(0, contact.GetAttributeValue<int>("numberofchildren"));
    }

    [Fact]
    public void Should_ThrowInvalidCast_When_GettingAColumnAsAnotherType()
    {
        var contact = new Entity("contact") { ["firstname"] = "Ana" };

        Assert.Throws<InvalidCastException>(() => contact.GetAttributeValue<Money>("firstname"));
    }

    [Fact]
    public void Should_ReportFalse_When_TryGettingAColumnOfAnotherType()
    {
        var contact = new Entity("contact") { ["firstname"] = "Ana" };

        Assert.False(contact.TryGetAttributeValue<Money>("firstname", out var money));
        Assert.Null(money);
        Assert.True(contact.TryGetAttributeValue<string>("firstname", out var name));
        Assert.Equal("Ana", name);
    }

    [Fact]
    public void Should_PointAtTheRow_When_ConvertedToAReference()
    {
        var id = Guid.NewGuid();

        var reference = new Entity("account", id).ToEntityReference();

        Assert.Equal(new EntityReference("account", id), reference);
    }

    [Fact]
    public void Should_ShareColumns_When_ConvertedToAnEarlyBoundType()
    {
        var late = new Entity("contact", Guid.NewGuid()) { ["firstname"] = "Ana" };

        var early = late.ToEntity<TestContact>();
        early.FirstName = "Eva";

        Assert.Equal(late.Id, early.Id);
        Assert.Equal("Eva", late["firstname"]);
    }

    [Fact]
    public void Should_Refuse_When_ConvertingToAnEarlyBoundTypeOfAnotherTable()
    {
        var account = new Entity("account", Guid.NewGuid());

        Assert.Throws<NotSupportedException>(() => account.ToEntity<TestContact>());
    }

    [EntityLogicalName("contact")]
    private sealed class TestContact : Entity
    {
        public TestContact()
            : base("contact")
        {
        }

        [AttributeLogicalName("firstname")]
        public string? FirstName
        {
            get => GetAttributeValue<string>("firstname");
            set => SetAttributeValue("firstname", value);
        }
    }
}
