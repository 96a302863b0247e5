using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Crm.Extensions.Cli.Packaging;

namespace Crm.Extensions.Cli.Commands;

/// <summary>crmx pack --type unmanaged|managed|both: solution/src (+ built DLLs and web resources) to artifacts/*.zip.</summary>
internal static class PackCommand
{
    public const string Both = "both";

    public static Command Create()
    {
        var type = new Option<string>("--type") { Description = "unmanaged, managed or both.", DefaultValueFactory = _ => Both };
        type.AcceptOnlyFromAmong("unmanaged", "managed", Both);
        var folder = new Option<string?>("--folder") { Description = "Solution source folder (default solution/src)." };
        var output = new Option<string?>("--output") { Description = "Folder for the zips (default artifacts)." };
        var command = new Command("pack",
            "Pack the solution source into Dataverse solution zips, building the plugin assemblies first when needed.") { type, folder,
            output };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var repository = TryFindRepository();
            var source = result.GetValue(folder) ?? repository?.SolutionSource
                ?? throw new Metadata.SolutionException("Give --folder, or run crmx inside the repository.");
            var target = result.GetValue(output) ?? repository?.Artifacts ?? Path.Combine(Environment.CurrentDirectory, "artifacts");
            foreach (var zip in Pack(source, target, Types(result.GetValue(type)!), repository, Console.Out))
            {
                Console.WriteLine($"Wrote {zip}");
            }

            return CommandRunner.Success;
        }));
        return command;
    }

    public static IReadOnlyList<string> Pack(string source, string target, IEnumerable<PackageType> types, RepositoryPaths? repository,
        TextWriter log)
    {
        var binaries = new BinaryLocator(repository, log);
        var written = new List<string>();
        foreach (var packageType in types)
        {
            var package = new SourceReader(source, packageType, binaries).Read();
            var path = Path.Combine(target, SolutionZip.FileName(package));
            SolutionZip.Write(package, path);
            log.WriteLine(
                $"{packageType}: {package.Customizations.Element("Entities")?.Elements().Count() ?? 0} tables, {package.Files.Count} " +
                $"files besides the manifests.");
            written.Add(path);
        }

        return written;
    }

    public static IEnumerable<PackageType> Types(string type) => type switch
    {
        "unmanaged" => [PackageType.Unmanaged],
        "managed" => [PackageType.Managed],
        _ => [PackageType.Unmanaged, PackageType.Managed],
    };

    internal static RepositoryPaths? TryFindRepository()
    {
        try
        {
            return RepositoryPaths.Find();
        }
        catch (Metadata.SolutionException)
        {
            // Outside a clone crmx still works on explicit folders; only build-on-demand needs the repository.
            return null;
        }
    }
}
