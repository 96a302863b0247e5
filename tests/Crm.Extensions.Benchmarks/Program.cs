using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using Crm.Extensions.Emulator;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Benchmarks;

public static class Program
{
    /// <summary>
    /// Prints organization-service requests per business event first (caller vs plugins, from the emulator's counters),
    /// then runs BenchmarkDotNet. "--counts" prints the counts only; "--scale 20000,100000" runs <see cref="ScaleRun"/> only
    /// (stopped if the working set passes "--max-working-set-mb", 10,240 by default);
    /// "--emulator-scale [rows,...]" runs the emulator's stopwatch harness (<see cref="EmulatorScale"/>) only;
    /// "--demo 2000,20000" times `crmx demo` (<see cref="DemoRunBenchmark"/>) only;
    /// "--create-update [rounds]" runs <see cref="CreateUpdateRun"/> only.
    /// </summary>
    public static void Main(string[] args)
    {
        var emulatorScale = Array.IndexOf(args, "--emulator-scale");
        if (emulatorScale >= 0)
        {
            EmulatorScale.Run(emulatorScale + 1 < args.Length ? args[emulatorScale + 1].Split(',') : Array.Empty<string>());
            return;
        }

        var demo = Array.IndexOf(args, "--demo");
        if (demo >= 0)
        {
            var sizes = demo + 1 < args.Length ? args[demo + 1] : "2000,20000";
            DemoRunBenchmark.Run(sizes.Split(',').Select(size => int.Parse(size, System.Globalization.CultureInfo.InvariantCulture)));
            return;
        }

        var createUpdate = Array.IndexOf(args, "--create-update");
        if (createUpdate >= 0)
        {
            var rounds = createUpdate + 1 < args.Length
                ? int.Parse(args[createUpdate + 1], System.Globalization.CultureInfo.InvariantCulture)
                : 5;
            CreateUpdateRun.Run(rounds);
            return;
        }

        var scale = Array.IndexOf(args, "--scale");
        if (scale >= 0)
        {
            var sizes = scale + 1 < args.Length ? args[scale + 1] : "20000";
            var limit = Array.IndexOf(args, "--max-working-set-mb");
            var megabytes = limit >= 0 && limit + 1 < args.Length
                ? long.Parse(args[limit + 1], System.Globalization.CultureInfo.InvariantCulture)
                : ScaleRun.DefaultLimitMegabytes;
            ScaleRun.Run(sizes.Split(',').Select(size => int.Parse(size, System.Globalization.CultureInfo.InvariantCulture)), megabytes);
            return;
        }

        PrintRequestCounts();
        if (Array.IndexOf(args, "--counts") >= 0) return;
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static void PrintRequestCounts()
    {
        var crm = DataverseEmulator.FromSolution(Path.Combine(AppContext.BaseDirectory, "Solution"), typeof(Program).Assembly);
        var contact = crm.Service.Create(new Entity("contact") { ["lastname"] = "x" });
        var account = crm.Service.Create(new Entity("account") { ["name"] = "x" });
        void Measure(string label, Action act)
        {
            crm.ResetObservations();
            act();
            Console.WriteLine($"{label}: requests {crm.Requests}; steps fired {crm.FiredSteps.Count}");
        }

        Measure("Create, no steps", () => crm.Service.Create(new Entity("contact") { ["lastname"] = "y" }));
        Measure("Update, no steps", () => crm.Service.Update(new Entity("contact", contact) { ["firstname"] = "y" }));
        Measure("Create, 3 steps registered", () => crm.Service.Create(new Entity("account") { ["name"] = "y" }));
        Measure("Update, 3 steps registered", () => crm.Service.Update(new Entity("account", account) { ["name"] = "y" }));

        var product = ProductEvents.ExistingCustomer();
        void MeasureProduct(string label, Action act)
        {
            product.Crm.ResetObservations();
            act();
            product.Crm.DrainAsyncJobs();
            Console.WriteLine($"{label}: requests {product.Crm.Requests}; steps fired {product.Crm.FiredSteps.Count}");
        }

        var invoice = ProductEvents.OpenInvoice(product.Data, product.Customer, product.Family);
        MeasureProduct("Product: 3-line invoice paid, existing customer", () => product.Data.Pay(invoice));
        MeasureProduct("Product: interaction logged", () => product.Crm.Service.Create(product.Data.NewInteraction(product.Customer)));
    }
}
