using System;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Intimacy;

/// <summary>Maps a cx_interaction row (the columns written, over the image of the stored row) to the domain's interaction.</summary>
public static class InteractionRows
{
    public static CustomerInteraction ToDomain(Entity written, Entity? stored, DateTime defaultOccurredOnUtc)
    {
        var row = Merged(written, stored);
        return new CustomerInteraction(
            row.CustomerId?.Id,
            row.Channel?.ToString(),
            row.Reason,
            row.Kind == GlobalChoices.InteractionDataKind.Preference ? InteractionKind.Preference : InteractionKind.Behavioural,
            row.OccurredOn ?? defaultOccurredOnUtc,
            row.DurationMinutes,
            row.Outcome);
    }

    /// <summary>The row as it will be after the write: written columns win over the stored ones.</summary>
    public static Interaction Merged(Entity written, Entity? stored)
    {
        var merged = new Interaction();
        if (stored is not null)
        {
            foreach (var column in stored.Attributes) merged[column.Key] = column.Value;
        }

        foreach (var column in written.Attributes) merged[column.Key] = column.Value;
        return merged;
    }
}
