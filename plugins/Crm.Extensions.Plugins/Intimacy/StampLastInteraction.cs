using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Intimacy;

/// <summary>
/// Keeps the customer's last interaction on/duration (<see cref="Application.Intimacy.StampLastInteraction"/>). The customer
/// is another row, so the interaction's Target cannot carry it: a synchronous PostOperation step updates the customer inside
/// the same transaction (the form shows it at once, and a failure rolls the interaction back too).
/// </summary>
public sealed class StampLastInteraction : PluginBase
{
    private static readonly string[] Read =
    {
        Interaction.Fields.CustomerId, Interaction.Fields.OccurredOn, Interaction.Fields.DurationMinutes,
        Interaction.Fields.Reason, Interaction.Fields.Channel, Interaction.Fields.Kind, Interaction.Fields.Outcome,
    };

    public StampLastInteraction(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.On(SdkMessage.Create, Interaction.EntityLogicalName, PipelineStage.PostOperation), Handle);
        Register(
            StepDeclaration.On(SdkMessage.Update, Interaction.EntityLogicalName, PipelineStage.PostOperation)
                .Filter(Interaction.Fields.OccurredOn, Interaction.Fields.DurationMinutes)
                .WithPostImage(Read),
            Handle);
    }

    private static void Handle(PluginContext context) =>
        Application.Intimacy.StampLastInteraction.Run(context, context.Target, context.PostImage);
}
