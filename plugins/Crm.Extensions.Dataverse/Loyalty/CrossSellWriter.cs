using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Loyalty.CrossSell;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using DomainOffer = Crm.Extensions.Domain.Loyalty.CrossSell.CrossSellOffer;
using OfferTable = Crm.Extensions.EarlyBound.CrossSellOffer;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Creates the cross-sell offers of a journey that entered phase II. Each offer is an Upsert on the alternate key
/// customer + product (<c>cx_CustomerProduct</c>), so a replayed or racing async job finds the row and never duplicates it;
/// offers that already exist are skipped before writing, so a replay does not reopen an offer the customer declined.
/// </summary>
public static class CrossSellWriter
{
    public static int OfferOnGrowth(IOrganizationService service, EntityReference customer, Guid familyId, Guid journeyId, DateTime on, CrossSellScoring scoring)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (customer is null) throw new ArgumentNullException(nameof(customer));
        var facts = CrossSellReader.Read(service, customer, familyId);
        if (facts is null) return 0;

        var offers = CrossSellEngine.Suggest(facts.Request, facts.Relationships, scoring);
        foreach (var offer in offers)
        {
            service.Execute(new UpsertRequest { Target = ToRow(offer, customer, journeyId, on) });
        }

        return offers.Count;
    }

    public static Entity ToRow(DomainOffer offer, EntityReference customer, Guid journeyId, DateTime on)
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
