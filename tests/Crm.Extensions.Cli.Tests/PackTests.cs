using System.IO;
using System.IO.Compression;
using System.Linq;
using Crm.Extensions.Cli.Commands;
using Crm.Extensions.Cli.Packaging;
using Crm.Extensions.Cli.Validation;

namespace Crm.Extensions.Cli.Tests;

[Collection(RepositoryCollection.Name)]
public sealed class PackTests(RepositoryFixture fixture)
{
    [Fact]
    public void Should_WriteUnmanagedAndManagedZips_When_PackingBoth()
    {
        Assert.Equal(2, fixture.Zips.Count);
        Assert.Equal("CrmExtensions_1_0_0_0.zip", Path.GetFileName(fixture.UnmanagedZip));
        Assert.Equal("CrmExtensions_1_0_0_0_managed.zip", Path.GetFileName(fixture.ManagedZip));
        Assert.All(fixture.Zips, zip => Assert.True(new FileInfo(zip).Length > 10_000, $"{zip} is suspiciously small."));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_ReportNoErrors_When_ValidatingThePackedZip(bool managed)
    {
        var report = new PackageValidator(fixture.Schema).Validate(managed ? fixture.ManagedZip : fixture.UnmanagedZip);

        Assert.Empty(report.SchemaErrors);
        Assert.Empty(report.ManifestErrors);
        Assert.Empty(report.FileReferenceErrors);
        Assert.Empty(report.PluginTypeErrors);
        Assert.Empty(report.DuplicateIdErrors);
        Assert.Empty(report.CustomApiErrors);
    }

    [Theory]
    [InlineData(false, "0")]
    [InlineData(true, "1")]
    public void Should_SetManagedFlag_When_PackingEachType(bool managed, string expected)
    {
        var package = SolutionZip.Read(managed ? fixture.ManagedZip : fixture.UnmanagedZip);

        Assert.Equal(expected, package.Solution.Element("SolutionManifest")!.Element("Managed")!.Value);
    }

    [Fact]
    public void Should_PutRootFilesFirstAndContentTypesLast_When_WritingTheZip()
    {
        using var zip = ZipFile.OpenRead(fixture.UnmanagedZip);
        var names = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Equal(SourceLayout.ZipSolution, names[0]);
        Assert.Equal(SourceLayout.ZipCustomizations, names[1]);
        Assert.Equal(SourceLayout.ZipContentTypes, names[^1]);
        Assert.All(zip.Entries, e => Assert.DoesNotContain('\\', e.FullName));
    }

    [Fact]
    public void Should_DeclareEveryExtension_When_WritingContentTypes()
    {
        var text = System.Text.Encoding.UTF8.GetString(SolutionZip.ReadEntry(fixture.UnmanagedZip, SourceLayout.ZipContentTypes));

        Assert.Contains("http://schemas.openxmlformats.org/package/2006/content-types", text, System.StringComparison.Ordinal);
        Assert.Contains("<Default Extension=\"xml\" ContentType=\"application/octet-stream\" />", text, System.StringComparison.Ordinal);
        Assert.Contains("<Default Extension=\"dll\" ContentType=\"application/octet-stream\" />", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PackBothPluginAssembliesAndEnvironmentVariables_When_Packing()
    {
        var package = SolutionZip.Read(fixture.UnmanagedZip);

        Assert.Contains(package.Files.Keys,
            k => k.StartsWith("PluginAssemblies/Crm.Extensions.Plugins-", System.StringComparison.Ordinal)
            && k.EndsWith("/Crm.Extensions.Plugins.dll", System.StringComparison.Ordinal));
        Assert.Contains(package.Files.Keys,
            k => k.StartsWith("PluginAssemblies/Crm.Extensions.Workflows-", System.StringComparison.Ordinal)
            && k.EndsWith("/Crm.Extensions.Workflows.dll", System.StringComparison.Ordinal));
        Assert.Contains("environmentvariabledefinitions/cx_ParetoThresholdPercent/environmentvariabledefinition.xml", package.Files.Keys);
    }

    [Fact]
    public void Should_ProduceIdenticalZips_When_PackingTwice()
    {
        var again = PackCommand.Pack(fixture.Repository.SolutionSource, fixture.NewFolder("again"), [PackageType.Unmanaged],
            fixture.Repository, TextWriter.Null);

        Assert.Equal(File.ReadAllBytes(fixture.UnmanagedZip), File.ReadAllBytes(again.Single()));
    }
}
