using System;
using System.Collections;
using System.Collections.Generic;

namespace Crm.Extensions.Emulator.Storage;

/// <summary>A row as stored: column values (SDK value types, private copies) and the RowVersion counter.</summary>
internal sealed class StoredRow
{
    public StoredRow(Guid id, long sequence, long version, RowValues values)
    {
        Id = id;
        Sequence = sequence;
        Version = version;
        Values = values;
    }

    public Guid Id { get; }

    /// <summary>Insertion order, so unordered queries are deterministic.</summary>
    public long Sequence { get; }

    public long Version { get; set; }

    public RowValues Values { get; }

    /// <summary>
    /// The row as it is now, for the undo log. Stored values are private copies that nothing changes in place (a write
    /// replaces a column's value), so the copy shares them and copies only the slots.
    /// </summary>
    public StoredRow Copy() => new(Id, Sequence, Version, Values.Copy());

    public object? Get(string column) => Values.TryGetValue(column, out var value) ? value : null;
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
/// A stored row's columns: an array indexed by the table's <see cref="ColumnSlots"/> instead of a dictionary per row (a
/// million-row table would otherwise spend about a kilobyte a row on dictionary entries and buckets). A column set to null
/// is present with a null value, as a dictionary entry would be; a column never set is absent. Enumerates in slot order.
/// </summary>
internal sealed class RowValues : IEnumerable<KeyValuePair<string, object?>>
{
    // Marks a column that is present with a null value (an empty slot is an absent column).
    private static readonly object NullValue = new();
    private readonly ColumnSlots _columns;
    private object?[] _values;

    public RowValues(ColumnSlots columns, IEnumerable<KeyValuePair<string, object?>> values)
    {
        _columns = columns;
        _values = new object?[columns.Count];
        foreach (var pair in values) this[pair.Key] = pair.Value;
    }

    private RowValues(ColumnSlots columns, object?[] values)
    {
        _columns = columns;
        _values = values;
    }

    public object? this[string column]
    {
        get => TryGetValue(column, out var value) ? value : throw new KeyNotFoundException($"The row has no column '{column}'.");
        set
        {
            var slot = _columns.Add(column);
            if (slot >= _values.Length) Array.Resize(ref _values, _columns.Count);
            _values[slot] = value ?? NullValue;
        }
    }

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var value in _values)
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
        var slot = _columns.Find(column);
        var stored = slot >= 0 && slot < _values.Length ? _values[slot] : null;
        value = ReferenceEquals(stored, NullValue) ? null : stored;
        return stored is not null;
    }

    public bool ContainsKey(string column) => TryGetValue(column, out _);

    public RowValues Copy() => new(_columns, (object?[])_values.Clone());

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var slot = 0; slot < _values.Length; slot++)
        {
            var stored = _values[slot];
            if (stored is null) continue;
            yield return new KeyValuePair<string, object?>(_columns.NameOf(slot), ReferenceEquals(stored, NullValue) ? null : stored);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
