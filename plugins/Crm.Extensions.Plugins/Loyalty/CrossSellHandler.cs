using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Loyalty.CrossSell;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Loyalty;

internal static class CrossSellHandler
{
    public static readonly string[] ImageColumns = { LoyaltyJourney.Fields.CustomerId, LoyaltyJourney.Fields.ProductFamilyId, LoyaltyJourney.Fields.Phase };

    /// <summary>Only the move into phase II counts: from nothing (Create) or phase I. One event may jump I → III through II.</summary>
    public static void Handle(PluginContext context)
    {
        var after = context.PostImage;
        var customer = after?.GetAttributeValue<EntityReference>(LoyaltyJourney.Fields.CustomerId);
        var family = after?.GetAttributeValue<EntityReference>(LoyaltyJourney.Fields.ProductFamilyId);
        if (customer is null || family is null || !ReachedGrowth(Phase(after)) || ReachedGrowth(Phase(context.PreImage))) return;

        var written = CrossSellWriter.OfferOnGrowth(context.SystemService, customer, family.Id, context.Execution.PrimaryEntityId, context.Clock.UtcNow, CrossSellScoring.Default);
        context.Tracing.Trace("Journey {0} entered phase II: {1} cross-sell offer(s) written.", context.Execution.PrimaryEntityId, written);
    }

    private static int? Phase(Entity? image) => image?.GetAttributeValue<OptionSetValue>(LoyaltyJourney.Fields.Phase)?.Value;

    private static bool ReachedGrowth(int? phase) =>
        phase == (int)GlobalChoices.LoyaltyPhase.IIGrowth || phase == (int)GlobalChoices.LoyaltyPhase.IIIRetention;
}
