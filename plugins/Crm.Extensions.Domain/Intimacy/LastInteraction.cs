using System;

namespace Crm.Extensions.Domain.Intimacy;

/// <summary>The "last interaction and its duration" the customer record keeps.</summary>
public sealed record LastInteraction(DateTime OccurredOnUtc, decimal? DurationMinutes, string? Reason, string? Channel)
{
    /// <summary>
    /// The customer's last interaction after <paramref name="incoming"/> is saved, or null when nothing changes:
    /// an interaction entered late for an earlier date must not overwrite a more recent one.
    /// </summary>
    public static LastInteraction? After(LastInteraction? current, CustomerInteraction incoming)
    {
        if (incoming is null)
        {
            throw new ArgumentNullException(nameof(incoming));
        }

        if (current is not null && incoming.OccurredOnUtc < current.OccurredOnUtc)
        {
            return null;
        }

        var next = new LastInteraction(incoming.OccurredOnUtc, incoming.DurationMinutes, incoming.Reason, incoming.Channel);
        return next == current ? null : next;
    }
}
