using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Commands;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Packaging;
using Crm.Extensions.Cli.Validation;

namespace Crm.Extensions.Cli.Tests;

[Collection(RepositoryCollection.Name)]
public sealed class BadInputTests(RepositoryFixture fixture)
{
    private SolutionException PackFails(string source) =>
        Assert.Throws<SolutionException>(
            () => PackCommand.Pack(source, fixture.NewFolder("out"), [PackageType.Unmanaged], fixture.Repository, TextWriter.Null));

    [Fact]
    public void Should_NameTheFolder_When_TheSolutionFolderIsMissing()
    {
        var missing = Path.Combine(fixture.WorkFolder, "no-such-folder");

        var error = PackFails(missing);

        Assert.Contains("no-such-folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_NameTheFile_When_AnEntityIsMalformedXml()
    {
        var source = fixture.CopyOfSource("malformed");
        var entity = Path.Combine(source, "Entities", "cx_Reward", "Entity.xml");
        File.WriteAllText(entity, "<Entity><Name>cx_Reward</Entity>");

        var error = PackFails(source);

        Assert.Contains(entity, error.Message, StringComparison.Ordinal);
        Assert.Contains("not well-formed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_NameBothComponents_When_TwoViewsShareAnId()
    {
        var source = fixture.CopyOfSource("duplicate");
        var views = Path.Combine(source, "Entities", "cx_Reward", "SavedQueries");
        var files = Directory.GetFiles(views).Order(StringComparer.Ordinal).ToArray();
        var first = XElement.Load(files[0]).Element("savedquery")!.Element("savedqueryid")!.Value;
        var second = XElement.Load(files[1]);
        second.Element("savedquery")!.Element("savedqueryid")!.Value = first;
        second.Save(files[1]);

        var error = PackFails(source);

        Assert.Contains("Duplicate id", error.Message, StringComparison.Ordinal);
        Assert.Contains(Guid.Parse(first).ToString("B"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportTheMissingEntry_When_AFileNameDangles()
    {
        var zip = RewriteZip("dangling", (package, files) =>
        {
            var dll = files.Keys.First(k => k.EndsWith("Crm.Extensions.Workflows.dll", StringComparison.Ordinal));
            files.Remove(dll);
        });

        var report = new PackageValidator(fixture.Schema).Validate(zip);

        var error = Assert.Single(report.FileReferenceErrors);
        Assert.Contains("Crm.Extensions.Workflows.dll", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportSchemaErrors_When_CustomizationsHoldAnUnknownElement()
    {
        var zip = RewriteZip("schema",
            (package, _) => package.Customizations.Element("Entities")!.Elements().First().Add(new XElement("NotInTheSchema")));

        var report = new PackageValidator(fixture.Schema).Validate(zip);

        Assert.Contains(report.SchemaErrors, e => e.Contains("NotInTheSchema", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ReportTheStep_When_ItsPluginTypeIsNotInTheAssembly()
    {
        var zip = RewriteZip("plugintype", (package, _) =>
        {
            var assembly = package.Customizations.Descendants("PluginAssembly")
                .First(a => a.Attribute("FullName")!.Value.StartsWith("Crm.Extensions.Plugins,", StringComparison.Ordinal));
            var fullName = assembly.Attribute("FullName")!.Value;
            CustomizationSections.Fill(package.Customizations, "SdkMessageProcessingSteps",
            [
                new XElement("SdkMessageProcessingStep", new XAttribute("Name", "Ghost step"),
                    new XAttribute("SdkMessageProcessingStepId", Guid.NewGuid().ToString("B")),
                    new XElement("PluginTypeName", $"Crm.Extensions.Plugins.Ghost, {fullName}"), new XElement("Mode", 0),
                    new XElement("Stage", 20)),
            ]);
        });

        var report = new PackageValidator(fixture.Schema).Validate(zip);

        var error = Assert.Single(report.PluginTypeErrors);
        Assert.Contains("Crm.Extensions.Plugins.Ghost", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportTheCustomApi_When_ItBindsAnUnknownPluginType()
    {
        var zip = RewriteZip("customapi", (_, files) => files["customapis/cx_Ghost/customapi.xml"] = Xml.ToBytes(
            new XElement("customapi", new XAttribute("uniquename", "cx_Ghost"),
                new XElement("plugintypeid", new XElement("plugintypeid", Guid.NewGuid().ToString("D"))))));

        var report = new PackageValidator(fixture.Schema).Validate(zip);

        var error = Assert.Single(report.PluginTypeErrors);
        Assert.Contains("customapis/cx_Ghost/customapi.xml", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportManagedTwo_When_AZipCarriesTheSourceValue()
    {
        var zip = RewriteZip("managed2", (package, _) => package.Solution.Element("SolutionManifest")!.Element("Managed")!.Value = "2");

        var report = new PackageValidator(fixture.Schema).Validate(zip);

        Assert.Contains(report.ManifestErrors, e => e.Contains("Managed is '2'", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ReportTheRule_When_ThePublisherPrefixIsInvalid()
    {
        var zip = RewriteZip("prefix",
            (package, _) => package.Solution.Descendants("CustomizationOptionValuePrefix").Single().Value = "123");

        var report = new PackageValidator(fixture.Schema).Validate(zip);

        Assert.Contains(report.ManifestErrors, e => e.Contains("10000 to 99999", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ListTheMissingRootFiles_When_AZipLacksCustomizations()
    {
        var zip = Path.Combine(fixture.NewFolder("noroot"), "broken.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntry(SourceLayout.ZipSolution);
        }

        var error = Assert.Throws<SolutionException>(() => SolutionZip.Read(zip));

        Assert.Contains(SourceLayout.ZipCustomizations, error.Message, StringComparison.Ordinal);
        Assert.Contains(SourceLayout.ZipContentTypes, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_NameTheRelationship_When_TheIndexListsOneThatNoFileDefines()
    {
        var source = fixture.CopyOfSource("relationship");
        var index = Path.Combine(source, "Other", "Relationships.xml");
        var xml = XElement.Load(index);
        xml.Add(new XElement("EntityRelationship", new XAttribute("Name", "cx_ghost_relationship")));
        xml.Save(index);

        var error = PackFails(source);

        Assert.Contains("cx_ghost_relationship", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_When_AZipEntryWouldLeaveTheTargetFolder()
    {
        var package = SolutionZip.Read(fixture.UnmanagedZip);
        package.Files["../escape.txt"] = [1, 2, 3];

        var error = Assert.Throws<SolutionException>(() => SourceWriter.Write(package, fixture.NewFolder("slip")));

        Assert.Contains("outside", error.Message, StringComparison.Ordinal);
    }

    private string RewriteZip(string name, Action<SolutionPackage, System.Collections.Generic.SortedDictionary<string, byte[]>> change)
    {
        var package = SolutionZip.Read(fixture.UnmanagedZip);
        change(package, package.Files);
        var path = Path.Combine(fixture.NewFolder(name), "changed.zip");
        SolutionZip.Write(package, path);
        return path;
    }
}
