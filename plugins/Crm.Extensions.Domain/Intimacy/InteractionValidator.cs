using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Common;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Intimacy;

/// <summary>
/// Refuses an interaction that names no customer, happens in the future or lasts a negative time; all problems in one message.
/// </summary>
public static class InteractionValidator
{
    /// <summary>A form's time comes from the user's device; a few minutes ahead of the server is a clock, not the future.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    private static readonly LocalizedText Heading = new(
        "The interaction cannot be saved:", "La interacción no se puede guardar:");

    public static void Validate(CustomerInteraction interaction, IClock clock)
    {
        if (interaction is null)
        {
            throw new ArgumentNullException(nameof(interaction));
        }

        if (clock is null)
        {
            throw new ArgumentNullException(nameof(clock));
        }

        Refusal.ThrowIfAny(Heading, Problems(interaction, clock.UtcNow));
    }

    private static List<LocalizedText> Problems(CustomerInteraction interaction, DateTime nowUtc)
    {
        var problems = new List<LocalizedText>();
        if (interaction.CustomerId is null || interaction.CustomerId == Guid.Empty)
        {
            problems.Add(new LocalizedText("choose the customer it belongs to.", "elija el cliente al que pertenece."));
        }

        if (interaction.OccurredOnUtc > nowUtc + AllowedClockSkew)
        {
            problems.Add(new LocalizedText(
                "its date (" + Formatting.Date(interaction.OccurredOnUtc) + ") is in the future; record interactions after they happen.",
                "su fecha (" + Formatting.Date(interaction.OccurredOnUtc)
                    + ") está en el futuro; registre las interacciones cuando ya hayan ocurrido."));
        }

        if (interaction.DurationMinutes < 0m)
        {
            problems.Add(new LocalizedText("its duration cannot be negative.", "su duración no puede ser negativa."));
        }

        return problems;
    }
}
