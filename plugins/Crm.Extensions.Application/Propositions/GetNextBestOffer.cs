using System;
using System.Linq;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Propositions;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Propositions;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Propositions;

/// <summary>What the next best offer answers: no proposition (and empty text) when nothing fits.</summary>
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

/// <summary>
/// The next best offer for one customer, shared by the cx_GetNextBestOffer custom API and the workflow activity:
/// the reads of <see cref="OfferCandidates"/> and the rule of <see cref="NextBestOffer"/>.
/// </summary>
public static class GetNextBestOffer
{
    public static readonly LocalizedText CustomerRequired = new(
        "Choose a contact or an account as the customer to get an offer for.",
        "Elija un contacto o una cuenta como el cliente para el que quiere una oferta.");

    /// <summary>Reads as the caller (the API's caller, the workflow's user): only propositions the caller may see.</summary>
    public static NextBestOfferAnswer Run(IUseCaseContext context, EntityReference? customer)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(GetNextBestOffer);
        var service = context.UserService;
        if (!CustomerRecords.IsCustomer(customer)) throw new BusinessRuleException(CustomerRequired);

        var candidates = OfferCandidates.For(service, customer!);
        var best = NextBestOffer.Select(candidates.ForDomain, candidates.SegmentId, candidates.ProductsBought);
        var row = best is null ? null : candidates.Propositions.First(p => p.Id == best.Id);
        return new NextBestOfferAnswer(row?.ToEntityReference(), row?.OfferText ?? row?.Name ?? string.Empty);
    }
}
