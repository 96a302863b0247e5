using System;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Commands;
using Crm.Extensions.Cli.Generation;
using Crm.Extensions.Cli.Packaging;
using Crm.Extensions.Cli.Validation;

namespace Crm.Extensions.Cli.Tests;

/// <summary>
/// The packed solution registers every custom workflow activity of the packed workflow DLL as a
/// plugin type under the designer group "CRM Extensions", with its display name as FriendlyName, and validates clean.
/// </summary>
[Collection(RepositoryCollection.Name)]
public sealed class WorkflowActivityPackTests(RepositoryFixture fixture)
{
    private static readonly string[] Expected =
    [
        "AdvanceLoyaltyPhase|Advance loyalty phase", "CalculateRfm|Calculate RFM", "EvaluateLifecycleStage|Evaluate lifecycle stage",
        "GetNextBestOffer|Get next best offer", "GrantLoyaltyPoints|Grant loyalty points", "IsBirthdayToday|Is birthday today",
        "LogInteraction|Log interaction", "RedeemReward|Redeem reward",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_ListEveryActivityAsAPluginTypeOfTheCrmExtensionsGroup_When_TheSolutionIsPacked(bool managed)
    {
        var package = SolutionZip.Read(managed ? fixture.ManagedZip : fixture.UnmanagedZip);
        var assembly = package.Customizations.Descendants("PluginAssembly")
            .Single(a => a.Attribute("FullName")!.Value.StartsWith(GenerateCommand.WorkflowAssemblyName + ",", StringComparison.Ordinal));
        var types = assembly.Descendants("PluginType").ToList();

        Assert.Equal(
            Expected.Select(e => "Crm.Extensions.Workflows.Activities." + e),
            types.Select(t => t.Attribute("Name")!.Value + "|" + t.Element("FriendlyName")!.Value));
        Assert.All(types, t => Assert.Equal(GenerateCommand.WorkflowActivityGroup, t.Element("WorkflowActivityGroupName")?.Value));
        Assert.Equal("CRM Extensions", GenerateCommand.WorkflowActivityGroup);
    }

    [Fact]
    public void Should_RegisterExactlyTheActivitiesThePackedDllDefines_When_TheSolutionIsPacked()
    {
        var package = SolutionZip.Read(fixture.UnmanagedZip);
        var dll = package.Files.Single(
            f => f.Key.EndsWith("/" + GenerateCommand.WorkflowAssemblyName + ".dll", StringComparison.Ordinal)).Value;
        var registered = package.Customizations.Descendants("PluginType")
            .Where(t => t.Element("WorkflowActivityGroupName") is not null)
            .Select(t => t.Attribute("Name")!.Value);

        Assert.Equal(WorkflowActivityScanner.Read(dll).Activities.Select(a => a.FullName), registered);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_ValidateWithNoErrors_When_TheSolutionWithTheActivitiesIsPacked(bool managed)
    {
        var report = new PackageValidator(fixture.Schema).Validate(managed ? fixture.ManagedZip : fixture.UnmanagedZip);

        Assert.Equal(0, report.ErrorCount);
        Assert.Empty(report.PluginTypeErrors);
    }

    [Fact]
    public void Should_KeepAGuidFriendlyName_When_ThePluginTypeIsNotAWorkflowActivity()
    {
        var package = SolutionZip.Read(fixture.UnmanagedZip);

        var plugins = package.Customizations.Descendants("PluginType").Where(t => t.Element("WorkflowActivityGroupName") is null).ToList();

        Assert.NotEmpty(plugins);
        Assert.All(plugins, t => Assert.True(Guid.TryParse(t.Element("FriendlyName")!.Value, out _), t.Attribute("Name")!.Value));
    }
}
