using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Cli.Demo;
using Spectre.Console;

namespace Crm.Extensions.Cli.Commands;

/// <summary>crmx demo: the whole product running on a synthetic company in the emulator, with a report at the end.</summary>
internal static class DemoCommand
{
    /// <summary>Exit code for a value the user gave that cannot be used (as the command line parser uses it).</summary>
    public const int BadInput = 2;

    public static Command Create()
    {
        var customers = new Option<int>("--customers") { Description = "Customers of the synthetic company.", DefaultValueFactory = _ => DemoOptions.DefaultCustomers };
        var months = new Option<int>("--months") { Description = "Months the company lives through.", DefaultValueFactory = _ => DemoOptions.DefaultMonths };
        var seed = new Option<int>("--seed") { Description = "Random seed: one seed, one identical report.", DefaultValueFactory = _ => DemoOptions.DefaultSeed };
        var language = new Option<string>("--lang") { Description = "Report language: en or es.", DefaultValueFactory = _ => "en" };
        var output = new Option<string?>("--out") { Description = "Output folder (default artifacts/demo)." };
        var command = new Command("demo", "Run the product on a synthetic company in the emulator and write artifacts/demo/report.html.")
        {
            customers, months, seed, language, output,
        };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var repository = RepositoryPaths.Find();
            var options = new DemoOptions(result.GetValue(customers), result.GetValue(months), result.GetValue(seed), result.GetValue(language)!,
                result.GetValue(output) ?? System.IO.Path.Combine(repository.Artifacts, "demo"));
            if (options.Problem() is { } problem)
            {
                Console.Error.WriteLine($"error: {problem}");
                return BadInput;
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            DemoOutcome? outcome = null;
            AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var bar = context.AddTask("months", maxValue: options.Months);
                    outcome = DemoRun.Execute(options, repository.SolutionSource, new ProgressBar(bar));
                });
            Summary(outcome!, watch.Elapsed);
            return CommandRunner.Success;
        }));
        return command;
    }

    private static void Summary(DemoOutcome outcome, TimeSpan elapsed)
    {
        var figures = outcome.Figures;
        var last = figures.MonthsClosed[^1];
        var table = new Table().AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, object value) => table.AddRow(Markup.Escape(name), Markup.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
        Row("customers × months", $"{figures.Customers:N0} × {figures.Months}");
        Row("business events", figures.Events.ToString("N0", CultureInfo.InvariantCulture));
        Row("requests (caller + plugins)", figures.Requests.ToString("N0", CultureInfo.InvariantCulture));
        Row("members per tier", string.Join(", ", last.MembersPerTier.Select(t => $"{t.Key} {t.Value}")));
        Row("stages", string.Join(", ", last.Stages.Select(s => $"{s.Key} {s.Value}")));
        Row("points earned / redeemed / expired", $"{figures.PointsEarned:N0} / {figures.PointsRedeemed:N0} / {figures.PointsExpired:N0}");
        Row("points liability", figures.Liability.ToString("N0", CultureInfo.InvariantCulture));
        Row("target base", figures.TargetBase);
        Row("strategy step", figures.StrategyStep);
        foreach (var cost in figures.Costs)
        {
            Row($"requests per {cost.Event}", $"mean {cost.MeanRequests}, max {cost.MaxRequests}" + (cost.Budget is { } b ? $", budget {b}" : string.Empty));
        }

        Row("time", $"{elapsed.TotalSeconds:F1} s");
        AnsiConsole.Write(table);
        Console.WriteLine($"Report: {outcome.Report}");
        Console.WriteLine($"Data:   {System.IO.Path.GetDirectoryName(outcome.DataFiles[0])}");
    }

    private sealed class ProgressBar(ProgressTask bar) : IDemoProgress
    {
        public void Month(int done, int total, string month, int events, long requests)
        {
            bar.Value = done;
            bar.Description = string.Create(CultureInfo.InvariantCulture, $"{month}: {events:N0} events, {requests:N0} requests");
        }
    }
}
