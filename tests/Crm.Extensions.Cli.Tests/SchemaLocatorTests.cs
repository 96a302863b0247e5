using System;
using System.IO;
using Crm.Extensions.Cli.Commands;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Validation;

namespace Crm.Extensions.Cli.Tests;

public sealed class SchemaLocatorTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Should_SayWhereToGetSchemasZip_When_NoSchemaFolderExists()
    {
        var lonelyRepository = new RepositoryPaths(Directory.CreateTempSubdirectory("crmx-noschemas-").FullName);

        var error = Assert.Throws<SolutionException>(() => SchemaLocator.Find(lonelyRepository, NoEnvironment));

        Assert.Contains(SchemaLocator.DownloadUrl, error.Message, StringComparison.Ordinal);
        Assert.Contains("$CRMX_SCHEMAS", error.Message, StringComparison.Ordinal);
        Directory.Delete(lonelyRepository.Root);
    }

    [Fact]
    public void Should_NameTheFolder_When_TheVariablePointsWhereNoSchemaIs()
    {
        var empty = Directory.CreateTempSubdirectory("crmx-emptyschemas-").FullName;

        var error = Assert.Throws<SolutionException>(() => SchemaLocator.Find(null, _ => empty));

        Assert.Contains(empty, error.Message, StringComparison.Ordinal);
        Assert.Contains(SchemaLocator.RootSchema, error.Message, StringComparison.Ordinal);
        Directory.Delete(empty);
    }

    [Fact]
    public void Should_PreferTheVariable_When_ItPointsToTheSchemas()
    {
        var shared = SchemaLocator.Find(RepositoryPaths.Find(AppContext.BaseDirectory), NoEnvironment);

        Assert.Equal(shared, SchemaLocator.Find(null, _ => shared));
        Assert.True(File.Exists(Path.Combine(shared, SchemaLocator.RootSchema)));
    }
}
