using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Emulator;
using Crm.Extensions.Plugins.Lifecycle;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Status = Crm.Extensions.EarlyBound.PortfolioAnalysis.AnalysisStatusChoice;

namespace Crm.Extensions.Benchmarks;

/// <summary>
/// "--scale 20000,100000": for each size, a fresh emulator with skewed purchase data (2% heavy buyers with 15–40
/// invoices, 60% one-off buyers, the rest 2–4 invoices, 1–4 lines per invoice over ten costed products, four customers in
/// five contacts), then the portfolio analysis (resumed as a scheduled flow would whenever it pauses at the chain limit),
/// the lifecycle evaluation (called again with its cursor while More) and the ledger run. Per run it prints requests by
/// message, units, wall time, peak working set, requests per 1,000 customers and the ratio to the floor
/// (1 read and 1 aggregate per 5,000 customers, 1 write per 1,000 changed rows).
/// </summary>
public static class ScaleRun
{
    /// <summary>Default working-set limit: the machine is shared, so a run that outgrows it stops instead of swapping others out.</summary>
    public const long DefaultLimitMegabytes = 10240;

    public static void Run(IEnumerable<int> sizes, long limitMegabytes = DefaultLimitMegabytes)
    {
        using var guard = new WorkingSetGuard(limitMegabytes * 1024 * 1024);
        foreach (var size in sizes)
        {
            var crm = ProductSolution.Start();
            var watch = Stopwatch.StartNew();
            Seed(crm, size, new Random(size));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"N = {size:N0}: seeded in {watch.Elapsed.TotalSeconds:F1} s ({RowCount(crm):N0} rows; live managed heap {Heap():N0} MB)"));
            Analysis(crm, size, "analysis");
            Analysis(crm, size, "analysis, second run with nothing changed");
            Lifecycle(crm, size);
            Ledger(crm, size);
            // The next size starts from an empty heap, so its peak is its own.
            crm = null;
            GC.Collect();
        }
    }

    private static int RowCount(DataverseEmulator crm) =>
        new[] { "contact", "account", "invoice", "invoicedetail", "cx_loyaltytransaction" }.Sum(crm.Count);

    /// <summary>The live managed heap after a full collection: what the seeded rows hold.</summary>
    private static long Heap() => GC.GetTotalMemory(true) / (1024 * 1024);

    private static void Analysis(DataverseEmulator crm, int size, string label)
    {
        var run = Measure.Start(crm);
        var id = crm.Service.Create(new PortfolioAnalysis { Name = "Scale" });
        crm.DrainAsyncJobs();
        var resumes = 0;
        while (crm.Get(PortfolioAnalysis.EntityLogicalName, id)!.ToEntity<PortfolioAnalysis>().AnalysisStatus == Status.Paused)
        {
            resumes++;
            crm.Service.Update(new PortfolioAnalysis { Id = id, AnalysisStatus = Status.Queued });
            crm.DrainAsyncJobs();
        }

        var row = crm.Get(PortfolioAnalysis.EntityLogicalName, id)!.ToEntity<PortfolioAnalysis>();
        var units = crm.Traces.Count(trace => trace.Text.Contains("requests in this unit", StringComparison.Ordinal));
        var floor = (2 * Ceiling(size, 5000)) + Ceiling(row.ChangedCount ?? 0, 1000);
        run.Print($"{label} ({row.AnalysisStatus}, {row.ChangedCount} changed, {resumes} resumes)", size, units, floor);
    }

    private static void Lifecycle(DataverseEmulator crm, int size)
    {
        var run = Measure.Start(crm);
        var units = 0;
        var written = 0;
        object? cursor = null;
        while (true)
        {
            units++;
            var response = crm.Service.Execute(
                new OrganizationRequest(EvaluateLifecycle.ApiName) { [EvaluateLifecycle.CursorParameter] = cursor });
            written += (int)response[EvaluateLifecycle.TransitionsOutput];
            if (response[EvaluateLifecycle.MoreOutput] is false) break;
            cursor = response[EvaluateLifecycle.CursorOutput];
        }

        var floor = (2 * Ceiling(size, 5000)) + (2 * Ceiling(written, 1000));
        run.Print($"lifecycle ({written} transitions)", size, units, floor);
    }

    private static void Ledger(DataverseEmulator crm, int size)
    {
        var run = Measure.Start(crm);
        var response = crm.Service.Execute(new OrganizationRequest(ProcessLoyaltyLedger.Api));
        var changed = (int)response["Vested"] + (int)response["Expired"];
        var floor = Ceiling(size, 5000) + Ceiling(changed, 1000);
        run.Print($"ledger ({response["Vested"]} vested, {response["Expired"]} expired, {response["Warned"]} warned)", size, 1, floor);
    }

    private static int Ceiling(int value, int size) => (value + size - 1) / size;

    private static void Seed(DataverseEmulator crm, int size, Random random)
    {
        var data = new DataProducer(crm);
        var program = data.Program();
        var products = Enumerable.Range(1, 10).Select(i => data.CostedProduct(5m * i)).ToList();
        var now = crm.Clock.UtcNow;
        var stages = new[] { GlobalChoices.LifecycleStage.New, GlobalChoices.LifecycleStage.Repeat, GlobalChoices.LifecycleStage.Loyal };
        for (var i = 0; i < size; i++)
        {
            var stage = new OptionSetValue((int)stages[random.Next(stages.Length)]);
            Entity customer = i % 5 == 4
                ? data.Account(a => a[Account.Fields.LifecycleStage] = stage) : data.Contact(c => c[Contact.Fields.LifecycleStage] = stage);
            var roll = random.NextDouble();
            var invoices = roll < 0.02 ? random.Next(15, 41) : roll < 0.62 ? 1 : random.Next(2, 5);
            for (var n = 0; n < invoices; n++) PaidInvoice(crm, customer, now.AddDays(-random.Next(0, 700)), products, random);
            data.AvailablePoints(customer, program, 100);
        }
    }

    private static void PaidInvoice(DataverseEmulator crm, Entity customer, DateTime paidOn, IReadOnlyList<Product> products, Random random)
    {
        var now = crm.Clock.UtcNow;
        crm.Clock.Set(paidOn);
        try
        {
            var invoice = new Invoice { Id = Guid.NewGuid(), Name = "INV", CustomerId = customer.ToEntityReference(),
                TotalAmount = new Money(100m) };
            invoice[Invoice.Fields.StateCode] = new OptionSetValue(2);
            var lines = Enumerable.Range(0, random.Next(1, 5)).Select(_ =>
            {
                var product = products[random.Next(products.Count)];
                var quantity = (decimal)random.Next(1, 4);
                // Seeding skips the pipeline: the line carries the cost KeepLineCost gives a line written through it.
                return (Entity)new InvoiceDetail
                {
                    InvoiceId = invoice.ToEntityReference(),
                    ProductId = product.ToEntityReference(),
                    Quantity = quantity,
                    ExtendedAmount = new Money(random.Next(10, 500)),
                    LineCost = new Money(quantity * product.CurrentCost!.Value),
                };
            });
            crm.Seed(new Entity[] { invoice }.Concat(lines).ToArray());
        }
        finally
        {
            crm.Clock.Set(now);
        }
    }

    /// <summary>
    /// One run's observations: requests by message (plug-in calls), wall and CPU time (the machine is shared: CPU time moves
    /// less with other processes' load), the process's peak working set so far and the stored rows queries examined.
    /// </summary>
    private sealed class Measure
    {
        private readonly DataverseEmulator _crm;
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly TimeSpan _cpu;

        private Measure(DataverseEmulator crm)
        {
            _crm = crm;
            _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        }

        public static Measure Start(DataverseEmulator crm)
        {
            crm.ResetObservations();
            return new Measure(crm);
        }

        public void Print(string run, int size, int units, int floor)
        {
            using var process = Process.GetCurrentProcess();
            var total = _crm.Requests.PluginTotal;
            var byMessage = string.Join(", ", _crm.Requests.Plugin.OrderByDescending(pair => pair.Value)
                .Select(pair => $"{pair.Key} {pair.Value}"));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "  {0}: {1} requests ({2}); {3} units; {4:F1} s wall, {5:F1} s CPU; peak working set {6:N0} MB; {7:N0} rows examined; "
                    + "{8:F2} requests per 1,000 customers; {9:F2} x floor ({10})",
                run, total, byMessage, units, _watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - _cpu).TotalSeconds,
                process.PeakWorkingSet64 / (1024 * 1024), _crm.RowsExamined, total * 1000.0 / size,
                floor == 0 ? 0 : (double)total / floor, floor));
        }
    }
}
