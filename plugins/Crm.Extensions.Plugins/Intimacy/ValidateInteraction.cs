using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Intimacy;

/// <summary>
/// Refuses an invalid cx_interaction before the transaction starts (PreValidation): customer required, no future date,
/// duration ≥ 0, and consent for preference data. Nothing is written when it refuses.
/// </summary>
public sealed class ValidateInteraction : PluginBase
{
    private static readonly string[] Checked =
    {
        Interaction.Fields.CustomerId, Interaction.Fields.OccurredOn, Interaction.Fields.DurationMinutes, Interaction.Fields.Kind,
    };

    public ValidateInteraction(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.On(SdkMessage.Create, Interaction.EntityLogicalName, PipelineStage.PreValidation), Handle);
        Register(
            StepDeclaration.On(SdkMessage.Update, Interaction.EntityLogicalName, PipelineStage.PreValidation).Filter(Checked)
                .WithPreImage(Checked),
            Handle);
    }

    private static void Handle(PluginContext context)
    {
        if (context.Step.Message == SdkMessage.Create && !context.Target.Contains(Interaction.Fields.OccurredOn))
        {
            context.Target[Interaction.Fields.OccurredOn] = context.Clock.UtcNow;
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
