using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Tests.Solution;

/// <summary>
/// Over every plugin of the product: filtering attributes on every Update step. (Images that name no column are refused by
/// StepDeclaration itself.)
/// </summary>
public sealed class StepDeclarationRulesTests
{
    private static IEnumerable<(string Plugin, StepDeclaration Step)> ProductSteps() =>
        typeof(PluginBase).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PluginBase)) && !t.IsAbstract)
            .SelectMany(t => ((PluginBase)Activator.CreateInstance(t, new object?[] { null, null })!).Steps.Select(step => (t.Name, step)));

    [Fact]
    public void Should_FilterEveryUpdateStep_When_TheProductDeclaresItsSteps()
    {
        var unfiltered = ProductSteps()
            .Where(s => s.Step.Message == SdkMessage.Update && s.Step.FilteringAttributes.Count == 0)
            .Select(s => s.Plugin + ": " + s.Step)
            .ToList();

        Assert.Contains(ProductSteps(), s => s.Step.Message == SdkMessage.Update);
        Assert.Empty(unfiltered);
    }
}
