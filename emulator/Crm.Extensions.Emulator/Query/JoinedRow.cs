using System;
using System.Collections.Generic;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Storage;

namespace Crm.Extensions.Emulator.Query;

/// <summary>A root row and the rows joined to it, by link alias (null for an outer join without a match).</summary>
internal sealed class JoinedRow
{
    public JoinedRow(StoredRow root) => Root = root;

    private JoinedRow(StoredRow root, Dictionary<string, StoredRow?> links)
    {
        Root = root;
        Links = new Dictionary<string, StoredRow?>(links, StringComparer.OrdinalIgnoreCase);
    }

    public StoredRow Root { get; }

    public Dictionary<string, StoredRow?> Links { get; } = new(StringComparer.OrdinalIgnoreCase);

    public JoinedRow With(string alias, StoredRow? row)
    {
        var copy = new JoinedRow(Root, Links);
        copy.Links[alias] = row;
        return copy;
    }

    public StoredRow? RowFor(string? alias) => alias is null ? Root : Links.TryGetValue(alias, out var row) ? row : null;
}

/// <summary>Where a condition's column lives: the root table or a link alias.</summary>
internal sealed record QueryScope(string? Alias, TableMetadata Table);
