using System;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Tests.Framework;

public sealed class StepDeclarationTests
{
    [Fact]
    public void Should_SortAndDeduplicateColumns_When_FilteringAnUpdate()
    {
        var step = StepDeclaration.On(SdkMessage.Update, "contact", PipelineStage.PreOperation).Filter("lastname", "firstname", "lastname");

        Assert.Equal(new[] { "firstname", "lastname" }, step.FilteringAttributes);
    }

    [Fact]
    public void Should_Refuse_When_FilteringAMessageWithoutFilteringAttributes()
    {
        var create = StepDeclaration.On(SdkMessage.Create, "contact", PipelineStage.PreOperation);

        Assert.Throws<InvalidOperationException>(() => create.Filter("firstname"));
    }

    [Fact]
    public void Should_Refuse_When_AskingForAnImageThePlatformNeverSupplies()
    {
        Assert.Throws<InvalidOperationException>(
            () => StepDeclaration.On(SdkMessage.Create, "contact", PipelineStage.PostOperation).WithPreImage("firstname"));
        Assert.Throws<InvalidOperationException>(
            () => StepDeclaration.On(SdkMessage.Update, "contact", PipelineStage.PreOperation).WithPostImage("firstname"));
        Assert.Throws<InvalidOperationException>(
            () => StepDeclaration.On(SdkMessage.Delete, "contact", PipelineStage.PostOperation).WithPostImage("firstname"));
    }

    [Fact]
    public void Should_Refuse_When_AnImageNamesNoColumns()
    {
        var update = StepDeclaration.On(SdkMessage.Update, "contact", PipelineStage.PostOperation);

        Assert.Throws<ArgumentException>(() => update.WithPreImage());
    }

    [Fact]
    public void Should_Refuse_When_AnAsyncStepIsNotPostOperation()
    {
        var preOperation = StepDeclaration.On(SdkMessage.Update, "contact", PipelineStage.PreOperation);

        Assert.Throws<InvalidOperationException>(() => preOperation.Async());
    }

    [Fact]
    public void Should_MatchOnlyItsOwnEvent_When_ThePlatformCalls()
    {
        var step = StepDeclaration.On(SdkMessage.Update, "contact", PipelineStage.PostOperation).Async();

        Assert.True(step.Matches("Update", "contact", 40, 1));
        Assert.False(step.Matches("Update", "contact", 40, 0));
        Assert.False(step.Matches("Update", "account", 40, 1));
        Assert.False(step.Matches("Create", "contact", 40, 1));
    }

    [Fact]
    public void Should_RunAtMainOperation_When_DeclaredForACustomApi()
    {
        var step = StepDeclaration.ForCustomApi("cx_RedeemReward");

        Assert.Equal(PipelineStage.MainOperation, step.Stage);
        Assert.Equal("cx_RedeemReward", step.Message.Name);
        Assert.True(step.Matches("cx_RedeemReward", "none", 30, 0));
    }
}
