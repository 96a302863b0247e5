using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Generation;
using Crm.Extensions.Cli.Tests.TestPlugins;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Cli.Tests;

[Collection(RepositoryCollection.Name)]
public sealed class StepGeneratorTests(RepositoryFixture fixture)
{
    private static readonly System.Reflection.Assembly TestAssembly = typeof(RecordInteractionPlugin).Assembly;

    private string Generate()
    {
        var folder = fixture.CopyOfSource("steps");
        // The copy carries the product's own generated steps; only the test assembly's steps are under test here.
        var productSteps = Path.Combine(folder, "SdkMessageProcessingSteps");
        if (Directory.Exists(productSteps)) Directory.Delete(productSteps, recursive: true);
        StepGenerator.Write(TestAssembly, folder);
        return folder;
    }

    private static XElement[] Steps(string folder) =>
        Directory.GetFiles(Path.Combine(folder, "SdkMessageProcessingSteps"), "*.xml").Select(XElement.Load).ToArray();

    [Fact]
    public void Should_WriteOneFilePerStepButNoneForCustomApis_When_GeneratingFromDeclarations()
    {
        var steps = Steps(Generate());

        Assert.Equal(3, steps.Length);
        Assert.DoesNotContain(steps, s => s.Element("Stage")!.Value == "30");
    }

    [Fact]
    public void Should_CarryStageModeRankFilterAndImage_When_WritingAnUpdateStep()
    {
        var update = Steps(Generate())
            .Single(s => s.Attribute("Name")!.Value.EndsWith("Update of cx_interaction", StringComparison.Ordinal));

        Assert.Equal("20", update.Element("Stage")!.Value);
        Assert.Equal("0", update.Element("Mode")!.Value);
        Assert.Equal("1", update.Element("Rank")!.Value);
        Assert.Equal("cx_durationminutes,cx_occurredon", update.Element("FilteringAttributes")!.Value);
        Assert.Equal("cx_interaction", update.Element("PrimaryEntity")!.Value);
        Assert.Equal("20bebb1b-ea3e-db11-86a7-000a3a5473e8", update.Element("SdkMessageId")!.Value);
        var image = update.Descendants("SdkMessageProcessingStepImage").Single();
        Assert.Equal("PreImage", image.Element("EntityAlias")!.Value);
        Assert.Equal("0", image.Element("ImageType")!.Value);
        Assert.Equal("cx_customerid", image.Element("Attributes")!.Value);
        Assert.Equal("Target", image.Element("MessagePropertyName")!.Value);
        Assert.StartsWith(typeof(RecordInteractionPlugin).FullName + ", Crm.Extensions.Cli.Tests, Version=",
            update.Element("PluginTypeName")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_MarkAsyncAndAutoDelete_When_TheStepRunsAfterCommit()
    {
        var create = Steps(Generate())
            .Single(s => s.Attribute("Name")!.Value.EndsWith("Create of cx_interaction", StringComparison.Ordinal));

        Assert.Equal("1", create.Element("Mode")!.Value);
        Assert.Equal("1", create.Element("AsyncAutoDelete")!.Value);
        Assert.Equal("Id", create.Descendants("MessagePropertyName").Single().Value);
        Assert.Equal("1", create.Descendants("ImageType").Single().Value);
    }

    [Fact]
    public void Should_ListConcreteTypesOnlyAndInTheManifest_When_WritingTheAssembly()
    {
        var folder = Generate();
        var data = Directory.GetFiles(Path.Combine(folder, "PluginAssemblies"), "Crm.Extensions.Cli.Tests.dll.data.xml",
            SearchOption.AllDirectories).Single();
        var types = XElement.Load(data).Descendants("PluginType").Select(t => t.Attribute("Name")!.Value).ToList();
        var manifest = XElement.Load(Path.Combine(folder, "Other", "Solution.xml"));

        Assert.Equal([typeof(RecordInteractionPlugin).FullName!, typeof(ValidatePreferencePlugin).FullName!], types);
        Assert.Equal(3, manifest.Descendants("RootComponent").Count(c => c.Attribute("type")!.Value == "92"));
        Assert.Contains(manifest.Descendants("RootComponent"),
            c => c.Attribute("type")!.Value == "91"
            && c.Attribute("schemaName")!.Value.StartsWith("Crm.Extensions.Cli.Tests,", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_BindThePluginTypeIntoTheCustomApi_When_ItsDefinitionExists()
    {
        var folder = fixture.CopyOfSource("customapi");
        var api = Path.Combine(folder, "customapis", RecordInteractionPlugin.CustomApi, "customapi.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(api)!);
        new XElement("customapi", new XAttribute("uniquename", RecordInteractionPlugin.CustomApi),
            new XElement("plugintypeid", new XElement("plugintypeexportkey", "stale"))).Save(api);

        var result = StepGenerator.Write(TestAssembly, folder);

        Assert.Empty(result.UnboundCustomApis);
        Assert.Equal(StepGenerator.PluginTypeId(typeof(RecordInteractionPlugin)).ToString("D"),
            XElement.Load(api).Element("plugintypeid")!.Element("plugintypeid")!.Value);
    }

    [Fact]
    public void Should_ReportTheCustomApi_When_ItHasNoDefinitionYet()
    {
        var result = StepGenerator.Write(TestAssembly, fixture.CopyOfSource("noapi"));

        Assert.Equal([RecordInteractionPlugin.CustomApi], result.UnboundCustomApis);
    }

    [Fact]
    public void Should_WriteIdenticalBytes_When_GeneratingTwice()
    {
        var first = Generate();
        var second = Generate();

        foreach (var file in Directory.GetFiles(Path.Combine(first, "SdkMessageProcessingSteps")))
        {
            Assert.Equal(File.ReadAllBytes(file),
                File.ReadAllBytes(Path.Combine(second, "SdkMessageProcessingSteps", Path.GetFileName(file))));
        }
    }

    [Fact]
    public void Should_MatchTheCommittedXml_When_RegeneratingFromThePluginAssembly()
    {
        var folder = fixture.NewFolder("drift-steps");
        StepGenerator.Write(typeof(PluginBase).Assembly, folder);

        DriftAssert.SameFiles(fixture.Repository.SolutionSource, folder, "SdkMessageProcessingSteps");
        DriftAssert.SameFiles(fixture.Repository.SolutionSource, folder, Path.Combine("PluginAssemblies", Path.GetFileName(
            Directory.GetDirectories(Path.Combine(folder, "PluginAssemblies")).Single())));
    }
}
