using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Crm.Extensions.Emulator;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Crm.Extensions.Benchmarks;

/// <summary>
/// "--create-update [rounds]": Create and Update of a contact without steps, through the service, in rounds of 2,000 each after a
/// warm-up, timed in CPU time of this process (the machine is shared; CPU time moves far less with other load than wall time).
/// Prints one line per round and the medians. compare-create-update.sh runs this harness against a base commit's emulator and the
/// working tree's alternately, so both figures come from the same run.
/// </summary>
public static class CreateUpdateRun
{
    private const int Operations = 2000;

    public static void Run(int rounds)
    {
        var crm = DataverseEmulator.FromSolution(Path.Combine(AppContext.BaseDirectory, "Solution"), typeof(CreateUpdateRun).Assembly);
        var seed = new EntityCollection { EntityName = "contact" };
        for (var i = 0; i < 1000; i++) seed.Entities.Add(new Entity("contact") { ["lastname"] = "c" + i });
        crm.Service.Execute(new CreateMultipleRequest { Targets = seed });
        var ids = crm.All("contact").Select(c => c.Id).ToArray();
        var next = 0;
        void Create() => crm.Service.Create(new Entity("contact") { ["lastname"] = "n" });
        void Update() => crm.Service.Update(new Entity("contact", ids[next++ % ids.Length]) { ["firstname"] = "u" + next });

        Measure(500, Create);
        Measure(500, Update);
        var creates = new double[rounds];
        var updates = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            creates[round] = Measure(Operations, Create);
            updates[round] = Measure(Operations, Update);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: Create without steps {creates[round]:F1} µs/op, Update without steps {updates[round]:F1} µs/op"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median create-us={Median(creates):F1} update-us={Median(updates):F1}"));
    }

    private static double Median(double[] values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double Measure(int operations, Action act)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        for (var i = 0; i < operations; i++) act();
        process.Refresh();
        return (process.TotalProcessorTime - cpu).TotalMilliseconds * 1000 / operations;
    }
}
