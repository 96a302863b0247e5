using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.Plugins.Framework;
using InteractionRow = Crm.Extensions.EarlyBound.Interaction;

namespace Crm.Extensions.Plugins.Intimacy;

/// <summary>
/// Refuses an invalid cx_interaction before the transaction starts (PreValidation): customer required, no future date,
/// duration ≥ 0, and consent for preference data. Nothing is written when it refuses.
/// </summary>
public sealed class ValidateInteraction : PluginBase
{
    private static readonly string[] Checked =
    {
        InteractionRow.Fields.CustomerId, InteractionRow.Fields.OccurredOn, InteractionRow.Fields.DurationMinutes, InteractionRow.Fields.Kind,
    };

    public ValidateInteraction(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.On(SdkMessage.Create, InteractionRow.EntityLogicalName, PipelineStage.PreValidation), Handle);
        Register(
            StepDeclaration.On(SdkMessage.Update, InteractionRow.EntityLogicalName, PipelineStage.PreValidation).Filter(Checked).WithPreImage(Checked),
            Handle);
    }

    private static void Handle(PluginContext context)
    {
        if (context.Step.Message == SdkMessage.Create && !context.Target.Contains(InteractionRow.Fields.OccurredOn))
        {
            context.Target[InteractionRow.Fields.OccurredOn] = context.Clock.UtcNow;
        }

        var interaction = InteractionRows.ToDomain(context.Target, context.PreImage, context.Clock.UtcNow);
        InteractionValidator.Validate(interaction, context.Clock);
        if (interaction.Kind == InteractionKind.Preference)
        {
            var customer = InteractionRows.Merged(context.Target, context.PreImage).CustomerId!;
            ConsentRule.EnsureConsentFor(interaction.Kind, CustomerRecords.HasPreferenceConsent(context.SystemService, customer));
        }
    }
}
