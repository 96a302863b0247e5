using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Validation;

namespace Crm.Extensions.Cli.Commands;

/// <summary>
/// crmx validate [zip...]: schema, manifest, file references and plugin types; the zips in artifacts/ when none are named.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var zips = new Argument<string[]>("zip") { Description = "Zips to validate (default: artifacts/*.zip).",
            Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("validate", "Validate solution zips against Microsoft's schema and the packaging rules.") { zips };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var repository = PackCommand.TryFindRepository();
            var targets = result.GetValue(zips) is { Length: > 0 } named
                ? named
                : Directory.Exists(repository?.Artifacts)
                    ? Directory.GetFiles(repository!.Artifacts, "*.zip").Order(StringComparer.Ordinal).ToArray() : [];
            if (targets.Length == 0)
            {
                throw new SolutionException("No zips to validate: name them, or run crmx pack first.");
            }

            var validator = new PackageValidator(new CustomizationsSchema(SchemaLocator.Find(repository)));
            var failed = 0;
            foreach (var zip in targets)
            {
                var report = validator.Validate(zip);
                Console.WriteLine(
                    $"{Path.GetFileName(zip)}: {report.SchemaErrors.Count} schema errors, {report.ManifestErrors.Count} solution.xml " +
                    $"errors, "
                    + $"{report.FileReferenceErrors.Count} dangling FileNames, {report.PluginTypeErrors.Count} missing plugin types, " +
                        $"{report.DuplicateIdErrors.Count} duplicate ids, "
                    + $"{report.ImportRuleErrors.Count} import rule errors.");
                foreach (var error in report.AllErrors)
                {
                    Console.WriteLine($"  {error}");
                }

                failed += report.ErrorCount > 0 ? 1 : 0;
            }

            return failed == 0 ? CommandRunner.Success : CommandRunner.Failure;
        }));
        return command;
    }
}
