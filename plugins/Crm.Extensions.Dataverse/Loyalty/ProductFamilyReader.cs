using System;
using System.Collections.Generic;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Journeys;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// The product family of one product, by the rule of the invoice flow (<see cref="ProductFamilies.FamilyOf"/>: the
/// top-level parent along parentproductid, cycle-safe). One RetrieveMultiple per level of the tree (product trees are a
/// few levels deep); a query rather than a Retrieve, so a product that does not exist is a clear refusal.
/// </summary>
public static class ProductFamilyReader
{
    public static readonly LocalizedText ProductMissing = new(
        "The product does not exist.",
        "El producto no existe.");

    public static Guid FamilyOf(IOrganizationService service, Guid productId)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var parentOf = new Dictionary<Guid, Guid?>();
        Guid? current = productId;
        while (current is { } id && !parentOf.ContainsKey(id))
        {
            if (!TryReadParent(service, id, out var parent))
            {
                if (id == productId) throw new BusinessRuleException(ProductMissing);
                parent = null; // a parent the query cannot see ends the walk there, as the invoice flow's join does
            }

            parentOf[id] = parent;
            current = parent;
        }

        return ProductFamilies.FamilyOf(productId, parentOf);
    }

    /// <summary>False when the product does not exist; <paramref name="parent"/> is null for a top-level product.</summary>
    private static bool TryReadParent(IOrganizationService service, Guid productId, out Guid? parent)
    {
        var query = new QueryExpression(Product.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(Product.Fields.ParentProductId),
            Criteria = { Conditions = { new ConditionExpression(Product.Fields.ProductId, ConditionOperator.Equal, productId) } },
        };
        var rows = service.RetrieveMultiple(query).Entities;
        parent = rows.Count == 0 ? null : rows[0].GetAttributeValue<EntityReference>(Product.Fields.ParentProductId)?.Id;
        return rows.Count > 0;
    }
}
