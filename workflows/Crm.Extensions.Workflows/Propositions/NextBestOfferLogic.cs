using System.Linq;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Propositions;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Propositions;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Propositions;

/// <summary>What "Get next best offer" answers: no proposition (and empty text) when nothing fits.</summary>
public sealed class NextBestOfferAnswer
{
    public NextBestOfferAnswer(EntityReference? proposition, string offerText)
    {
        Proposition = proposition;
        OfferText = offerText;
    }

    public EntityReference? Proposition { get; }

    public string OfferText { get; }
}

/// <summary>The workflow face of cx_GetNextBestOffer: same reads (<see cref="OfferCandidates"/>) and same rule (<see cref="NextBestOffer"/>).</summary>
public static class NextBestOfferLogic
{
    /// <summary>The refusal of cx_GetNextBestOffer, word for word.</summary>
    public static readonly LocalizedText CustomerRequired = new(
        "Choose a contact or an account as the customer to get an offer for.",
        "Elija un contacto o una cuenta como el cliente para el que quiere una oferta.");

    public static NextBestOfferAnswer Run(WorkflowActivityContext context, EntityReference? customer) =>
        ActivityRefusals.Run(context, () => Select(context, customer));

    private static NextBestOfferAnswer Select(WorkflowActivityContext context, EntityReference? customer)
    {
        if (!CustomerRecords.IsCustomer(customer)) throw new BusinessRuleException(CustomerRequired);

        var candidates = OfferCandidates.For(context.UserService, customer!);
        var best = NextBestOffer.Select(candidates.ForDomain, candidates.SegmentId, candidates.ProductsBought);
        var row = best is null ? null : candidates.Propositions.First(p => p.Id == best.Id);
        return new NextBestOfferAnswer(row?.ToEntityReference(), row?.OfferText ?? row?.Name ?? string.Empty);
    }
}
