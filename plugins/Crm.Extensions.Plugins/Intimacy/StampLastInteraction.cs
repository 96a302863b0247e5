using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.Plugins.Framework;
using InteractionRow = Crm.Extensions.EarlyBound.Interaction;

namespace Crm.Extensions.Plugins.Intimacy;

/// <summary>
/// Keeps the customer's last interaction on/duration. The customer is another row, so the interaction's Target cannot
/// carry it: a synchronous PostOperation step updates the customer inside the same transaction (the form shows it at once,
/// and a failure rolls the interaction back too). It reads the customer's current value first, so an interaction entered
/// late for an earlier date never overwrites a newer one, and it writes nothing when nothing changes.
/// </summary>
public sealed class StampLastInteraction : PluginBase
{
    private static readonly string[] Read =
    {
        InteractionRow.Fields.CustomerId, InteractionRow.Fields.OccurredOn, InteractionRow.Fields.DurationMinutes,
        InteractionRow.Fields.Reason, InteractionRow.Fields.Channel, InteractionRow.Fields.Kind, InteractionRow.Fields.Outcome,
    };

    public StampLastInteraction(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.On(SdkMessage.Create, InteractionRow.EntityLogicalName, PipelineStage.PostOperation), Handle);
        Register(
            StepDeclaration.On(SdkMessage.Update, InteractionRow.EntityLogicalName, PipelineStage.PostOperation)
                .Filter(InteractionRow.Fields.OccurredOn, InteractionRow.Fields.DurationMinutes)
                .WithPostImage(Read),
            Handle);
    }

    private static void Handle(PluginContext context)
    {
        var interaction = InteractionRows.ToDomain(context.Target, context.PostImage, context.Clock.UtcNow);
        var customer = InteractionRows.Merged(context.Target, context.PostImage).CustomerId;
        if (!CustomerRecords.IsCustomer(customer)) return;

        var current = CustomerRecords.LastInteractionOf(context.SystemService, customer!);
        var next = LastInteraction.After(current, interaction);
        if (next is null || (current is not null && next.OccurredOnUtc == current.OccurredOnUtc && next.DurationMinutes == current.DurationMinutes)) return;

        CustomerRecords.StampLastInteraction(context.SystemService, customer!, next);
    }
}
