using Crm.Extensions.Application.Loyalty;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// Phase II (growth) creates cross-sell and up-sell offers (<see cref="JourneyEnteredGrowth"/>): async PostOperation of
/// <c>cx_loyaltyjourney</c> Create and Update (filtered on the phase). Async because offers must never block or fail the
/// payment flow that writes the journey, and their reads grow with the customer's history; idempotent (offers are upserted
/// on customer + product), so retries and replays are safe.
/// </summary>
public sealed class CrossSellOnGrowth : PluginBase
{
    public CrossSellOnGrowth(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(
            StepDeclaration.On(SdkMessage.Create, LoyaltyJourney.EntityLogicalName, PipelineStage.PostOperation).Async()
                .WithPostImage(JourneyEnteredGrowth.ImageColumns),
            Handle);
        Register(
            StepDeclaration.On(SdkMessage.Update, LoyaltyJourney.EntityLogicalName, PipelineStage.PostOperation).Async()
                .Filter(LoyaltyJourney.Fields.Phase)
                .WithPreImage(LoyaltyJourney.Fields.Phase)
                .WithPostImage(JourneyEnteredGrowth.ImageColumns),
            Handle);
    }

    private static void Handle(PluginContext context) =>
        JourneyEnteredGrowth.Run(context, context.Execution.PrimaryEntityId, context.PreImage, context.PostImage);
}
