using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Emulator.Storage;

/// <summary>
/// The tables' rows. Every write goes through here and, inside a transaction, records the row's previous state
/// in the transaction's undo log, so a rollback restores every row a request (and its nested calls) touched.
/// </summary>
internal sealed class DataStore
{
    private readonly Dictionary<string, Dictionary<Guid, StoredRow>> _tables = new(StringComparer.OrdinalIgnoreCase);
    private long _sequence;
    private long _version;

    public Transaction? Current { get; private set; }

    public Transaction Begin()
    {
        if (Current is not null) throw new InvalidOperationException("A transaction is already open.");
        Current = new Transaction(this);
        return Current;
    }

    internal void End(Transaction transaction)
    {
        if (!ReferenceEquals(Current, transaction)) throw new InvalidOperationException("Ending a transaction that is not the current one.");
        Current = null;
    }

    public StoredRow? Find(string table, Guid id) =>
        _tables.TryGetValue(table, out var rows) && rows.TryGetValue(id, out var row) ? row : null;

    public IEnumerable<StoredRow> Rows(string table) =>
        _tables.TryGetValue(table, out var rows) ? rows.Values.OrderBy(r => r.Sequence) : Enumerable.Empty<StoredRow>();

    public int Count(string table) => _tables.TryGetValue(table, out var rows) ? rows.Count : 0;

    public StoredRow Insert(string table, Guid id, Dictionary<string, object?> values)
    {
        var row = new StoredRow(id, ++_sequence, ++_version, values);
        Rows(table, create: true)![id] = row;
        Current?.Record(table, id, before: null);
        return row;
    }

    public void Update(string table, StoredRow row, IEnumerable<KeyValuePair<string, object?>> changes)
    {
        Current?.Record(table, row.Id, row.Copy());
        foreach (var change in changes) row.Values[change.Key] = ValueCopier.Copy(change.Value);
        row.Version = ++_version;
    }

    public void Remove(string table, Guid id)
    {
        var rows = Rows(table, create: false);
        if (rows is null || !rows.Remove(id, out var row)) return;
        Current?.Record(table, id, row);
    }

    /// <summary>Puts a row back exactly as it was (or removes it if it did not exist). Used only by rollback.</summary>
    internal void Restore(string table, Guid id, StoredRow? before)
    {
        var rows = Rows(table, create: true)!;
        if (before is null) rows.Remove(id);
        else rows[id] = before;
    }

    private Dictionary<Guid, StoredRow>? Rows(string table, bool create)
    {
        if (_tables.TryGetValue(table, out var rows)) return rows;
        if (!create) return null;
        rows = new Dictionary<Guid, StoredRow>();
        _tables[table] = rows;
        return rows;
    }
}
