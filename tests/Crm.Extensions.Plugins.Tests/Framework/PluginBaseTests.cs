using System;
using System.Collections.Generic;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Framework;
using Crm.Extensions.Plugins.Tests.Host;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Framework;

public sealed class PluginBaseTests
{
    [Fact]
    public void Should_RunTheHandler_When_TheEventWasDeclared()
    {
        var host = new PluginHost("Update", "contact", 20);
        host.Context.InputParameters["Target"] = new Entity("contact", Guid.NewGuid()) { ["firstname"] = "ana" };

        new CapitaliseFirstName().Execute(host);

        var target = (Entity)host.Context.InputParameters["Target"];
        Assert.Equal("Ana", target["firstname"]);
    }

    [Fact]
    public void Should_IgnoreAndTrace_When_TheEventWasNotDeclared()
    {
        var host = new PluginHost("Update", "account", 20);
        host.Context.InputParameters["Target"] = new Entity("account", Guid.NewGuid()) { ["name"] = "acme" };

        new CapitaliseFirstName().Execute(host);

        Assert.Equal("acme", ((Entity)host.Context.InputParameters["Target"])["name"]);
        Assert.Contains(host.Traces, t => t.Contains("no step is declared", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1033, "Birthdays cannot be in the future.")]
    [InlineData(3082, "La fecha de nacimiento no puede ser futura.")]
    public void Should_RefuseInTheUsersLanguage_When_ARuleIsBroken(int language, string expected)
    {
        var host = new PluginHost("Create", "contact", 10) { UserInterfaceLanguage = language };
        host.Context.InputParameters["Target"] = new Entity("contact");

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => new RefuseEverything().Execute(host));

        Assert.Equal(expected, refusal.Message);
        Assert.Equal(OperationStatus.Failed, refusal.Status);
    }

    [Fact]
    public void Should_ReadTheOperationTime_When_AHandlerAsksTheClock()
    {
        var host = new PluginHost("Update", "contact", 20);
        host.Context.InputParameters["Target"] = new Entity("contact", Guid.NewGuid());
        var plugin = new StampLastTouched();

        plugin.Execute(host);

        var target = (Entity)host.Context.InputParameters["Target"];
        Assert.Equal(host.Context.OperationCreatedOn, target["cx_lastinteractionon"]);
    }

    [Fact]
    public void Should_ListItsDeclarations_When_AskedForSteps()
    {
        var steps = new CapitaliseFirstName().Steps;

        var step = Assert.Single(steps);
        Assert.Equal(SdkMessage.Update, step.Message);
        Assert.Equal(new[] { "firstname" }, step.FilteringAttributes);
    }

    [Fact]
    public void Should_RefuseConstruction_When_AStepIsDeclaredTwice()
    {
        Assert.Throws<InvalidOperationException>(() => new DeclaresTwice());
    }

    private sealed class CapitaliseFirstName : PluginBase
    {
        public CapitaliseFirstName()
            : base(null, null)
        {
            Register(StepDeclaration.On(SdkMessage.Update, "contact", PipelineStage.PreOperation).Filter("firstname"), Capitalise);
        }

        private static void Capitalise(PluginContext context)
        {
            var name = context.Target.GetAttributeValue<string>("firstname");
            context.Target["firstname"] = char.ToUpperInvariant(name[0]) + name[1..];
        }
    }

    private sealed class RefuseEverything : PluginBase
    {
        public RefuseEverything()
            : base(null, null)
        {
            Register(
                StepDeclaration.On(SdkMessage.Create, "contact", PipelineStage.PreValidation),
                _ => throw new BusinessRuleException(
                    new LocalizedText("Birthdays cannot be in the future.", "La fecha de nacimiento no puede ser futura.")));
        }
    }

    private sealed class StampLastTouched : PluginBase
    {
        public StampLastTouched()
            : base(null, null)
        {
            Register(StepDeclaration.On(SdkMessage.Update, "contact", PipelineStage.PreOperation),
                c => c.Target["cx_lastinteractionon"] = c.Clock.UtcNow);
        }
    }

    private sealed class DeclaresTwice : PluginBase
    {
        public DeclaresTwice()
            : base(null, null)
        {
            var step = StepDeclaration.On(SdkMessage.Update, "contact", PipelineStage.PreOperation);
            Register(step.Filter("firstname"), _ => { });
            Register(step.Filter("lastname"), _ => { });
        }
    }
}
