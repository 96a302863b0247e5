using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Crm.Extensions.Cli.Commands;
using Crm.Extensions.Cli.Metadata;

namespace Crm.Extensions.Cli.Packaging;

/// <summary>
/// Maps files that source control does not hold into the package: plugin DLLs from the net462 Release build
/// and web resources from webresources/dist, building either when missing.
/// </summary>
internal sealed class BinaryLocator(RepositoryPaths? repository, TextWriter log)
{
    private const string Configuration = "Release";
    private const string DeployableFramework = "net462";

    private static readonly object BuildLock = new();

    public byte[] PluginAssembly(string sourceFolder, string fileName)
    {
        // An unpacked zip carries its DLL in the source folder; that copy wins.
        var inSource = Path.Combine(sourceFolder, fileName.TrimStart('/'));
        if (File.Exists(inSource))
        {
            return File.ReadAllBytes(inSource);
        }

        return BuiltAssembly(Path.GetFileNameWithoutExtension(fileName));
    }

    /// <summary>The net462 Release build of one of the repository's deployable projects, built first when missing.</summary>
    public byte[] BuiltAssembly(string assemblyName)
    {
        var project = FindProject(assemblyName);
        var built = Path.Combine(Path.GetDirectoryName(project)!, "bin", Configuration, DeployableFramework, assemblyName + ".dll");
        // Two packs in one process (parallel tests) must not run two builds of the same project at once.
        lock (BuildLock)
        {
            if (!File.Exists(built))
            {
                Build(project);
            }
        }

        return File.Exists(built)
            ? File.ReadAllBytes(built)
            : throw new SolutionException($"Building {project} did not produce {built}.");
    }

    public byte[]? WebResource(string sourceFolder, string fileName, string? name)
    {
        var inSource = Path.Combine(sourceFolder, fileName.TrimStart('/'));
        if (File.Exists(inSource))
        {
            return File.ReadAllBytes(inSource);
        }

        if (repository is null || name is null)
        {
            return null;
        }

        var built = Path.Combine(repository.WebResourcesDist, name);
        lock (BuildLock)
        {
            if (!File.Exists(built))
            {
                BuildWebResources(repository);
            }
        }

        return File.Exists(built) ? File.ReadAllBytes(built) : null;
    }

    private string FindProject(string assemblyName)
    {
        if (repository is null)
        {
            throw new SolutionException($"{assemblyName}.dll is not in the solution folder and no repository was found to build it from.");
        }

        var candidates = new[] { "plugins", "workflows" }
            .Select(area => Path.Combine(repository.Root, area, assemblyName, assemblyName + ".csproj"))
            .Where(File.Exists)
            .ToList();
        return candidates.Count == 1
            ? candidates[0]
            : throw new SolutionException($"No project builds {assemblyName}.dll (looked in plugins/ and workflows/).");
    }

    private void Build(string project)
    {
        log.WriteLine($"Building {Path.GetFileName(project)} ({Configuration}, {DeployableFramework})...");
        Run("dotnet", ["build", project, "-c", Configuration, "-f", DeployableFramework, "-nologo", "-v", "q"], workingDirectory: null);
    }

    /// <summary>The bundles come from webresources/ (npm packages pinned by package-lock.json), built once per pack.</summary>
    private void BuildWebResources(RepositoryPaths repositoryPaths)
    {
        var folder = Path.GetDirectoryName(repositoryPaths.WebResourcesDist)!;
        if (!File.Exists(Path.Combine(folder, "package.json")) || Directory.Exists(repositoryPaths.WebResourcesDist))
        {
            return;
        }

        log.WriteLine("Building web resources (npm run build)...");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            Run("npm", ["ci", "--no-audit", "--no-fund"], folder);
        }

        Run("npm", ["run", "build"], folder);
    }

    private static void Run(string command, string[] arguments, string? workingDirectory)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        using var process = Process.Start(start) ?? throw new SolutionException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new SolutionException(
                $"{command} {string.Join(' ', arguments)} failed:{Environment.NewLine}{output.Result}{errors.Result}");
        }
    }
}
