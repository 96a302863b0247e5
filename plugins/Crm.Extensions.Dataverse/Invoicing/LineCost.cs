using System;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Invoicing;

/// <summary>
/// The cost of one invoice line: quantity × the product's current cost at the moment the line is written, the cost of that
/// sale. Kept on the line (<c>cx_linecost</c>) so the portfolio analysis sums it per customer in one aggregate row per
/// customer (plugins/Crm.Extensions.Plugins/Portfolio/README.md). A line without a product, quantity or cost costs 0, as the
/// analysis counted such lines before the column existed.
/// </summary>
public static class LineCost
{
    /// <summary>
    /// The columns that change the cost; an Update step fires on them (the cost itself included, so a hand-typed value is recomputed).
    /// </summary>
    public static readonly string[] Inputs = { InvoiceDetail.Fields.ProductId, InvoiceDetail.Fields.Quantity,
        InvoiceDetail.Fields.LineCost };

    /// <summary>The money column's range (cx_linecost): a cost beyond it is refused with the reason, not left to overflow.</summary>
    private const decimal MaxMoney = 922337203685477m;

    /// <summary>One Retrieve of the product's current cost, through the caller's service (no product, no request).</summary>
    public static decimal Of(IOrganizationService service, EntityReference? product, decimal? quantity)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (product is null || quantity is null or 0m) return 0m;
        var unitCost = service.Retrieve(Product.EntityLogicalName, product.Id, new ColumnSet(Product.Fields.CurrentCost))
            .GetAttributeValue<Money>(Product.Fields.CurrentCost)?.Value ?? 0m;
        var cost = quantity.Value * unitCost;
        if (Math.Abs(cost) > MaxMoney)
        {
            throw new BusinessRuleException(new LocalizedText(
                "The line's cost (quantity × the product's cost) is beyond what a money column holds. Check the quantity and the " +
                "product's cost.",
                "El coste de la línea (cantidad × coste del producto) supera lo que admite una columna de dinero. Revise la cantidad y " +
                "el coste del producto."));
        }

        return Math.Round(cost, 2, MidpointRounding.AwayFromZero);
    }
}
