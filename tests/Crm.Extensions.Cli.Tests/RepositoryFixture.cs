using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Crm.Extensions.Cli.Commands;
using Crm.Extensions.Cli.Packaging;
using Crm.Extensions.Cli.Validation;

namespace Crm.Extensions.Cli.Tests;

/// <summary>
/// Packs the committed solution once for the whole test run (both types) and compiles Microsoft's schema once:
/// the machine has two cores, so no test repeats that work.
/// </summary>
public sealed class RepositoryFixture : IDisposable
{
    public RepositoryFixture()
    {
        Repository = RepositoryPaths.Find(AppContext.BaseDirectory);
        WorkFolder = Directory.CreateTempSubdirectory("crmx-tests-").FullName;
        Zips = PackCommand.Pack(Repository.SolutionSource, Path.Combine(WorkFolder, "artifacts"),
            [PackageType.Unmanaged, PackageType.Managed], Repository, TextWriter.Null);
        Schema = new CustomizationsSchema(SchemaLocator.Find(Repository));
    }

    public RepositoryPaths Repository { get; }

    /// <summary>A private folder of this run; removed at the end.</summary>
    public string WorkFolder { get; }

    public IReadOnlyList<string> Zips { get; }

    public string UnmanagedZip => Zips.Single(z => !z.EndsWith("_managed.zip", StringComparison.Ordinal));

    public string ManagedZip => Zips.Single(z => z.EndsWith("_managed.zip", StringComparison.Ordinal));

    public CustomizationsSchema Schema { get; }

    public string NewFolder(string name)
        => Directory.CreateDirectory(Path.Combine(WorkFolder, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>A writable copy of the committed solution source, for tests that break it on purpose.</summary>
    public string CopyOfSource(string name)
    {
        var target = NewFolder(name);
        foreach (var file in Directory.GetFiles(Repository.SolutionSource, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Repository.SolutionSource, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    public void Dispose() => Directory.Delete(WorkFolder, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class RepositoryCollection : ICollectionFixture<RepositoryFixture>
{
    public const string Name = "Repository";
}
