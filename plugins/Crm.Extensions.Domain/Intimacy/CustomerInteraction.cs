using System;

namespace Crm.Extensions.Domain.Intimacy;

/// <summary>One cx_interaction as the rules see it.</summary>
public sealed record CustomerInteraction(
    Guid? CustomerId,
    string? Channel,
    string? Reason,
    InteractionKind Kind,
    DateTime OccurredOnUtc,
    decimal? DurationMinutes,
    string? Outcome);
