using System;
using System.IO;
using Crm.Extensions.Cli.Metadata;

namespace Crm.Extensions.Cli.Commands;

/// <summary>Where things live in the repository: found by walking up to Crm.Extensions.sln, so crmx runs from any sub-folder.</summary>
public sealed record RepositoryPaths(string Root)
{
    public const string SolutionFileName = "Crm.Extensions.sln";

    public string SolutionSource => Path.Combine(Root, "solution", "src");

    public string Artifacts => Path.Combine(Root, "artifacts");

    public string EarlyBound => Path.Combine(Root, "plugins", "Crm.Extensions.Dataverse", "EarlyBound");

    public string WebResourcesDist => Path.Combine(Root, "webresources", "dist");

    /// <summary>The custom API names the web resources import, written by crmx generate customapis.</summary>
    public string CustomApiTypeScript => Path.Combine(Root, "webresources", "src", "lib", "customApiContracts.generated.ts");

    public static RepositoryPaths Find(string? start = null)
    {
        var directory = new DirectoryInfo(start ?? Environment.CurrentDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return new RepositoryPaths(directory.FullName);
            }

            directory = directory.Parent;
        }

        throw new SolutionException(
            $"No {SolutionFileName} in {start ?? Environment.CurrentDirectory} or above: run crmx inside the repository.");
    }
}
