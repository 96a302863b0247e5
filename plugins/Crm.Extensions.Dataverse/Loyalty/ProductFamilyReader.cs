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
/// top-level parent along parentproductid, cycle-safe). One RetrieveMultiple reads the product with its parent and
/// grandparent (outer links), as the invoice flow's join does; only a deeper tree costs one more query per three levels.
/// A query rather than a Retrieve, so a product that does not exist is a clear refusal.
/// </summary>
public static class ProductFamilyReader
{
    public static readonly LocalizedText ProductMissing = new(
        "The product does not exist.",
        "El producto no existe.");

    private static readonly string[] Aliases = { "parent", "grandparent" };

    public static Guid FamilyOf(IOrganizationService service, Guid productId)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var parentOf = new Dictionary<Guid, Guid?>();
        Guid? current = productId;
        while (current is { } id && !parentOf.ContainsKey(id))
        {
            var row = ReadWithAncestors(service, id);
            if (row is null)
            {
                if (id == productId) throw new BusinessRuleException(ProductMissing);
                parentOf[id] = null; // a parent the query cannot see ends the walk there, as the invoice flow's join does
                break;
            }

            current = Record(parentOf, id, row.GetAttributeValue<EntityReference>(Product.Fields.ParentProductId)?.Id);
            foreach (var alias in Aliases)
            {
                if (current is not { } ancestor || parentOf.ContainsKey(ancestor)) break;
                current = Record(parentOf, ancestor,
                    (row.GetAttributeValue<AliasedValue>(alias + "." + Product.Fields.ParentProductId)?.Value as EntityReference)?.Id);
            }
        }

        return ProductFamilies.FamilyOf(productId, parentOf);
    }

    private static Guid? Record(Dictionary<Guid, Guid?> parentOf, Guid id, Guid? parent)
    {
        parentOf[id] = parent;
        return parent;
    }

    /// <summary>The product with its parent's and grandparent's parentproductid, or null when it does not exist.</summary>
    private static Entity? ReadWithAncestors(IOrganizationService service, Guid productId)
    {
        var query = new QueryExpression(Product.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(Product.Fields.ParentProductId),
            Criteria = { Conditions = { new ConditionExpression(Product.Fields.ProductId, ConditionOperator.Equal, productId) } },
        };
        var link = query.AddLink(Product.EntityLogicalName, Product.Fields.ParentProductId, Product.Fields.ProductId,
            JoinOperator.LeftOuter);
        link.EntityAlias = Aliases[0];
        link.Columns = new ColumnSet(Product.Fields.ParentProductId);
        var grand = link.AddLink(Product.EntityLogicalName, Product.Fields.ParentProductId, Product.Fields.ProductId,
            JoinOperator.LeftOuter);
        grand.EntityAlias = Aliases[1];
        grand.Columns = new ColumnSet(Product.Fields.ParentProductId);
        var rows = service.RetrieveMultiple(query).Entities;
        return rows.Count == 0 ? null : rows[0];
    }
}
