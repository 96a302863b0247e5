using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Bogus;
using Crm.Extensions.Emulator;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Cli.Demo;

/// <summary>What a demo run wrote.</summary>
public sealed record DemoOutcome(DemoFigures Figures, string Report, IReadOnlyList<string> DataFiles, DataverseEmulator Crm);

/// <summary>
/// Loads solution/src and the product's plugin assembly (its net10.0 build, the same code as the net462 DLL that deploys)
/// into the emulator, creates the company, lives its months and writes the report and the CSV files.
/// </summary>
public static class DemoRun
{
    /// <summary>The report phase's steps: reading the figures off the rows, report.html, the CSV files.</summary>
    public const int ReportSteps = 3;

    public static DemoOutcome Execute(DemoOptions options, string solutionSource, IDemoProgress progress)
    {
        // Seeded row ids too: batches page by id, so random ids would move customers between pages and change request counts.
        var ids = new Random(options.Seed);
        var emulatorOptions = new EmulatorOptions { StartTimeUtc = DemoOptions.FirstDay.AddHours(8), NewRowId = () => NextId(ids) };
        var crm = DataverseEmulator.FromSolution(solutionSource, emulatorOptions, typeof(PluginBase).Assembly);
        var faker = new Faker(options.Spanish ? "es" : "en") { Random = new Randomizer(options.Seed) };
        var cast = new DemoCast(crm, () => NextId(ids));
        var company = DemoCompany.Create(cast, options, faker,
            created => progress.Company(created, options.Customers, (long)crm.Requests.CallerTotal + crm.Requests.PluginTotal));
        var simulation = new DemoSimulation(crm, cast, company, options, faker);
        simulation.Run(progress);

        var figures = simulation.Figures();
        progress.Report(1, ReportSteps, "figures");
        Directory.CreateDirectory(options.Output);
        var report = Path.Combine(options.Output, "report.html");
        File.WriteAllText(report, DemoReport.Write(figures, new DemoLabels(options.Spanish)),
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        progress.Report(2, ReportSteps, "report.html");
        var data = DemoCsv.Write(figures, Path.Combine(options.Output, "data"));
        progress.Report(3, ReportSteps, "data/*.csv");
        return new DemoOutcome(figures, report, data, crm);
    }

    private static Guid NextId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
