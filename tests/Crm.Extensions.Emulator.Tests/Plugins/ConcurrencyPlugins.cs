using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Tests.Plugins;

/// <summary>
/// Deliberately stateful (the anti-pattern the platform's instance caching punishes): counts its executions in an instance
/// field and stamps "count:&lt;n&gt;:&lt;instance&gt;" into a test_log named "count".
/// </summary>
public sealed class StatefulCounter : IPlugin
{
    private int _executions;

    public void Execute(IServiceProvider serviceProvider)
    {
        var target = Scenario.Target(Scenario.Context(serviceProvider));
        if (Scenario.Name(target) != "count") return;
        _executions++;
        target["test_name"] = $"count:{_executions}:{RuntimeHelpers.GetHashCode(this)}";
    }
}

/// <summary>
/// Holds a test_log named "gate:&lt;id&gt;" inside the pipeline until the test opens that gate, so a request stays in flight.
/// </summary>
public sealed class GatePlugin : IPlugin
{
    public static ConcurrentDictionary<string, (ManualResetEventSlim Entered, ManualResetEventSlim Release)> Gates { get; } = new();

    public void Execute(IServiceProvider serviceProvider)
    {
        var name = Scenario.Name(Scenario.Target(Scenario.Context(serviceProvider)));
        if (!name.StartsWith("gate:", StringComparison.Ordinal) || !Gates.TryGetValue(name, out var gate)) return;
        gate.Entered.Set();
        if (!gate.Release.Wait(TimeSpan.FromSeconds(10))) throw new InvalidPluginExecutionException("The test never opened the gate.");
    }
}
