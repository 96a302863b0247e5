using System;
using System.IO;
using BenchmarkDotNet.Running;
using Crm.Extensions.Emulator;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Benchmarks;

public static class Program
{
    /// <summary>
    /// Prints organization-service requests per business event first (caller vs plugins, from the emulator's counters),
    /// then runs BenchmarkDotNet. "--counts" prints the counts only.
    /// </summary>
    public static void Main(string[] args)
    {
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
    }
}
