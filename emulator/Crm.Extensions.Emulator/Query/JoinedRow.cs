using System;
using System.Collections.Generic;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Storage;

namespace Crm.Extensions.Emulator.Query;

/// <summary>A root row and the rows joined to it, by link alias (null for an outer join without a match).</summary>
internal sealed class JoinedRow
{
    // Allocated only when a link adds a row: a query without links (or a row a filter drops before its joins) costs none.
    private readonly Dictionary<string, StoredRow?>? _links;

    public JoinedRow(StoredRow root) => Root = root;

    private JoinedRow(StoredRow root, Dictionary<string, StoredRow?> links)
    {
        Root = root;
        _links = links;
    }

    public StoredRow Root { get; }

    public JoinedRow With(string alias, StoredRow? row)
    {
        var links = _links is null
            ? new Dictionary<string, StoredRow?>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, StoredRow?>(_links, StringComparer.OrdinalIgnoreCase);
        links[alias] = row;
        return new JoinedRow(Root, links);
    }

    public StoredRow? RowFor(string? alias)
        => alias is null ? Root : _links is not null && _links.TryGetValue(alias, out var row) ? row : null;
}

/// <summary>Where a condition's column lives: the root table or a link alias.</summary>
internal sealed record QueryScope(string? Alias, TableMetadata Table);
