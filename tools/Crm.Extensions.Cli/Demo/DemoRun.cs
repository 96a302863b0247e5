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
    public static DemoOutcome Execute(DemoOptions options, string solutionSource, IDemoProgress progress)
    {
        var crm = DataverseEmulator.FromSolution(solutionSource, typeof(PluginBase).Assembly);
        crm.Clock.Set(DemoOptions.FirstDay.AddHours(8));
        var faker = new Faker(options.Spanish ? "es" : "en") { Random = new Randomizer(options.Seed) };
        var cast = new DemoCast(crm);
        var company = DemoCompany.Create(cast, options, faker);
        var figures = new DemoSimulation(crm, cast, company, options, faker).Run(progress);

        Directory.CreateDirectory(options.Output);
        var report = Path.Combine(options.Output, "report.html");
        File.WriteAllText(report, DemoReport.Write(figures, new DemoLabels(options.Spanish)), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var data = DemoCsv.Write(figures, Path.Combine(options.Output, "data"));
        return new DemoOutcome(figures, report, data, crm);
    }
}
