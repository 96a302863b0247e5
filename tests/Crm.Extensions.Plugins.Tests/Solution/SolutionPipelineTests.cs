using System.Linq;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;
using Crm.Extensions.Plugins.Tests.Infrastructure;

namespace Crm.Extensions.Plugins.Tests.Solution;

/// <summary>The product's solution and its plugin assembly load together in the emulator, as they deploy.</summary>
public sealed class SolutionPipelineTests
{
    [Fact]
    public void Should_StoreAContact_When_CreatedThroughTheProductSolution()
    {
        var crm = ProductSolution.Start();

        var id = crm.Service.Create(new Contact { LastName = "Pérez" });

        Assert.Equal("Pérez", crm.Get(Contact.EntityLogicalName, id)!.ToEntity<Contact>().LastName);
    }

    [Fact]
    public void Should_ResolveEveryRegisteredPluginType_When_TheSolutionDeclaresSteps()
    {
        var crm = ProductSolution.Start();

        var declared = typeof(PluginBase).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PluginBase)) && !t.IsAbstract)
            .Select(t => t.FullName!)
            .OrderBy(n => n)
            .ToList();

        // A custom API's plugin has no step: customapi.xml binds it (stage 30).
        var registered = crm.Metadata.Steps.Select(s => s.PluginTypeName)
            .Concat(crm.Metadata.CustomApis.Values.Select(a => a.PluginTypeName!).Where(n => n is not null));
        Assert.Equal(declared, registered.Distinct().OrderBy(n => n).ToList());
    }
}
