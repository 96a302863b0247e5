using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Storage;

/// <summary>
/// The tables' rows. Every write goes through here and, inside a transaction, records the row's previous state
/// in the transaction's undo log, so a rollback restores every row a request (and its nested calls) touched.
/// Each table keeps its rows by id (hash), in insertion order (no sort per read), and hash indexes on columns that
/// queries or key checks ask for (built on first use, then kept up to date by every write and by rollback).
/// </summary>
internal sealed class DataStore
{
    private readonly Dictionary<string, TableRows> _tables = new(StringComparer.OrdinalIgnoreCase);
    private const int SharedValueLimit = 100_000;
    private const int SharedReferenceLimit = 4_000_000;
    private readonly Dictionary<int, OptionSetValue> _options = new();
    // Keyed by the decimal's value and scale alike: 1.0 and 1.00 are equal decimals but print differently.
    private readonly Dictionary<decimal, Money> _amounts = new(new ExactDecimal());
    private readonly Dictionary<decimal, object?> _numbers = new(new ExactDecimal());
    private readonly Dictionary<(string, Guid), EntityReference> _references = new();
    private long _sequence;
    private long _version;

    public Transaction? Current { get; private set; }

    /// <summary>
    /// Rows handed to queries and key checks (scans, index hits, joins). A diagnostic: an indexed read adds what it
    /// returns, a scan adds the table. Building an index the first time a column is asked for is not counted.
    /// </summary>
    public long RowsExamined { get; set; }

    public Transaction Begin()
    {
        if (Current is not null) throw new InvalidOperationException("A transaction is already open.");
        Current = new Transaction(this);
        return Current;
    }

    internal void End(Transaction transaction)
    {
        if (!ReferenceEquals(Current, transaction))
            throw new InvalidOperationException("Ending a transaction that is not the current one.");
        Current = null;
    }

    public StoredRow? Find(string table, Guid id) =>
        _tables.TryGetValue(table, out var rows) && rows.ById.TryGetValue(id, out var row) ? row : null;

    /// <summary>Every row, in insertion order. Counted as examined as the caller reads them.</summary>
    public IEnumerable<StoredRow> Rows(string table) => RowsAfter(table, 0);

    /// <summary>Rows inserted after the row with <paramref name="sequence"/>, in insertion order (a cookie page starts here).</summary>
    public IEnumerable<StoredRow> RowsAfter(string table, long sequence)
    {
        if (!_tables.TryGetValue(table, out var rows)) yield break;
        var ordered = rows.Ordered;
        var count = ordered.Count;
        for (var i = FirstAfter(ordered, sequence); i < count; i++)
        {
            var entry = ordered[i];
            // Entries of removed rows stay until the list is compacted; a rolled-back update replaced the object.
            if (!rows.ById.TryGetValue(entry.Id, out var current) || current.Sequence != entry.Sequence) continue;
            RowsExamined++;
            yield return current;
        }
    }

    public int Count(string table) => _tables.TryGetValue(table, out var rows) ? rows.ById.Count : 0;

    /// <summary>
    /// The insertion number of a row, also after it was deleted (cookies name the last row of a page by id, and
    /// that row may be gone by the next page). Null for an id the table never held.
    /// </summary>
    public long? SequenceOf(string table, Guid id)
    {
        if (!_tables.TryGetValue(table, out var rows)) return null;
        if (rows.ById.TryGetValue(id, out var row)) return row.Sequence;
        return rows.Removed.TryGetValue(id, out var sequence) ? sequence : null;
    }

    /// <summary>
    /// Rows whose <paramref name="column"/> holds <paramref name="key"/> (compared as <see cref="IndexKey"/> does), in
    /// insertion order. The index is built on the first call for a column. Callers decide whether an index answers their
    /// comparison exactly; for alternate keys it always does.
    /// </summary>
    public List<StoredRow> Lookup(string table, string column, object key)
    {
        var result = new List<StoredRow>();
        if (!_tables.TryGetValue(table, out var rows)) return result;
        var index = rows.IndexOn(column);
        if (!index.TryGetValue(key, out var posting)) return result;
        foreach (var id in posting) result.Add(rows.ById[id]);
        if (result.Count > 1) result.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        RowsExamined += result.Count;
        return result;
    }

    /// <summary>
    /// Rows in ascending (or descending) primary id order, starting after <paramref name="bound"/> (or at it, when
    /// <paramref name="inclusive"/>); null starts at the first. The ordered id index is built on the first call for a table,
    /// then kept current by every write and rollback, so a page read by a key cursor costs the page, not the table.
    /// Counted as examined as the caller reads them.
    /// </summary>
    public IEnumerable<StoredRow> RowsById(string table, Guid? bound, bool inclusive, bool descending)
    {
        if (!_tables.TryGetValue(table, out var rows)) yield break;
        var ids = rows.OrderedIds();
        var step = descending ? -1 : 1;
        int start;
        if (bound is not { } from) start = descending ? ids.Count - 1 : 0;
        else
        {
            var at = ids.BinarySearch(from);
            start = at >= 0 ? (inclusive ? at : at + step) : descending ? ~at - 1 : ~at;
        }

        for (var i = start; i >= 0 && i < ids.Count; i += step)
        {
            // Ids of removed rows stay in the list until the next merge.
            if (!rows.ById.TryGetValue(ids[i], out var row)) continue;
            RowsExamined++;
            yield return row;
        }
    }

    /// <summary>How many rows <see cref="Lookup"/> would return, without reading them (to pick the narrowest index).</summary>
    public int LookupCount(string table, string column, object key) =>
        _tables.TryGetValue(table, out var rows) && rows.IndexOn(column).TryGetValue(key, out var posting) ? posting.Count : 0;

    public StoredRow Insert(string table, Guid id, Dictionary<string, object?> values)
    {
        var rows = Rows(table, create: true)!;
        var row = new StoredRow(id, ++_sequence, ++_version, rows.Columns, values.Select(p => KeyValuePair.Create(p.Key, Shared(p.Value))));
        rows.ById[id] = row;
        rows.Ordered.Add(row);
        rows.Removed.Remove(id);
        rows.AddToIndexes(row);
        rows.AddId(id);
        Current?.Record(table, id, before: null);
        return row;
    }

    public void Update(string table, StoredRow row, IEnumerable<KeyValuePair<string, object?>> changes)
    {
        Current?.Record(table, row.Id, row.Copy());
        var rows = Rows(table, create: false);
        rows?.RemoveFromIndexes(row);
        foreach (var change in changes) row.Set(change.Key, Shared(ValueCopier.Copy(change.Value)));
        rows?.AddToIndexes(row);
        row.Version = ++_version;
    }

    public void Remove(string table, Guid id)
    {
        var rows = Rows(table, create: false);
        if (rows is null || !rows.ById.Remove(id, out var row)) return;
        rows.RemoveFromIndexes(row);
        rows.RemoveId(id);
        rows.Removed[id] = row.Sequence;
        rows.Dead++;
        rows.CompactIfSparse();
        Current?.Record(table, id, row);
    }

    /// <summary>Puts a row back exactly as it was (or removes it if it did not exist). Used only by rollback.</summary>
    internal void Restore(string table, Guid id, StoredRow? before)
    {
        var rows = Rows(table, create: true)!;
        if (rows.ById.Remove(id, out var current))
        {
            rows.RemoveFromIndexes(current);
            rows.RemoveId(id);
            if (before is null)
            {
                rows.Removed[id] = current.Sequence;
                rows.Dead++;
            }
        }

        if (before is null) return;
        rows.ById[id] = before;
        rows.Removed.Remove(id);
        rows.AddToIndexes(before);
        rows.AddId(id);
        rows.EnsureOrdered(before);
    }

    /// <summary>
    /// One stored instance per equal value of the kinds rows repeat most: references (owner, created by and modified by on
    /// every row, a product on every line, an invoice on each of its lines), choices, money amounts and decimals. Stored
    /// values are private copies that nothing changes in place, and reads hand out copies, so rows can share them. Each
    /// kind stops sharing new values once it holds its limit, so data with few repeats costs at most that much.
    /// </summary>
    private object? Shared(object? value) => value switch
    {
        OptionSetValue option => Share(_options, option.Value, option, SharedValueLimit),
        Money money => Share(_amounts, money.Value, money, SharedValueLimit),
        decimal number => Share(_numbers, number, value, SharedValueLimit),
        EntityReference { Name: null, RowVersion: null, LogicalName: not null } reference =>
            Share(_references, (reference.LogicalName, reference.Id), reference, SharedReferenceLimit),
        _ => value,
    };

    private static T Share<TKey, T>(Dictionary<TKey, T> shared, TKey key, T value, int limit)
        where TKey : notnull
    {
        if (shared.TryGetValue(key, out var existing)) return existing;
        if (shared.Count < limit) shared[key] = value;
        return value;
    }

    private static int FirstAfter(List<StoredRow> ordered, long sequence)
    {
        if (sequence <= 0) return 0;
        int low = 0, high = ordered.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (ordered[middle].Sequence <= sequence) low = middle + 1;
            else high = middle;
        }

        return low;
    }

    private TableRows? Rows(string table, bool create)
    {
        if (_tables.TryGetValue(table, out var rows)) return rows;
        if (!create) return null;
        rows = new TableRows();
        _tables[table] = rows;
        return rows;
    }

    /// <summary>One table: rows by id, the insertion order, and the column indexes asked for so far.</summary>
    private sealed class TableRows
    {
        public Dictionary<Guid, StoredRow> ById { get; } = new();

        /// <summary>Rows by ascending Sequence; may hold entries of removed or replaced rows until compacted.</summary>
        public List<StoredRow> Ordered { get; private set; } = new();

        public Dictionary<Guid, long> Removed { get; } = new();

        public int Dead { get; set; }

        private readonly Dictionary<string, Dictionary<object, Posting>> _indexes = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The slots of the columns this table's rows hold (see <see cref="RowValues"/>).</summary>
        public ColumnSlots Columns { get; } = new();

        // Ids in Guid order (the order Comparison.Compare gives ids), built when a query first pages a table by its key.
        // New ids wait in _added and are merged in by the next ordered read (one linear merge, not a sort per read); ids of
        // removed rows stay until then, and readers skip them.
        private List<Guid>? _ids;
        private List<Guid> _added = new();
        private int _removed;

        public List<Guid> OrderedIds()
        {
            if (_ids is null)
            {
                _ids = new List<Guid>(ById.Keys);
                _ids.Sort();
                _added.Clear();
                _removed = 0;
            }
            else if (_added.Count > 0 || _removed > _ids.Count / 2)
            {
                Merge();
            }

            return _ids;
        }

        public void AddId(Guid id)
        {
            if (_ids is not null) _added.Add(id);
        }

        public void RemoveId(Guid id)
        {
            if (_ids is not null) _removed++;
        }

        /// <summary>Both lists sorted, merged in one pass; a removed id and a second copy of a restored id are dropped.</summary>
        private void Merge()
        {
            _added.Sort();
            var merged = new List<Guid>(_ids!.Count + _added.Count);
            int i = 0, j = 0;
            while (i < _ids.Count || j < _added.Count)
            {
                var next = j >= _added.Count || (i < _ids.Count && _ids[i].CompareTo(_added[j]) <= 0) ? _ids[i++] : _added[j++];
                if (!ById.ContainsKey(next) || (merged.Count > 0 && merged[^1] == next)) continue;
                merged.Add(next);
            }

            _ids = merged;
            _added = new List<Guid>();
            _removed = 0;
        }

        public Dictionary<object, Posting> IndexOn(string column)
        {
            if (_indexes.TryGetValue(column, out var index)) return index;
            index = new Dictionary<object, Posting>(IndexKey.Comparer);
            foreach (var row in ById.Values) Add(index, column, row);
            _indexes[column] = index;
            return index;
        }

        public void AddToIndexes(StoredRow row)
        {
            foreach (var (column, index) in _indexes) Add(index, column, row);
        }

        public void RemoveFromIndexes(StoredRow row)
        {
            foreach (var (column, index) in _indexes)
            {
                if (IndexKey.Of(row.Get(column)) is not { } key || !index.TryGetValue(key, out var posting)) continue;
                posting.Remove(row.Id);
                if (posting.Count == 0) index.Remove(key);
            }
        }

        /// <summary>A row put back by rollback after compaction dropped its entry goes back in its insertion place.</summary>
        public void EnsureOrdered(StoredRow row)
        {
            int low = 0, high = Ordered.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (Ordered[middle].Sequence < row.Sequence) low = middle + 1;
                else high = middle;
            }

            if (low == Ordered.Count || Ordered[low].Sequence != row.Sequence) Ordered.Insert(low, row);
        }

        /// <summary>Drops entries of removed rows once they are most of the list; readers keep the list they started with.</summary>
        public void CompactIfSparse()
        {
            if (Dead < 1024 || Dead < Ordered.Count / 2) return;
            Ordered = Ordered.Where(r => ById.TryGetValue(r.Id, out var live) && live.Sequence == r.Sequence).ToList();
            Dead = 0;
        }

        private static void Add(Dictionary<object, Posting> index, string column, StoredRow row)
        {
            if (IndexKey.Of(row.Get(column)) is not { } key) return;
            if (!index.TryGetValue(key, out var posting)) index[key] = posting = new Posting();
            posting.Add(row.Id);
        }
    }
}

/// <summary>Decimals equal only when they print the same (value and scale), so a shared instance reads back as it was written.</summary>
internal sealed class ExactDecimal : IEqualityComparer<decimal>
{
    public bool Equals(decimal x, decimal y) => x == y && x.Scale == y.Scale;

    public int GetHashCode(decimal obj) => HashCode.Combine(obj, obj.Scale);
}

/// <summary>
/// How indexes compare values: <see cref="Comparison.Normalize"/>d (lookups by id, choices and numbers by amount, text that
/// is a GUID as that GUID; a choice's number as a decimal like any other number), then text without case and everything
/// else by equality: the rule alternate keys use.
/// </summary>
internal static class IndexKey
{
    public static IEqualityComparer<object> Comparer { get; } = new KeyComparer();

    public static object? Of(object? value) => Comparison.Normalize(value) is int number ? (decimal)number : Comparison.Normalize(value);

    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) =>
            x is string a && y is string b ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase) : object.Equals(x, y);

        public int GetHashCode(object obj) => obj is string text ? StringComparer.OrdinalIgnoreCase.GetHashCode(text) : obj.GetHashCode();
    }
}

/// <summary>
/// The ids of the rows that hold one index key. Most keys of a lookup or key column hold one row, so one id is kept inline;
/// a few ids go in a list, and a set takes over past that (a value such as statecode = 0 holds most of a table, and its
/// rows must still leave it in constant time).
/// </summary>
internal sealed class Posting : IEnumerable<Guid>
{
    private const int ListLimit = 16;
    private Guid _single;
    private List<Guid>? _list;
    private HashSet<Guid>? _set;

    public int Count { get; private set; }

    public void Add(Guid id)
    {
        if (_set is not null)
        {
            if (_set.Add(id)) Count++;
            return;
        }

        if (_list is not null)
        {
            if (_list.Contains(id)) return;
            _list.Add(id);
            Count++;
            if (_list.Count > ListLimit)
            {
                _set = new HashSet<Guid>(_list);
                _list = null;
            }

            return;
        }

        if (Count == 1)
        {
            if (_single == id) return;
            _list = new List<Guid>(4) { _single, id };
            Count = 2;
            return;
        }

        _single = id;
        Count = 1;
    }

    public void Remove(Guid id)
    {
        if (_set is not null)
        {
            if (_set.Remove(id)) Count--;
        }
        else if (_list is not null)
        {
            if (_list.Remove(id)) Count--;
        }
        else if (Count == 1 && _single == id)
        {
            Count = 0;
        }
    }

    public IEnumerator<Guid> GetEnumerator()
    {
        if (_set is not null) return _set.GetEnumerator();
        if (_list is not null) return _list.GetEnumerator();
        return (Count == 1 ? new[] { _single } : Array.Empty<Guid>()).AsEnumerable().GetEnumerator();
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
