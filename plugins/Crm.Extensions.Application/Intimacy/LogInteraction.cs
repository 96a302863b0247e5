using System;
using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

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

    /// <summary>cx_interaction.cx_reason holds 300 characters, the subject (cx_name) 200, the duration 0 to 1,440 minutes.</summary>
    public const int MaxReasonLength = 300;

    public const int MaxSubjectLength = 200;

    public const int MaxDurationMinutes = 1440;

    public static readonly LocalizedText CustomerRequired = new(
        "Choose the customer (a contact or an account) the interaction belongs to.",
        "Elija el cliente (un contacto o una cuenta) al que pertenece la interacción.");

    public static EntityReference Run(
        IUseCaseContext context, EntityReference? customer, OptionSetValue? channel, string? reason, OptionSetValue? kind,
        int? durationMinutes)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(LogInteraction);
        // Checked before the Create: the platform would refuse these too, but only with an error about a column.
        InputRules.AtMostCharacters("Reason", reason, MaxReasonLength);
        InputRules.OneOf<GlobalChoices.InteractionChannel>("Channel", channel);
        InputRules.OneOf<GlobalChoices.InteractionDataKind>("Kind", kind);
        if (durationMinutes is { } minutes && minutes > MaxDurationMinutes)
        {
            InputRules.Between("Duration (minutes)", minutes, 0, MaxDurationMinutes);
        }

        if (customer is not null) CustomerInput.Existing(context, customer, CustomerRequired);
        var row = new Interaction
        {
            Name = string.IsNullOrWhiteSpace(reason) ? DefaultName : Subject(reason!),
            CustomerId = CustomerRecords.IsCustomer(customer) ? customer : null,
            Reason = reason,
            OccurredOn = context.Clock.UtcNow,
            DurationMinutes = durationMinutes,
            Kind = (GlobalChoices.InteractionDataKind?)kind?.Value ?? GlobalChoices.InteractionDataKind.Behavioural,
        };
        if (channel is not null) row.Channel = (GlobalChoices.InteractionChannel)channel.Value;

        InteractionValidator.Validate(InteractionRows.ToDomain(row, null, context.Clock.UtcNow), context.Clock);
        var id = context.UserService.Create(row);
        return new EntityReference(Interaction.EntityLogicalName, id);
    }

    /// <summary>The subject is the reason, cut to the subject's length (the full reason is kept in its own column).</summary>
    private static string Subject(string reason) => reason.Length <= MaxSubjectLength ? reason : reason.Substring(0, MaxSubjectLength);
}
