using System.Linq;
using System.Reflection;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;

namespace Crm.Extensions.Cli.Tests;

/// <summary>The generated classes behave like early-bound types: typed properties over the late-bound attribute bag.</summary>
public sealed class EarlyBoundTests
{
    [Fact]
    public void Should_StoreTheChoiceValue_When_SettingAnEnumProperty()
    {
        var interaction = new Interaction { Channel = GlobalChoices.InteractionChannel.Phone,
            Kind = GlobalChoices.InteractionDataKind.Preference };

        Assert.Equal(586700000, interaction.GetAttributeValue<OptionSetValue>(Interaction.Fields.Channel).Value);
        Assert.Equal(GlobalChoices.InteractionDataKind.Preference, interaction.Kind);
        Assert.Equal("cx_interaction", interaction.LogicalName);
    }

    [Fact]
    public void Should_UseTheLogicalNames_When_ReadingConstantsAndAttributes()
    {
        Assert.Equal("cx_sourcekey", LoyaltyTransaction.Fields.SourceKey);
        Assert.Equal("cx_loyaltytierid", Contact.Fields.LoyaltyTierId);
        Assert.Equal("cx_loyaltytransaction", typeof(LoyaltyTransaction).GetCustomAttribute<EntityLogicalNameAttribute>()!.LogicalName);
        Assert.Equal(
            LoyaltyTransaction.Fields.Points,
            typeof(LoyaltyTransaction).GetProperty(nameof(LoyaltyTransaction.Points))!
                .GetCustomAttribute<AttributeLogicalNameAttribute>()!.LogicalName);
    }

    [Fact]
    public void Should_ClearTheColumn_When_SettingNull()
    {
        var journey = new LoyaltyJourney { Phase = GlobalChoices.LoyaltyPhase.IIGrowth, PurchaseCount = 2 };

        journey.Phase = null;

        Assert.Null(journey.Phase);
        Assert.Equal(2, journey.PurchaseCount);
        Assert.Equal(new[] { "cx_phase", "cx_purchasecount" }, journey.Attributes.Keys.Order().ToArray());
    }

    [Fact]
    public void Should_EnumerateLocalChoices_When_AColumnHasItsOwn()
    {
        var strategy = new CrmStrategy { CurrentStep = CrmStrategy.CurrentStepChoice.Option2CustomerIntimacy };

        Assert.Equal(586700001, (int)strategy.CurrentStep!);
    }
}
