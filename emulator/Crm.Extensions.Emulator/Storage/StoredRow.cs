using System;
using System.Collections;
using System.Collections.Generic;

namespace Crm.Extensions.Emulator.Storage;

/// <summary>
/// A row as stored: column values (SDK value types, private copies) and the RowVersion counter. The values sit in an array
/// indexed by the table's <see cref="ColumnSlots"/> instead of a dictionary per row (a million-row table would otherwise
/// spend about a kilobyte a row on dictionary entries and buckets); see <see cref="RowValues"/>.
/// </summary>
internal sealed class StoredRow
{
    // Marks a column present with a null value (an empty slot is an absent column), the row's own id in its primary key
    // column, and the row's version in versionnumber: the last two are read from the row instead of kept boxed per row.
    internal static readonly object NullValue = new();
    internal static readonly object IdValue = new();
    internal static readonly object VersionValue = new();

    private StoredRow(Guid id, long sequence, long version, ColumnSlots columns, object?[] values)
    {
        Id = id;
        Sequence = sequence;
        Version = version;
        Columns = columns;
        Slots = values;
    }

    public StoredRow(Guid id, long sequence, long version, ColumnSlots columns, IEnumerable<KeyValuePair<string, object?>> values)
        : this(id, sequence, version, columns, new object?[columns.Count])
    {
        foreach (var pair in values) Set(pair.Key, pair.Value);
    }

    public Guid Id { get; }

    /// <summary>Insertion order, so unordered queries are deterministic.</summary>
    public long Sequence { get; }

    public long Version { get; set; }

    internal ColumnSlots Columns { get; }

    internal object?[] Slots { get; set; }

    public RowValues Values => new(this);

    /// <summary>
    /// The row as it is now, for the undo log. Stored values are private copies that nothing changes in place (a write
    /// replaces a column's value), so the copy shares them and copies only the slots.
    /// </summary>
    public StoredRow Copy() => new(Id, Sequence, Version, Columns, (object?[])Slots.Clone());

    public object? Get(string column) => Values.TryGetValue(column, out var value) ? value : null;

    /// <summary>Sets a column's value (null keeps the column, with no value).</summary>
    public void Set(string column, object? value)
    {
        var slot = Columns.Add(column);
        if (slot >= Slots.Length)
        {
            var grown = Slots;
            Array.Resize(ref grown, Columns.Count);
            Slots = grown;
        }

        Slots[slot] = value switch
        {
            null => NullValue,
            Guid id when id == Id && column.EndsWith("id", StringComparison.Ordinal) => IdValue,
            long version when version == Version && column == "versionnumber" => VersionValue,
            _ => value,
        };
    }
}

/// <summary>The column names one table's rows have used so far, each with a slot number (shared by all rows of the table).</summary>
internal sealed class ColumnSlots
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<string> _names = new();

    public int Count => _names.Count;

    public string NameOf(int slot) => _names[slot];

    public int Find(string column) => _slots.TryGetValue(column, out var slot) ? slot : -1;

    public int Add(string column)
    {
        if (_slots.TryGetValue(column, out var slot)) return slot;
        slot = _names.Count;
        _slots[column] = slot;
        _names.Add(column);
        return slot;
    }
}

/// <summary>
/// A stored row's columns, read and written like a dictionary: a column set to null is present with a null value, a column
/// never set is absent. Enumerates in slot order (the order the table's columns were first written).
/// </summary>
internal readonly struct RowValues : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly StoredRow _row;

    public RowValues(StoredRow row) => _row = row;

    public object? this[string column] =>
        TryGetValue(column, out var value) ? value : throw new KeyNotFoundException($"The row has no column '{column}'.");

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var value in _row.Slots)
            {
                if (value is not null) count++;
            }

            return count;
        }
    }

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var pair in this) yield return pair.Key;
        }
    }

    public bool TryGetValue(string column, out object? value)
    {
        var slot = _row.Columns.Find(column);
        var stored = slot >= 0 && slot < _row.Slots.Length ? _row.Slots[slot] : null;
        value = Read(stored);
        return stored is not null;
    }

    public bool ContainsKey(string column) => TryGetValue(column, out _);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        var slots = _row.Slots;
        for (var slot = 0; slot < slots.Length; slot++)
        {
            if (slots[slot] is not { } stored) continue;
            yield return new KeyValuePair<string, object?>(_row.Columns.NameOf(slot), Read(stored));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private object? Read(object? stored) =>
        ReferenceEquals(stored, StoredRow.NullValue) ? null
        : ReferenceEquals(stored, StoredRow.IdValue) ? _row.Id
        : ReferenceEquals(stored, StoredRow.VersionValue) ? _row.Version
        : stored;
}
