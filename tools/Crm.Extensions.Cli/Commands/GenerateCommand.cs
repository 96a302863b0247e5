using System;
using System.CommandLine;
using System.IO;
using Crm.Extensions.Cli.Generation;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Packaging;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Cli.Commands;

/// <summary>crmx generate solution|steps|earlybound.</summary>
internal static class GenerateCommand
{
    public const string WorkflowAssemblyName = "Crm.Extensions.Workflows";

    /// <summary>The group the classic workflow designer lists our activities under.</summary>
    public const string WorkflowActivityGroup = "CRM Extensions";

    public static Command Create()
    {
        var generate = new Command("generate", "Regenerate committed files from their single source.");

        var solutionFolder = new Option<string?>("--folder") { Description = "Target folder (default solution/src)." };
        var solution = new Command("solution", "Write tables, columns, choices, forms, views, charts, app, roles and environment variables to solution/src.") { solutionFolder };
        solution.SetAction(result => CommandRunner.Run(() =>
        {
            var folder = result.GetValue(solutionFolder) ?? RepositoryPaths.Find().SolutionSource;
            SolutionGenerator.Write(folder);
            Console.WriteLine($"Wrote the solution metadata to {folder}.");
            return CommandRunner.Success;
        }));

        var stepsFolder = new Option<string?>("--folder") { Description = "Target folder (default solution/src)." };
        var steps = new Command("steps", "Write plugin steps, images and plugin types from the plugin classes' step declarations.") { stepsFolder };
        steps.SetAction(result => CommandRunner.Run(() =>
        {
            var repository = RepositoryPaths.Find();
            var folder = result.GetValue(stepsFolder) ?? repository.SolutionSource;
            var written = StepGenerator.Write(typeof(PluginBase).Assembly, folder);
            Console.WriteLine($"Wrote {written.PluginTypes} plugin types and {written.Steps} steps to {folder}.");
            foreach (var api in written.UnboundCustomApis)
            {
                Console.WriteLine($"warning: a plugin implements custom API {api}, but {SourceLayout.CustomApisFolder}/{api}/customapi.xml does not exist yet; add it, then run generate steps again.");
            }

            var workflows = new BinaryLocator(repository, Console.Out).BuiltAssembly(WorkflowAssemblyName);
            var activities = StepGenerator.WriteWorkflowActivities(workflows, folder, WorkflowActivityGroup);
            Console.WriteLine($"Wrote {activities} custom workflow activities of {WorkflowAssemblyName} to {folder}.");
            return CommandRunner.Success;
        }));

        var earlyBoundFolder = new Option<string?>("--folder") { Description = "Target folder (default plugins/Crm.Extensions.Dataverse/EarlyBound)." };
        var earlyBoundSource = new Option<string?>("--source") { Description = "Solution source to read (default solution/src)." };
        var earlyBound = new Command("earlybound", "Write one C# class per table, with column-name constants and choice enums, from solution/src.") { earlyBoundFolder, earlyBoundSource };
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
        generate.Subcommands.Add(earlyBound);
        return generate;
    }
}
