using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Loyalty.CrossSell;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using OfferTable = Crm.Extensions.EarlyBound.CrossSellOffer;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Writes the cross-sell offers of a journey that entered phase II. Each offer is an Upsert on the alternate key
/// customer + product (<c>cx_CustomerProduct</c>), so a replayed or racing async job finds the row and never duplicates it;
/// the engine leaves out offers that already exist, so a replay does not reopen an offer the customer declined.
/// </summary>
public static class CrossSellWriter
{
    /// <summary>One Upsert per offer.</summary>
    public static void Upsert(IOrganizationService service, IEnumerable<CrossSellSuggestion> offers, EntityReference customer,
        Guid journeyId, DateTime on)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (offers is null) throw new ArgumentNullException(nameof(offers));
        if (customer is null) throw new ArgumentNullException(nameof(customer));
        foreach (var offer in offers)
        {
            service.Execute(new UpsertRequest { Target = ToRow(offer, customer, journeyId, on) });
        }
    }

    public static Entity ToRow(CrossSellSuggestion offer, EntityReference customer, Guid journeyId, DateTime on)
    {
        if (offer is null) throw new ArgumentNullException(nameof(offer));
        var keys = new KeyAttributeCollection
        {
            { OfferTable.Fields.CustomerId, customer },
            { OfferTable.Fields.ProductId, new EntityReference(Product.EntityLogicalName, offer.ProductId) },
        };
        return new Entity(OfferTable.EntityLogicalName, keys)
        {
            [OfferTable.Fields.Name] = Names[offer.Type],
            [OfferTable.Fields.SourceProductId] = new EntityReference(Product.EntityLogicalName, offer.SourceProductId),
            [OfferTable.Fields.LoyaltyJourneyId] = new EntityReference(LoyaltyJourney.EntityLogicalName, journeyId),
            [OfferTable.Fields.OfferType] = new OptionSetValue((int)TypeOf(offer.Type)),
            [OfferTable.Fields.OfferStatus] = new OptionSetValue((int)OfferTable.OfferStatusChoice.Open),
            [OfferTable.Fields.Score] = offer.Score,
            [OfferTable.Fields.OfferedOn] = on,
        };
    }

    private static readonly Dictionary<SalesRelationshipType, string> Names = new()
    {
        [SalesRelationshipType.UpSell] = "Up-sell offer",
        [SalesRelationshipType.CrossSell] = "Cross-sell offer",
        [SalesRelationshipType.Accessory] = "Accessory offer",
        [SalesRelationshipType.Substitute] = "Substitute offer",
    };

    private static OfferTable.OfferTypeChoice TypeOf(SalesRelationshipType type) => type switch
    {
        SalesRelationshipType.UpSell => OfferTable.OfferTypeChoice.UpSell,
        SalesRelationshipType.CrossSell => OfferTable.OfferTypeChoice.CrossSell,
        SalesRelationshipType.Accessory => OfferTable.OfferTypeChoice.Accessory,
        _ => OfferTable.OfferTypeChoice.Substitute,
    };
}
