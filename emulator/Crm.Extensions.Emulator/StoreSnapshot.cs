using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator;

public sealed partial class DataverseEmulator
{
    /// <summary>
    /// A copy of every committed row of every table (values and RowVersion). Diff it against a later snapshot to prove
    /// that a refused request changed nothing, or to list exactly what a request wrote.
    /// </summary>
    public StoreSnapshot Snapshot()
    {
        lock (_engine.Gate)
        {
            var tables = new Dictionary<string, Dictionary<Guid, SnapshotRow>>(StringComparer.OrdinalIgnoreCase);
            foreach (var table in _engine.Catalog.Tables.Keys)
            {
                var rows = new Dictionary<Guid, SnapshotRow>();
                foreach (var row in _engine.Store.Rows(table)) rows[row.Id] = new SnapshotRow(row.Version, ValueCopier.CopyAll(row.Values));
                if (rows.Count > 0) tables[table] = rows;
            }

            return new StoreSnapshot(tables);
        }
    }
}

/// <summary>Every committed row at one moment. Immutable; compare two with <see cref="DiffTo"/>.</summary>
public sealed class StoreSnapshot
{
    private readonly Dictionary<string, Dictionary<Guid, SnapshotRow>> _tables;

    internal StoreSnapshot(Dictionary<string, Dictionary<Guid, SnapshotRow>> tables) => _tables = tables;

    public int RowCount => _tables.Values.Sum(t => t.Count);

    /// <summary>
    /// What changed from this snapshot to <paramref name="later"/>: rows created, deleted and updated, per table. A row
    /// counts as updated when any column value differs or when it was written again (RowVersion moved) with equal values,
    /// so no write goes unnoticed.
    /// </summary>
    public SnapshotDiff DiffTo(StoreSnapshot later)
    {
        if (later is null) throw new ArgumentNullException(nameof(later));
        var changes = new List<RowChange>();
        foreach (var table in _tables.Keys.Union(later._tables.Keys, StringComparer.OrdinalIgnoreCase)
            .OrderBy(t => t, StringComparer.Ordinal))
        {
            var before = _tables.TryGetValue(table, out var b) ? b : new Dictionary<Guid, SnapshotRow>();
            var after = later._tables.TryGetValue(table, out var a) ? a : new Dictionary<Guid, SnapshotRow>();
            foreach (var id in after.Keys.Where(id => !before.ContainsKey(id)))
            {
                changes.Add(
                    new RowChange(table, id, RowChangeKind.Created,
                        after[id].Values.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList()));
            }

            foreach (var id in before.Keys.Where(id => !after.ContainsKey(id)))
            {
                changes.Add(new RowChange(table, id, RowChangeKind.Deleted, Array.Empty<string>()));
            }

            foreach (var id in before.Keys.Where(after.ContainsKey))
            {
                var columns = ChangedColumns(before[id].Values, after[id].Values);
                if (columns.Count > 0 || before[id].Version != after[id].Version)
                {
                    changes.Add(new RowChange(table, id, RowChangeKind.Updated, columns));
                }
            }
        }

        return new SnapshotDiff(changes);
    }

    private static List<string> ChangedColumns(Dictionary<string, object?> before, Dictionary<string, object?> after) =>
        before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Where(column => !ValuesEqual(before.GetValueOrDefault(column), after.GetValueOrDefault(column)))
            .OrderBy(column => column, StringComparer.Ordinal)
            .ToList();

    private static bool ValuesEqual(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (EntityReference l, EntityReference r) => string.Equals(l.LogicalName, r.LogicalName, StringComparison.OrdinalIgnoreCase)
            && l.Id == r.Id,
        (OptionSetValue l, OptionSetValue r) => l.Value == r.Value,
        (Money l, Money r) => l.Value == r.Value,
        (OptionSetValueCollection l, OptionSetValueCollection r) => l.Select(o => o.Value).SequenceEqual(r.Select(o => o.Value)),
        (byte[] l, byte[] r) => l.AsSpan().SequenceEqual(r),
        (Entity l, Entity r) => l.LogicalName == r.LogicalName && l.Id == r.Id && l.Attributes.Count == r.Attributes.Count
            && l.Attributes.All(p => r.Attributes.TryGetValue(p.Key, out var v) && ValuesEqual(p.Value, v)),
        (EntityCollection l, EntityCollection r) => l.Entities.Count == r.Entities.Count
            && l.Entities.Zip(r.Entities).All(pair => ValuesEqual(pair.First, pair.Second)),
        _ => left.Equals(right),
    };
}

internal sealed record SnapshotRow(long Version, Dictionary<string, object?> Values);

public enum RowChangeKind
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One row that differs between two snapshots; for an update, the columns whose values differ.</summary>
public sealed record RowChange(string Table, Guid Id, RowChangeKind Kind, IReadOnlyList<string> Columns)
{
    public override string ToString() => Kind switch
    {
        RowChangeKind.Updated when Columns.Count == 0 => $"{Table} {Id}: rewritten with equal values",
        RowChangeKind.Updated => $"{Table} {Id}: updated {string.Join(", ", Columns)}",
        _ => $"{Table} {Id}: {Kind.ToString().ToLowerInvariant()}",
    };
}

/// <summary>The rows created, updated and deleted between two snapshots, ordered by table.</summary>
public sealed class SnapshotDiff
{
    internal SnapshotDiff(IReadOnlyList<RowChange> changes) => Changes = changes;

    public IReadOnlyList<RowChange> Changes { get; }

    public bool IsEmpty => Changes.Count == 0;

    public IEnumerable<RowChange> Created(string table) => Of(table, RowChangeKind.Created);

    public IEnumerable<RowChange> Updated(string table) => Of(table, RowChangeKind.Updated);

    public IEnumerable<RowChange> Deleted(string table) => Of(table, RowChangeKind.Deleted);

    /// <summary>Counts per table and kind, e.g. "contact: 1 created, 2 updated"; "no changes" when empty.</summary>
    public override string ToString()
    {
        if (IsEmpty) return "no changes";
        var text = new StringBuilder();
        foreach (var table in Changes.GroupBy(c => c.Table, StringComparer.OrdinalIgnoreCase))
        {
            var counts = table.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
            text.Append(text.Length == 0 ? string.Empty : "; ").Append(table.Key).Append(": ").Append(string.Join(", ", counts));
        }

        return text.ToString();
    }

    private IEnumerable<RowChange> Of(string table, RowChangeKind kind) =>
        Changes.Where(c => c.Kind == kind && string.Equals(c.Table, table, StringComparison.OrdinalIgnoreCase));
}
