using System;
using System.CommandLine;
using System.IO;
using Crm.Extensions.Cli.Generation;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Packaging;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Cli.Commands;

/// <summary>crmx generate solution|steps|customapis|earlybound.</summary>
internal static class GenerateCommand
{
    public const string WorkflowAssemblyName = "Crm.Extensions.Workflows";

    /// <summary>The group the classic workflow designer lists our activities under.</summary>
    public const string WorkflowActivityGroup = "CRM Extensions";

    public static Command Create()
    {
        var generate = new Command("generate", "Regenerate committed files from their single source.");

        var solutionFolder = new Option<string?>("--folder") { Description = "Target folder (default solution/src)." };
        var solution = new Command("solution",
            "Write tables, columns, choices, forms, views, charts, app, roles and environment variables to solution/src.") {
            solutionFolder };
        solution.SetAction(result => CommandRunner.Run(() =>
        {
            var folder = result.GetValue(solutionFolder) ?? RepositoryPaths.Find().SolutionSource;
            SolutionGenerator.Write(folder);
            Console.WriteLine($"Wrote the solution metadata to {folder}.");
            return CommandRunner.Success;
        }));

        var stepsFolder = new Option<string?>("--folder") { Description = "Target folder (default solution/src)." };
        var steps = new Command("steps", "Write plugin steps, images and plugin types from the plugin classes' step declarations.") {
            stepsFolder };
        steps.SetAction(result => CommandRunner.Run(() =>
        {
            var repository = RepositoryPaths.Find();
            var folder = result.GetValue(stepsFolder) ?? repository.SolutionSource;
            var written = StepGenerator.Write(typeof(PluginBase).Assembly, folder);
            Console.WriteLine($"Wrote {written.PluginTypes} plugin types and {written.Steps} steps to {folder}.");
            foreach (var api in written.UnboundCustomApis)
            {
                Console.WriteLine(
                    $"warning: a plugin implements custom API {api}, but {SourceLayout.CustomApisFolder}/{api}/customapi.xml does not " +
                    $"exist yet; add it, then run generate steps again.");
            }

            var workflows = new BinaryLocator(repository, Console.Out).BuiltAssembly(WorkflowAssemblyName);
            var activities = StepGenerator.WriteWorkflowActivities(workflows, folder, WorkflowActivityGroup);
            Console.WriteLine($"Wrote {activities} custom workflow activities of {WorkflowAssemblyName} to {folder}.");
            return CommandRunner.Success;
        }));

        var apisFolder = new Option<string?>("--folder") { Description = "Target folder (default solution/src)." };
        var apisTypeScript = new Option<string?>("--typescript")
        {
            Description = "TypeScript module of the API names (default webresources/src/lib/customApiContracts.generated.ts).",
        };
        var customApis = new Command(
            "customapis", "Write customapis/ and the web resources' API names from the plugins' custom API declarations.")
        {
            apisFolder, apisTypeScript,
        };
        customApis.SetAction(result => CommandRunner.Run(() =>
        {
            var paths = new Lazy<RepositoryPaths>(() => RepositoryPaths.Find());
            var folder = result.GetValue(apisFolder) ?? paths.Value.SolutionSource;
            var typeScript = result.GetValue(apisTypeScript) ?? paths.Value.CustomApiTypeScript;
            var written = CustomApiGenerator.Write(typeof(PluginBase).Assembly, folder);
            CustomApiGenerator.WriteTypeScript(typeof(PluginBase).Assembly, typeScript);
            Console.WriteLine($"Wrote {written.Written.Count} custom APIs to {folder} and their names to {typeScript}.");
            foreach (var api in written.Undeclared)
            {
                Console.WriteLine($"warning: {SourceLayout.CustomApisFolder}/{api} is hand-written; "
                    + "declare it in plugins/Crm.Extensions.Plugins/CustomApis (tools/README.md).");
            }

            return CommandRunner.Success;
        }));

        var earlyBoundFolder = new Option<string?>("--folder") {
            Description = "Target folder (default plugins/Crm.Extensions.Dataverse/EarlyBound)." };
        var earlyBoundSource = new Option<string?>("--source") { Description = "Solution source to read (default solution/src)." };
        var earlyBound = new Command("earlybound",
            "Write one C# class per table, with column-name constants and choice enums, from solution/src.") { earlyBoundFolder,
            earlyBoundSource };
        earlyBound.SetAction(result => CommandRunner.Run(() =>
        {
            var paths = new Lazy<RepositoryPaths>(() => RepositoryPaths.Find());
            var source = result.GetValue(earlyBoundSource) ?? paths.Value.SolutionSource;
            var folder = result.GetValue(earlyBoundFolder) ?? paths.Value.EarlyBound;
            var files = EarlyBoundGenerator.Write(source, folder);
            Console.WriteLine($"Wrote {files} early-bound files to {folder}.");
            return CommandRunner.Success;
        }));

        generate.Subcommands.Add(solution);
        generate.Subcommands.Add(steps);
        generate.Subcommands.Add(customApis);
        generate.Subcommands.Add(earlyBound);
        return generate;
    }
}
