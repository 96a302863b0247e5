using System;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Tests;

public class PluginInstanceTests
{
    private static (int Executions, string Instance) Stamp(DataverseEmulator crm, Guid log)
    {
        var parts = crm.Get("test_log", log)!.GetAttributeValue<string>("test_name").Split(':');
        return (int.Parse(parts[1]), parts[2]);
    }

    [Fact]
    public void Should_KeepInstanceStateAcrossRequests_When_TheStepFiresTwice()
    {
        var crm = EmulatorFixture.Create();

        var first = Stamp(crm, crm.Service.Create(new Entity("test_log") { ["test_name"] = "count" }));
        var second = Stamp(crm, crm.Service.Create(new Entity("test_log") { ["test_name"] = "count" }));

        Assert.Equal(1, first.Executions);
        Assert.Equal(2, second.Executions);
        Assert.Equal(first.Instance, second.Instance);
    }

    [Fact]
    public void Should_ServeConcurrentCallersWithTheSameInstance_When_RequestsRunInParallelThreads()
    {
        var crm = EmulatorFixture.Create();
        const int callers = 8;
        var ids = new Guid[callers];
        using var start = new Barrier(callers);
        var threads = Enumerable.Range(0, callers).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            ids[i] = crm.Service.Create(new Entity("test_log") { ["test_name"] = "count" });
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var stamps = ids.Select(id => Stamp(crm, id)).ToList();
        Assert.Single(stamps.Select(s => s.Instance).Distinct());
        // The engine serialises requests, so the unsynchronised counter loses no increment: each caller saw its own count.
        Assert.Equal(Enumerable.Range(1, callers), stamps.Select(s => s.Executions).OrderBy(n => n));
        Assert.Equal(callers, crm.Count("test_log"));
    }
}
