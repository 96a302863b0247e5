using System;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using InteractionRow = Crm.Extensions.EarlyBound.Interaction;

namespace Crm.Extensions.Application.Intimacy;

/// <summary>
/// Log interaction: creates one cx_interaction that happened now (the workflow's clock) as the workflow's user, so the
/// interaction plugins run as for any other write. It checks the row first with the same adapter and rule as
/// ValidateInteraction (<see cref="InteractionRows"/>, <see cref="InteractionValidator"/>), so a refusal is the
/// plugin's message, raised before anything is written.
/// </summary>
public static class LogInteraction
{
    public const string DefaultName = "Interaction";

    public static EntityReference Run(
        IUseCaseContext context, EntityReference? customer, OptionSetValue? channel, string? reason, OptionSetValue? kind, int? durationMinutes)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(LogInteraction);
        var row = new InteractionRow
        {
            Name = string.IsNullOrWhiteSpace(reason) ? DefaultName : reason,
            CustomerId = CustomerRecords.IsCustomer(customer) ? customer : null,
            Reason = reason,
            OccurredOn = context.Clock.UtcNow,
            DurationMinutes = durationMinutes,
        };
        if (channel is not null) row[InteractionRow.Fields.Channel] = channel;
        row[InteractionRow.Fields.Kind] = kind ?? new OptionSetValue((int)GlobalChoices.InteractionDataKind.Behavioural);

        InteractionValidator.Validate(InteractionRows.ToDomain(row, null, context.Clock.UtcNow), context.Clock);
        var id = context.UserService.Create(row);
        return new EntityReference(InteractionRow.EntityLogicalName, id);
    }
}
