using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Crm.Extensions.Cli.Commands;
using Crm.Extensions.Cli.Demo;

namespace Crm.Extensions.Benchmarks;

/// <summary>
/// "--demo 2000,20000": `crmx demo` at each size (24 months, the default seed) in this process, printing wall time, the
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
                var watch = Stopwatch.StartNew();
                var outcome = DemoRun.Execute(new DemoOptions(size, Output: folder), repository.SolutionSource, new NoProgress());
                watch.Stop();
                using var process = Process.GetCurrentProcess();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"demo N = {size:N0}, {DemoOptions.DefaultMonths} months: {watch.Elapsed.TotalSeconds:F1} s, peak working set {process.PeakWorkingSet64 / 1048576:N0} MB, "
                    + $"{outcome.Figures.Events:N0} business events, {outcome.Figures.Requests:N0} requests"));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private sealed class NoProgress : IDemoProgress
    {
        public void Month(int done, int total, string month, int events, long requests)
        {
        }
    }
}
