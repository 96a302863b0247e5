using System;
using System.Collections.Generic;

namespace Crm.Extensions.Emulator.Storage;

/// <summary>
/// One database transaction: an undo log of row states plus the async jobs raised inside it,
/// which exist only if the transaction commits.
/// </summary>
internal sealed class Transaction
{
    private readonly DataStore _store;
    private readonly List<(string Table, Guid Id, StoredRow? Before)> _undo = new();

    public Transaction(DataStore store) => _store = store;

    /// <summary>Work queued for after commit (async steps).</summary>
    public List<Action> AfterCommit { get; } = new();

    /// <summary>Set when a nested operation failed: Dataverse then refuses to commit anything in this transaction.</summary>
    public Exception? DoomedBy { get; set; }

    public bool IsOpen { get; private set; } = true;

    public int ChangeCount => _undo.Count;

    public void Record(string table, Guid id, StoredRow? before) => _undo.Add((table, id, before));

    public void Commit()
    {
        Close();
        foreach (var action in AfterCommit) action();
    }

    public void Rollback()
    {
        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            var (table, id, before) = _undo[i];
            _store.Restore(table, id, before);
        }

        _undo.Clear();
        AfterCommit.Clear();
        Close();
    }

    private void Close()
    {
        if (!IsOpen) return;
        IsOpen = false;
        _store.End(this);
    }
}
