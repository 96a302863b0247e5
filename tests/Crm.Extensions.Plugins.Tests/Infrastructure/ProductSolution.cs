using System;
using System.IO;
using Crm.Extensions.Emulator;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Tests.Infrastructure;

/// <summary>
/// A fresh in-memory Dataverse per test, loaded from the product's own solution/src (tables, steps, custom APIs)
/// and the plugin assembly under test: tests exercise exactly what deploys.
/// </summary>
public static class ProductSolution
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SolutionSource => Path.Combine(RepositoryRoot, "solution", "src");

    public static DataverseEmulator Start() => DataverseEmulator.FromSolution(SolutionSource, typeof(PluginBase).Assembly);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Crm.Extensions.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException(
            "Run the tests from inside the repository: Crm.Extensions.sln was not found above " + AppContext.BaseDirectory);
    }
}
