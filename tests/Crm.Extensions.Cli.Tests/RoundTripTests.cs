using System.IO;
using System.Linq;
using Crm.Extensions.Cli.Commands;
using Crm.Extensions.Cli.Packaging;

namespace Crm.Extensions.Cli.Tests;

[Collection(RepositoryCollection.Name)]
public sealed class RoundTripTests(RepositoryFixture fixture)
{
    [Theory]
    [InlineData(PackageType.Unmanaged)]
    [InlineData(PackageType.Managed)]
    public void Should_ReproduceManifestBytes_When_UnpackedThenPacked(PackageType type)
    {
        var original = type == PackageType.Managed ? fixture.ManagedZip : fixture.UnmanagedZip;
        var source = fixture.NewFolder("unpacked");
        SourceWriter.Write(SolutionZip.Read(original), source);

        var repacked = PackCommand.Pack(source, fixture.NewFolder("repacked"), [type], repository: null, TextWriter.Null).Single();

        Assert.Equal(SolutionZip.ReadEntry(original, SourceLayout.ZipCustomizations),
            SolutionZip.ReadEntry(repacked, SourceLayout.ZipCustomizations));
        Assert.Equal(SolutionZip.ReadEntry(original, SourceLayout.ZipSolution), SolutionZip.ReadEntry(repacked, SourceLayout.ZipSolution));
        Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(repacked));
    }

    [Fact]
    public void Should_WriteSolutionPackagerLayout_When_Unpacking()
    {
        var source = fixture.NewFolder("layout");

        SourceWriter.Write(SolutionZip.Read(fixture.UnmanagedZip), source);

        Assert.True(File.Exists(Path.Combine(source, "Other", "Solution.xml")));
        Assert.True(File.Exists(Path.Combine(source, "Other", "Customizations.xml")));
        Assert.True(File.Exists(Path.Combine(source, "Entities", "cx_Interaction", "Entity.xml")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(source, "Entities", "cx_Interaction", "FormXml", "main")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(source, "Entities", "cx_Interaction", "SavedQueries")));
        Assert.True(File.Exists(Path.Combine(source, "AppModules", "cx_CustomerLoyalty", "AppModule.xml")));
        Assert.Contains("<Managed>2</Managed>", File.ReadAllText(Path.Combine(source, "Other", "Solution.xml")),
            System.StringComparison.Ordinal);
    }
}
