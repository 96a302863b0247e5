using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Crm.Extensions.Cli.Commands;
using Crm.Extensions.Cli.Demo;

namespace Crm.Extensions.Benchmarks;

/// <summary>
/// "--demo 2000,20000": `crmx demo` at each size (24 months, the default seed) in this process, printing wall and CPU time, the
/// process's peak working set, business events and requests. A stopwatch rather than BenchmarkDotNet, because one run of
/// the larger size takes minutes and is the figure a consultant waits for.
/// </summary>
public static class DemoRunBenchmark
{
    public static void Run(IEnumerable<int> sizes)
    {
        var repository = RepositoryPaths.Find(AppContext.BaseDirectory);
        foreach (var size in sizes)
        {
            var folder = Directory.CreateTempSubdirectory("crmx-demo-benchmark-").FullName;
            try
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var outcome = DemoRun.Execute(new DemoOptions(size, Output: folder), repository.SolutionSource, new NoProgress());
                watch.Stop();
                using var process = Process.GetCurrentProcess();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"demo N = {size:N0}, {DemoOptions.DefaultMonths} months: {watch.Elapsed.TotalSeconds:F1} s "
                    + $"(CPU {(process.TotalProcessorTime - cpu).TotalSeconds:F1} s: compare this one on a shared machine), "
                    + $"peak working set {process.PeakWorkingSet64 / 1048576:N0} MB, "
                    + $"{outcome.Figures.Events:N0} business events, {outcome.Figures.Requests:N0} requests"));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The benchmark prints one line per size at the end; progress in between would only add noise to the timing.</summary>
    private sealed class NoProgress : IDemoProgress
    {
        public void Company(int created, int total, long requests)
        {
        }

        public void Month(int done, int total, string month, int events, long requests)
        {
        }

        public void Report(int done, int total, string step)
        {
        }
    }
}
