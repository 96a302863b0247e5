using Crm.Extensions.Dataverse.Network;
using Crm.Extensions.Domain.Network;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Network;

/// <summary>
/// Keeps cx_partnerrelationship's health score, next review date and overdue flag current. PreOperation writes them into
/// Target, so they are saved with the row itself (no extra Update); columns not in Target come from the pre-image.
/// A last review dated in the future is refused, and nothing is written.
/// </summary>
public sealed class ScorePartnerHealth : PluginBase
{
    public ScorePartnerHealth(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.On(SdkMessage.Create, PartnerRelationship.EntityLogicalName, PipelineStage.PreOperation), Handle);
        Register(
            StepDeclaration.On(SdkMessage.Update, PartnerRelationship.EntityLogicalName, PipelineStage.PreOperation)
                .Filter(PartnerRows.HealthInputs)
                .WithPreImage(PartnerRows.HealthInputs),
            Handle);
    }

    private static void Handle(PluginContext context)
    {
        var partner = PartnerRows.ToDomain(PartnerRows.Merged(context.Target, context.PreImage), context.Clock.UtcNow);
        var health = PartnerHealth.Evaluate(partner, context.Clock.UtcNow);
        context.Target[PartnerRelationship.Fields.HealthScore] = health.Score;
        context.Target[PartnerRelationship.Fields.IsReviewOverdue] = health.IsReviewOverdue;
        context.Target[PartnerRelationship.Fields.NextReviewOn] = health.NextReviewDueUtc;
    }
}
