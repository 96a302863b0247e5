using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using Crm.Extensions.Emulator;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Benchmarks;

/// <summary>
/// Creates and updates per second through the emulator, with no steps (contact) and with 3 registered steps (account:
/// Create PreOperation, Update PreOperation, Update PostOperation with one Retrieve). Operations per benchmark call = OperationsPerInvoke.
/// </summary>
[MemoryDiagnoser]
public class EmulatorThroughput
{
    private const int Operations = 1000;
    private DataverseEmulator _crm = null!;
    private Guid[] _contacts = Array.Empty<Guid>();
    private Guid[] _accounts = Array.Empty<Guid>();

    [GlobalSetup]
    public void Setup()
    {
        _crm = DataverseEmulator.FromSolution(Path.Combine(AppContext.BaseDirectory, "Solution"), typeof(EmulatorThroughput).Assembly);
        _contacts = new Guid[Operations];
        _accounts = new Guid[Operations];
        for (var i = 0; i < Operations; i++)
        {
            _contacts[i] = _crm.Service.Create(new Entity("contact") { ["lastname"] = "seed " + i });
            _accounts[i] = _crm.Service.Create(new Entity("account") { ["name"] = "seed " + i });
        }
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public void CreateWithoutSteps()
    {
        for (var i = 0; i < Operations; i++) _crm.Service.Create(new Entity("contact") { ["lastname"] = "c" });
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public void UpdateWithoutSteps()
    {
        for (var i = 0; i < Operations; i++) _crm.Service.Update(new Entity("contact", _contacts[i]) { ["firstname"] = "u" });
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public void CreateWithThreeSteps()
    {
        for (var i = 0; i < Operations; i++) _crm.Service.Create(new Entity("account") { ["name"] = "a" });
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public void UpdateWithThreeSteps()
    {
        for (var i = 0; i < Operations; i++) _crm.Service.Update(new Entity("account", _accounts[i]) { ["name"] = "u" });
    }
}
