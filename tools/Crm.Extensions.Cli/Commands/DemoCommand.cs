using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
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
        var customers = new Option<int>("--customers") { Description = "Customers of the synthetic company.",
            DefaultValueFactory = _ => DemoOptions.DefaultCustomers };
        var months = new Option<int>("--months") { Description = "Months the company lives through.",
            DefaultValueFactory = _ => DemoOptions.DefaultMonths };
        var seed = new Option<int>("--seed") { Description = "Random seed: one seed, one identical report.",
            DefaultValueFactory = _ => DemoOptions.DefaultSeed };
        var language = new Option<string>("--lang") { Description = "Report language: en or es.", DefaultValueFactory = _ => "en" };
        var output = new Option<string?>("--out") { Description = "Output folder (default artifacts/demo)." };
        var command = new Command("demo", "Run the product on a synthetic company in the emulator and write artifacts/demo/report.html.")
        {
            customers, months, seed, language, output,
        };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var repository = RepositoryPaths.Find();
            var options = new DemoOptions(result.GetValue(customers), result.GetValue(months), result.GetValue(seed),
                result.GetValue(language)!,
                result.GetValue(output) ?? Path.Combine(repository.Artifacts, "demo"));
            if (options.Problem() is { } problem)
            {
                Console.Error.WriteLine($"error: {problem}");
                return BadInput;
            }

            var watch = Stopwatch.StartNew();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            // A live display only on a terminal that redraws; redirected output (CI, a file) gets one plain line per step,
            // the same on every run with one seed, with the timing (the one thing that differs) on stderr.
            var live = console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi && console.Profile.Out.IsTerminal;
            var outcome = live
                ? WithBars(console, options, repository.SolutionSource)
                : DemoRun.Execute(options, repository.SolutionSource, new PhaseLines(Console.Out));
            Summary(console, outcome);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            (live ? Console.Out : Console.Error).WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Time: {watch.Elapsed.TotalSeconds:F1} s, CPU time {cpu.TotalSeconds:F1} s"));
            return CommandRunner.Success;
        }));
        return command;
    }

    private static DemoOutcome WithBars(IAnsiConsole console, DemoOptions options, string solutionSource)
    {
        DemoOutcome? outcome = null;
        console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn())
            .Start(context => outcome = DemoRun.Execute(options, solutionSource, new PhaseBars(context, options)));
        return outcome!;
    }

    /// <summary>The figures a reader checks first, the cost of each business event against its budget, and where the files are.</summary>
    private static void Summary(IAnsiConsole console, DemoOutcome outcome)
    {
        var figures = outcome.Figures;
        var last = figures.MonthsClosed[^1];
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string value) => grid.AddRow(new Text(name), new Text(value));
        Row("customers × months", $"{N(figures.Customers)} × {figures.Months}");
        Row("business events", N(figures.Events));
        Row("requests", N(figures.Requests) + " (caller + plugins)");
        Row("members per tier", string.Join(", ", last.MembersPerTier.Select(t => $"{t.Key} {N(t.Value)}")));
        Row("stages", string.Join(", ", last.Stages.Select(s => $"{s.Key} {N(s.Value)}")));
        Row("points", $"earned {N(figures.PointsEarned)}, redeemed {N(figures.PointsRedeemed)}, expired {N(figures.PointsExpired)}, "
            + $"owed {N(figures.Liability)}");
        Row("portfolio", $"target base {N(figures.TargetBase)}, strategy at {figures.StrategyStep}");
        console.Write(grid);

        var costs = new Table().Border(TableBorder.Simple).AddColumn("requests per business event")
            .AddColumn(new TableColumn("count").RightAligned()).AddColumn(new TableColumn("mean").RightAligned())
            .AddColumn(new TableColumn("max").RightAligned()).AddColumn(new TableColumn("budget").RightAligned());
        foreach (var cost in figures.Costs)
        {
            costs.AddRow(new Text(cost.Event), new Text(N(cost.Count)), new Text(N(cost.MeanRequests)), new Text(N(cost.MaxRequests)),
                new Text(cost.Budget is { } budget ? N(budget) : string.Empty));
        }

        console.Write(costs);
        // Plain writes: a long path must not be wrapped at the console's width, or it cannot be copied.
        Console.Out.WriteLine($"Report: {outcome.Report}");
        Console.Out.WriteLine($"Data:   {Path.GetDirectoryName(outcome.DataFiles[0])}");
    }

    private static string N(decimal value) => value.ToString(value == decimal.Truncate(value) ? "N0" : "N2", CultureInfo.InvariantCulture);

    /// <summary>Three bars, one per phase (seeding the company, living the months, writing the report), each with its counters.</summary>
    private sealed class PhaseBars : IDemoProgress
    {
        private readonly ProgressTask _company;
        private readonly ProgressTask _months;
        private readonly ProgressTask _report;

        public PhaseBars(ProgressContext context, DemoOptions options)
        {
            _company = context.AddTask(Describe("Company", "customers"), maxValue: options.Customers);
            _months = context.AddTask(Describe("Months", "waiting"), autoStart: false, maxValue: options.Months);
            _report = context.AddTask(Describe("Report", "waiting"), autoStart: false, maxValue: DemoRun.ReportSteps);
        }

        public void Company(int created, int total, long requests)
        {
            // A redraw per customer would cost more than the customer; every 1% is smooth enough.
            if (created != total && created % Math.Max(1, total / 100) != 0)
            {
                return;
            }

            _company.Value = created;
            _company.Description = Describe("Company", $"{N(created)}/{N(total)} customers, {N(requests)} requests");
            if (created == total)
            {
                _company.StopTask();
                _months.StartTask();
            }
        }

        public void Month(int done, int total, string month, int events, long requests)
        {
            _months.Value = done;
            _months.Description = Describe("Months", $"{month} ({done}/{total}), {N(events)} events, {N(requests)} requests");
            if (done == total)
            {
                _months.StopTask();
                _report.StartTask();
            }
        }

        public void Report(int done, int total, string step)
        {
            _report.Value = done;
            _report.Description = Describe("Report", $"{step} ({done}/{total})");
            if (done == total)
            {
                _report.StopTask();
            }
        }

        private static string Describe(string phase, string detail) => Markup.Escape($"{phase,-8}{detail}");
    }

    /// <summary>Redirected output: one line per finished step, and nothing that depends on the clock.</summary>
    private sealed class PhaseLines(TextWriter output) : IDemoProgress
    {
        public void Company(int created, int total, long requests)
        {
            if (created == total)
            {
                output.WriteLine($"Company: {N(total)} customers, {N(requests)} requests");
            }
        }

        public void Month(int done, int total, string month, int events, long requests) =>
            output.WriteLine($"Months:  {month} ({done}/{total}), {N(events)} events, {N(requests)} requests");

        public void Report(int done, int total, string step) => output.WriteLine($"Report:  {step} ({done}/{total})");
    }
}
