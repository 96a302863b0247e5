using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Domain.Loyalty.CrossSell;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using OfferTable = Crm.Extensions.EarlyBound.CrossSellOffer;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Gathers what CrossSellEngine needs for one customer and family, in at most six queries, none of them on the journey
/// (its image carries customer, family and phase): the customer (price list, segment), the products it paid for, which
/// of them sit in the family (hierarchy query), their <c>productsubstitute</c> rows, the candidates on the customer's
/// price list and the offers that already exist. Queries stop early once nothing can be offered.
/// </summary>
public static class CrossSellReader
{
    private const string SegmentAlias = "segment";

    public sealed record Facts(CrossSellRequest Request, IReadOnlyList<ProductRelationship> Relationships);

    public static Facts? Read(IOrganizationService service, EntityReference customer, Guid familyId)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (customer is null) throw new ArgumentNullException(nameof(customer));

        // Request 1: the customer's default price list and RFM segment (the journey image cannot carry them).
        var standing = Customer(service, customer);
        if (standing is null || standing.PriceListId is null) return null;

        // Request 2: every product the customer paid for, in any family (never offered again).
        var purchased = PurchasedProducts(service, customer.Id);
        if (purchased.Count == 0) return null;

        // Request 3: which of them belong to the family (the family is the top-level product; hierarchy query).
        var owned = ProductsInFamily(service, familyId, purchased);
        if (owned.Count == 0) return null;

        // Request 4: productsubstitute rows from or (when bi-directional) to the owned products.
        var relationships = Relationships(service, owned);
        var candidates = relationships.SelectMany(r => new[] { r.ProductId, r.RelatedProductId }).Where(id => !purchased.Contains(id))
            .Distinct().ToList();
        if (candidates.Count == 0) return null;

        // Request 5: which candidates the customer's price list carries. Request 6: offers already made for them.
        var request = new CrossSellRequest(customer.Id, familyId, owned.ToList())
        {
            PurchasedProducts = purchased.ToList(),
            PriceListProducts = OnPriceList(service, standing.PriceListId.Value, candidates),
            Segment = standing.Segment,
            ExistingOfferKeys = ExistingOffers(service, customer.Id, candidates).Select(product => OfferKey(customer.Id, product)).ToList(),
        };
        return new Facts(request, relationships);
    }

    private static string OfferKey(Guid customerId, Guid productId)
        => Domain.Loyalty.CrossSell.CrossSellSuggestion.KeyFor(customerId, productId);

    private sealed record Standing(Guid? PriceListId, string? Segment);

    private static Standing? Customer(IOrganizationService service, EntityReference customer)
    {
        var primaryKey = customer.LogicalName == Account.EntityLogicalName ? Account.Fields.AccountId : Contact.Fields.ContactId;
        var query = new QueryExpression(customer.LogicalName)
        {
            // Contact and account share these logical names.
            ColumnSet = new ColumnSet(Contact.Fields.DefaultPriceLevelId),
            Criteria = { Conditions = { new ConditionExpression(primaryKey, ConditionOperator.Equal, customer.Id) } },
        };
        var segment = query.AddLink(CustomerSegment.EntityLogicalName, Contact.Fields.CustomerSegmentId,
            CustomerSegment.Fields.CustomerSegmentId, JoinOperator.LeftOuter);
        segment.EntityAlias = SegmentAlias;
        segment.Columns = new ColumnSet(CustomerSegment.Fields.SegmentCode);

        var row = service.RetrieveMultiple(query).Entities.FirstOrDefault();
        if (row is null) return null;
        var code = (
            row.GetAttributeValue<AliasedValue>(SegmentAlias + "." + CustomerSegment.Fields.SegmentCode)?.Value as OptionSetValue)?.Value;
        return new Standing(row.GetAttributeValue<EntityReference>(Contact.Fields.DefaultPriceLevelId)?.Id, SegmentName(code));
    }

    /// <summary>The RFM name CrossSellScoring keys its factors by; option values follow RfmSegment in order.</summary>
    private static string? SegmentName(int? optionValue)
    {
        if (optionValue is not { } value) return null;
        var segment = (RfmSegment)(value - (int)GlobalChoices.RFMSegment.Champions + (int)RfmSegment.Champions);
        return Enum.IsDefined(typeof(RfmSegment), segment) ? RfmSegmentNames.For(segment).English : null;
    }

    private static HashSet<Guid> PurchasedProducts(IOrganizationService service, Guid customerId)
    {
        var query = new QueryExpression(InvoiceDetail.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(InvoiceDetail.Fields.ProductId),
            Criteria = { Conditions = { new ConditionExpression(InvoiceDetail.Fields.ProductId, ConditionOperator.NotNull) } },
            Orders = { new OrderExpression(InvoiceDetail.Fields.InvoiceDetailId, OrderType.Ascending) },
        };
        var invoice = query.AddLink(Invoice.EntityLogicalName, InvoiceDetail.Fields.InvoiceId, Invoice.Fields.InvoiceId);
        invoice.LinkCriteria.AddCondition(Invoice.Fields.CustomerId, ConditionOperator.Equal, customerId);
        invoice.LinkCriteria.AddCondition(Invoice.Fields.StateCode, ConditionOperator.Equal, InvoiceStates.Paid);
        return new HashSet<Guid>(
            QueryPages.All(service, query).Select(row => row.GetAttributeValue<EntityReference>(InvoiceDetail.Fields.ProductId)!.Id));
    }

    private static HashSet<Guid> ProductsInFamily(IOrganizationService service, Guid familyId, HashSet<Guid> purchased)
    {
        var query = new QueryExpression(Product.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(false),
            Criteria =
            {
                Conditions =
                {
                    new ConditionExpression(Product.Fields.ProductId, ConditionOperator.UnderOrEqual, familyId),
                    new ConditionExpression(Product.Fields.ProductId, ConditionOperator.In, purchased.Cast<object>().ToArray()),
                },
            },
        };
        return new HashSet<Guid>(service.RetrieveMultiple(query).Entities.Select(row => row.Id));
    }

    private static List<ProductRelationship> Relationships(IOrganizationService service, HashSet<Guid> owned)
    {
        var ids = owned.Cast<object>().ToArray();
        var query = new QueryExpression(ProductSubstitute.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(ProductSubstitute.Fields.ProductId, ProductSubstitute.Fields.SubstitutedProductId,
                ProductSubstitute.Fields.SalesRelationshipType, ProductSubstitute.Fields.Direction),
            Criteria = new FilterExpression(LogicalOperator.Or)
            {
                Conditions =
                {
                    new ConditionExpression(ProductSubstitute.Fields.ProductId, ConditionOperator.In, ids),
                    new ConditionExpression(ProductSubstitute.Fields.SubstitutedProductId, ConditionOperator.In, ids),
                },
            },
            Orders = { new OrderExpression(ProductSubstitute.Fields.ProductSubstituteId, OrderType.Ascending) },
        };
        return QueryPages.All(service, query).Select(Relationship).Where(r => r is not null).Select(r => r!).ToList();
    }

    private static ProductRelationship? Relationship(Entity row)
    {
        var from = row.GetAttributeValue<EntityReference>(ProductSubstitute.Fields.ProductId);
        var to = row.GetAttributeValue<EntityReference>(ProductSubstitute.Fields.SubstitutedProductId);
        var type = row.GetAttributeValue<OptionSetValue>(ProductSubstitute.Fields.SalesRelationshipType)?.Value;
        if (from is null || to is null || type is null || !Enum.IsDefined(typeof(SalesRelationshipType), type.Value)) return null;
        var direction = row.GetAttributeValue<OptionSetValue>(ProductSubstitute.Fields.Direction)?.Value == (
            int)RelationshipDirection.Bidirectional
            ? RelationshipDirection.Bidirectional
            : RelationshipDirection.Unidirectional;
        return new ProductRelationship(from.Id, to.Id, (SalesRelationshipType)type.Value, direction);
    }

    private static List<Guid> OnPriceList(IOrganizationService service, Guid priceListId, IReadOnlyCollection<Guid> candidates)
    {
        var query = new QueryExpression(ProductPriceLevel.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(ProductPriceLevel.Fields.ProductId),
            Criteria =
            {
                Conditions =
                {
                    new ConditionExpression(ProductPriceLevel.Fields.PriceLevelId, ConditionOperator.Equal, priceListId),
                    new ConditionExpression(ProductPriceLevel.Fields.ProductId, ConditionOperator.In, candidates.Cast<object>().ToArray()),
                },
            },
        };
        return service.RetrieveMultiple(query).Entities
            .Select(row => row.GetAttributeValue<EntityReference>(ProductPriceLevel.Fields.ProductId)?.Id)
            .Where(id => id is not null).Select(id => id!.Value).Distinct().ToList();
    }

    private static List<Guid> ExistingOffers(IOrganizationService service, Guid customerId, IReadOnlyCollection<Guid> candidates)
    {
        var query = new QueryExpression(OfferTable.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(OfferTable.Fields.ProductId),
            Criteria =
            {
                Conditions =
                {
                    new ConditionExpression(OfferTable.Fields.CustomerId, ConditionOperator.Equal, customerId),
                    new ConditionExpression(OfferTable.Fields.ProductId, ConditionOperator.In, candidates.Cast<object>().ToArray()),
                },
            },
        };
        return service.RetrieveMultiple(query).Entities
            .Select(row => row.GetAttributeValue<EntityReference>(OfferTable.Fields.ProductId)?.Id)
            .Where(id => id is not null).Select(id => id!.Value).ToList();
    }
}
