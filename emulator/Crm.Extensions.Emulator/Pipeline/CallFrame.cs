using System;
using Crm.Extensions.Emulator.Storage;

namespace Crm.Extensions.Emulator.Pipeline;

/// <summary>Who is calling and from where: the caller's user, the plugin context making the call (if any) and its transaction.</summary>
internal sealed record CallFrame
{
    public required Guid UserId { get; init; }

    public required Guid InitiatingUserId { get; init; }

    /// <summary>Depth of the calling context: 0 for an outside caller, so its request runs at depth 1.</summary>
    public int Depth { get; init; }

    public PluginExecutionContext? ParentContext { get; init; }

    /// <summary>The transaction nested calls join; null for a caller outside Dataverse or an async step.</summary>
    public Transaction? Transaction { get; init; }

    public bool FromPlugin { get; init; }

    public Guid CorrelationId { get; init; } = Guid.NewGuid();

    public CallFrame InTransaction(Transaction transaction) => this with { Transaction = transaction };
}
