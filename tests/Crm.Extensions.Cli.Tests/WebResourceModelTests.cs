using System.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Tests;

/// <summary>The model's form scripts and ribbon commands only use declared web resources and existing forms.</summary>
public sealed class WebResourceModelTests
{
    [Fact]
    public void Should_UseDeclaredLibraries_When_RegisteringScriptsAndCommands()
    {
        var declared = WebResources.All.Select(w => w.Name).ToHashSet();

        Assert.All(FormScripts.All, script => Assert.Contains(script.Library, declared));
        Assert.All(RibbonCommands.All, command => Assert.Contains(command.Library, declared));
    }

    [Fact]
    public void Should_TargetAFormTheTableHas_When_RegisteringAFormScript()
    {
        Assert.All(FormScripts.All, script =>
        {
            var table = CrmExtensionsModel.Table(script.Table);
            Assert.True(script.FormType == FormScripts.Main || table.QuickCreateColumns.Count > 0,
                $"{script.Table} has no {script.FormType} form.");
            Assert.All(script.Handlers.Where(h => h.Attribute is not null),
                h => Assert.Contains(h.Attribute!, table.Sections.SelectMany(s => s.Columns).Concat(table.QuickCreateColumns)));
        });
    }

    [Fact]
    public void Should_WriteFileNamesUnderWebResources_When_NamingWebResources()
    {
        Assert.All(WebResources.All, w => Assert.Equal("/WebResources/" + w.Name, w.FileName));
        Assert.Equal(WebResources.All.Count, WebResources.All.Select(w => w.Name).Distinct().Count());
    }
}
