using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Crm.Extensions.Emulator;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Benchmarks;

/// <summary>
/// A stopwatch harness for the emulator's own cost as tables grow ("--emulator-scale [rows,...]"): one indexed equality
/// query with TopCount 1, Create/Update without steps, CreateMultiple of 1,000 keyed rows into a 60,000-row table, and a
/// cookie-paged read of a whole table. Short on purpose: a few hundred operations each, figures for emulator/README.md.
/// </summary>
public static class EmulatorScale
{
    public static void Run(string[] sizes)
    {
        var rows = sizes.Length == 0 ? new[] { 1000, 100000 } : sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        foreach (var size in rows) QueryByEquality(size);
        CreateAndUpdate();
        CreateMultipleIntoLargeTable(60000);
        foreach (var size in rows.Where(r => r >= 100000)) CookiePagedRead(size);
    }

    private static DataverseEmulator Contacts() =>
        DataverseEmulator.FromSolution(Path.Combine(AppContext.BaseDirectory, "Solution"), typeof(EmulatorScale).Assembly);

    private static void SeedContacts(DataverseEmulator crm, int count)
    {
        for (var start = 0; start < count; start += 1000)
        {
            var batch = new EntityCollection { EntityName = "contact" };
            for (var i = start; i < Math.Min(count, start + 1000); i++)
            {
                batch.Entities.Add(new Entity("contact") { ["lastname"] = "c" + i, ["emailaddress1"] = $"c{i}@example.com" });
            }

            crm.Service.Execute(new CreateMultipleRequest { Targets = batch });
        }
    }

    private static void QueryByEquality(int size)
    {
        var crm = Contacts();
        var seed = Stopwatch.StartNew();
        SeedContacts(crm, size);
        seed.Stop();
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname"), TopCount = 1 };
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.Equal, $"c{size / 2}@example.com");
        crm.Service.RetrieveMultiple(query);
        var repeats = size >= 100000 ? 20 : 200;
        var (elapsed, bytes) = Measure(repeats, () => crm.Service.RetrieveMultiple(query));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RetrieveMultiple eq + TopCount 1 over {size:N0} contacts: {elapsed.TotalMilliseconds * 1000 / repeats:F1} µs/op, " +
            $"{bytes / repeats / 1024.0:F1} KB/op (seeding {seed.Elapsed.TotalSeconds:F1} s wall)"));
    }

    private static void CreateAndUpdate()
    {
        var crm = Contacts();
        SeedContacts(crm, 1000);
        var ids = crm.All("contact").Select(c => c.Id).Take(1000).ToArray();
        const int operations = 2000;
        var (create, createBytes) = Measure(operations, () => crm.Service.Create(new Entity("contact") { ["lastname"] = "n" }));
        var i = 0;
        var (update, updateBytes) = Measure(operations,
            () => crm.Service.Update(new Entity("contact", ids[i++ % ids.Length]) { ["firstname"] = "u" }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Create without steps: {create.TotalMilliseconds * 1000 / operations:F1} µs/op, {createBytes / operations / 1024.0:F1} " +
            $"KB/op; " +
            $"Update without steps: {update.TotalMilliseconds * 1000 / operations:F1} µs/op, {updateBytes / operations / 1024.0:F1} " +
            $"KB/op"));
    }

    /// <summary>cx_lifecycletransition has an alternate key (cx_sourcekey) and no steps: each new row is checked against the key.</summary>
    private static void CreateMultipleIntoLargeTable(int existing)
    {
        var crm = ProductSolution.Start();
        var customer = crm.Service.Create(new Entity("contact") { ["lastname"] = "owner" });
        EntityCollection Batch(int start, bool keyed)
        {
            var batch = new EntityCollection { EntityName = "cx_lifecycletransition" };
            for (var i = start; i < start + 1000; i++)
            {
                var row = new Entity("cx_lifecycletransition") { ["cx_name"] = "t" + i,
                    ["cx_customerid"] = new EntityReference("contact", customer) };
                if (keyed) row["cx_sourcekey"] = "k" + i.ToString(CultureInfo.InvariantCulture);
                batch.Entities.Add(row);
            }

            return batch;
        }

        var seed = Stopwatch.StartNew();
        for (var start = 0; start < existing; start += 1000)
            crm.Service.Execute(new CreateMultipleRequest { Targets = Batch(start, keyed: false) });
        seed.Stop();
        var (elapsed, bytes) = Measure(1, () => crm.Service.Execute(new CreateMultipleRequest { Targets = Batch(existing, keyed: true) }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CreateMultiple of 1,000 keyed rows into {existing:N0} rows: {elapsed.TotalMilliseconds:F0} ms, " +
            $"{bytes / 1024.0 / 1024.0:F1} MB " +
            $"(seeding {existing:N0} unkeyed rows {seed.Elapsed.TotalSeconds:F1} s)"));
    }

    /// <summary>Creates the table, then reads it in 5,000-row cookie pages filtered on a column, as a batch would.</summary>
    private static void CookiePagedRead(int size)
    {
        var crm = Contacts();
        var seed = Stopwatch.StartNew();
        SeedContacts(crm, size);
        seed.Stop();
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname"),
            PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 } };
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        var read = 0;
        var pages = Stopwatch.StartNew();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        while (true)
        {
            var page = crm.Service.RetrieveMultiple(query);
            read += page.Entities.Count;
            if (!page.MoreRecords) break;
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }

        pages.Stop();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{size:N0} contacts: created in {seed.Elapsed.TotalSeconds:F1} s (CreateMultiple of 1,000); read {read:N0} in cookie pages " +
            $"in " +
            $"{pages.Elapsed.TotalSeconds:F1} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:F1} s CPU; managed heap " +
            $"{GC.GetTotalMemory(false) / 1024.0 / 1024.0:F0} MB, " +
            $"peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB"));
    }

    /// <summary>
    /// Time is this process's CPU time, not wall time: the machine is shared, and CPU time moves far less with the load
    /// of other processes.
    /// </summary>
    private static (TimeSpan Elapsed, long Bytes) Measure(int repeats, Action act)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        for (var i = 0; i < repeats; i++) act();
        process.Refresh();
        return (process.TotalProcessorTime - cpu, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
