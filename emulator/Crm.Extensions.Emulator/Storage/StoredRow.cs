using System;
using System.Collections.Generic;

namespace Crm.Extensions.Emulator.Storage;

/// <summary>A row as stored: column values (SDK value types, private copies) and the RowVersion counter.</summary>
internal sealed class StoredRow
{
    public StoredRow(Guid id, long sequence, long version, Dictionary<string, object?> values)
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

    public Dictionary<string, object?> Values { get; }

    public StoredRow Copy() => new(Id, Sequence, Version, ValueCopier.CopyAll(Values));

    public object? Get(string column) => Values.TryGetValue(column, out var value) ? value : null;
}
