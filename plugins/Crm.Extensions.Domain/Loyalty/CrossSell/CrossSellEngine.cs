using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Loyalty.CrossSell;

/// <summary>
/// Offers from <c>productsubstitute</c> relationships of the products the customer owns in the family, honouring
/// direction; excluding products already bought, products outside the customer's price list and existing offers.
/// One offer per product: when several relationships lead to it, the best score wins (ties: type, then source id).
/// </summary>
public static class CrossSellEngine
{
    public static IReadOnlyList<CrossSellSuggestion> Suggest(CrossSellRequest request, IEnumerable<ProductRelationship> relationships,
        CrossSellScoring scoring)
    {
        if (request is null || relationships is null || scoring is null)
        {
            throw new ArgumentNullException(
                request is null ? nameof(request) : relationships is null ? nameof(relationships) : nameof(scoring));
        }

        var owned = new HashSet<Guid>(request.OwnedProductsInFamily);
        var bought = new HashSet<Guid>(request.PurchasedProducts.Concat(owned));
        var onPriceList = new HashSet<Guid>(request.PriceListProducts);
        var existing = new HashSet<string>(request.ExistingOfferKeys, StringComparer.Ordinal);

        return Candidates(relationships, owned)
            .Where(c => !bought.Contains(c.Target) && onPriceList.Contains(c.Target))
            .Select(
                c => new CrossSellSuggestion(request.CustomerId, c.Target, c.Source, request.FamilyId, c.Type,
                    scoring.Score(c.Type, request.Segment)))
            .Where(offer => offer.Score > 0m && !existing.Contains(offer.Key))
            .GroupBy(offer => offer.ProductId)
            .Select(
                group => group.OrderByDescending(offer => offer.Score).ThenBy(offer => offer.Type).ThenBy(offer => offer.SourceProductId)
                .First())
            .OrderByDescending(offer => offer.Score)
            .ThenBy(offer => offer.ProductId)
            .ToList();
    }

    private static IEnumerable<Candidate> Candidates(IEnumerable<ProductRelationship> relationships, HashSet<Guid> owned)
    {
        foreach (var relationship in relationships)
        {
            if (owned.Contains(relationship.ProductId))
            {
                yield return new Candidate(relationship.ProductId, relationship.RelatedProductId, relationship.Type);
            }

            if (relationship.WorksBothWays && owned.Contains(relationship.RelatedProductId))
            {
                yield return new Candidate(relationship.RelatedProductId, relationship.ProductId, relationship.Type);
            }
        }
    }

    // A record, not a tuple: System.ValueTuple is not part of .NET Framework 4.6.2.
    private sealed record Candidate(Guid Source, Guid Target, SalesRelationshipType Type);
}
