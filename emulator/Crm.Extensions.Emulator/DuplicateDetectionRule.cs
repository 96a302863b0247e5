using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Emulator;

public enum DuplicateMatchKind
{
    /// <summary>Same value (strings compared case-insensitively, as SQL Server's default collation does).</summary>
    Exact,
}

/// <summary>
/// A published duplicate-detection rule: rows of <see cref="Table"/> are duplicates when every column in <see cref="Columns"/>
/// matches. Blank values never match (the platform's "ignore blank values" default), so a row missing a rule column is never a duplicate.
/// </summary>
public sealed record DuplicateDetectionRule
{
    public DuplicateDetectionRule(string table, params string[] columns)
    {
        if (string.IsNullOrWhiteSpace(table)) throw new ArgumentException("A duplicate-detection rule needs a table.", nameof(table));
        if (columns is null || columns.Length == 0)
            throw new ArgumentException("A duplicate-detection rule needs at least one column.", nameof(columns));
        Table = table.ToLowerInvariant();
        Columns = columns.Select(c => c.ToLowerInvariant()).ToArray();
    }

    public string Table { get; }

    public IReadOnlyList<string> Columns { get; }

    public DuplicateMatchKind MatchKind { get; init; } = DuplicateMatchKind.Exact;
}
