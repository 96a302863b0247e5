using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Emulator.Observability;

/// <summary>
/// Organization-service requests by request name, split between the caller (what counts against API limits)
/// and plugins (not counted by Dataverse, but they cost execution time). Benchmarks report calls per business event from here.
/// </summary>
public sealed class RequestCounters
{
    private readonly Dictionary<string, int> _caller = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _plugin = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, int> Caller => _caller;

    public IReadOnlyDictionary<string, int> Plugin => _plugin;

    public int CallerTotal => _caller.Values.Sum();

    public int PluginTotal => _plugin.Values.Sum();

    /// <summary>Rows the caller's reads returned (each row of a RetrieveMultiple page, one per Retrieve).</summary>
    public int CallerRowsReturned { get; private set; }

    /// <summary>Rows plugins' reads returned: what a plug-in read costs beyond its request (joined rows count one each).</summary>
    public int PluginRowsReturned { get; private set; }

    public int CallerCount(string requestName) => _caller.TryGetValue(requestName, out var n) ? n : 0;

    public int PluginCount(string requestName) => _plugin.TryGetValue(requestName, out var n) ? n : 0;

    public void Reset()
    {
        _caller.Clear();
        _plugin.Clear();
        CallerRowsReturned = 0;
        PluginRowsReturned = 0;
    }

    internal void CountRows(Microsoft.Xrm.Sdk.OrganizationResponse? response, bool fromPlugin)
    {
        var rows = response?.Results.Values.Sum(value => value switch
        {
            Microsoft.Xrm.Sdk.EntityCollection page => page.Entities.Count,
            Microsoft.Xrm.Sdk.Entity => 1,
            _ => 0,
        }) ?? 0;
        if (fromPlugin) PluginRowsReturned += rows;
        else CallerRowsReturned += rows;
    }

    internal void Count(string requestName, bool fromPlugin)
    {
        var counts = fromPlugin ? _plugin : _caller;
        counts[requestName] = (counts.TryGetValue(requestName, out var n) ? n : 0) + 1;
    }

    public override string ToString() =>
        $"caller {CallerTotal} ({Describe(_caller)}), plugins {PluginTotal} ({Describe(_plugin)})";

    private static string Describe(Dictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
}
