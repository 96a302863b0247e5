using System;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Infrastructure;

/// <summary>Catalogue rows for cross-sell: price lists, price list items, product relationships and past purchases.</summary>
public sealed partial class DataProducer
{
    public PriceLevel PriceList(Action<PriceLevel>? with = null) =>
        Seeded(new PriceLevel { Id = Guid.NewGuid(), [PriceLevel.Fields.Name] = "Retail " + Guid.NewGuid().ToString("N")[..6] }, with);

    /// <summary>Puts <paramref name="product"/> on <paramref name="priceList"/> (a productpricelevel row).</summary>
    public ProductPriceLevel PriceListItem(PriceLevel priceList, Product product) => Seeded(new ProductPriceLevel
    {
        Id = Guid.NewGuid(),
        [ProductPriceLevel.Fields.PriceLevelId] = priceList.ToEntityReference(),
        [ProductPriceLevel.Fields.ProductId] = product.ToEntityReference(),
        [ProductPriceLevel.Fields.Amount] = new Money(10m),
    }, null);

    /// <summary>A productsubstitute row: <paramref name="from"/> suggests <paramref name="to"/>; uni-directional unless told.</summary>
    public ProductSubstitute Relationship(Product from, Product to, int salesRelationshipType, int direction = 0)
        => Seeded(new ProductSubstitute
    {
        Id = Guid.NewGuid(),
        [ProductSubstitute.Fields.ProductId] = from.ToEntityReference(),
        [ProductSubstitute.Fields.SubstitutedProductId] = to.ToEntityReference(),
        [ProductSubstitute.Fields.SalesRelationshipType] = new OptionSetValue(salesRelationshipType),
        [ProductSubstitute.Fields.Direction] = new OptionSetValue(direction),
    }, null);

    /// <summary>A paid invoice (seeded, no steps) with one line of <paramref name="product"/>.</summary>
    public Invoice Bought(Entity customer, Product product)
    {
        var invoice = PaidEarlier(customer);
        Line(invoice, product);
        return invoice;
    }
}
