using System;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Domain.Intimacy;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Intimacy;

/// <summary>
/// An interaction was saved: the customer keeps its last interaction on/duration. Reads the customer's stored value first,
/// so an interaction entered late for an earlier date never overwrites a newer one, and writes nothing when nothing
/// changes. As SYSTEM: the caller who logs an interaction need not be able to write the customer. Requests: one Retrieve
/// of the customer, and one Update when the value changes.
/// </summary>
public static class StampLastInteraction
{
    /// <param name="written">The interaction's columns as written (the step's Target).</param>
    /// <param name="stored">The interaction as stored after the write (the post-image; null on Create).</param>
    public static void Run(IUseCaseContext context, Entity written, Entity? stored)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(StampLastInteraction);
        var interaction = InteractionRows.ToDomain(written, stored, context.Clock.UtcNow);
        var customer = InteractionRows.Merged(written, stored).CustomerId;
        if (customer is null || !CustomerRecords.IsCustomer(customer)) return;

        var current = CustomerRecords.LastInteractionOf(context.SystemService, customer);
        var next = LastInteraction.After(current, interaction);
        if (next is null || Unchanged(current, next)) return;

        CustomerRecords.StampLastInteraction(context.SystemService, customer, next);
    }

    /// <summary>The stored value carries no reason or channel, so only the two stored columns are compared.</summary>
    private static bool Unchanged(LastInteraction? current, LastInteraction next) =>
        current is not null && next.OccurredOnUtc == current.OccurredOnUtc && next.DurationMinutes == current.DurationMinutes;
}
