using System;
using System.Collections.Generic;

namespace Crm.Extensions.Domain.Loyalty.CrossSell;

/// <summary>What to suggest for whom: the customer's products in the family that just entered phase II.</summary>
public sealed record CrossSellRequest(Guid CustomerId, Guid FamilyId, IReadOnlyCollection<Guid> OwnedProductsInFamily)
{
    /// <summary>Everything the customer ever bought, in any family: never offered again.</summary>
    public IReadOnlyCollection<Guid> PurchasedProducts { get; init; } = Array.Empty<Guid>();

    /// <summary>Products on the customer's price list; suggestions are limited to it.</summary>
    public IReadOnlyCollection<Guid> PriceListProducts { get; init; } = Array.Empty<Guid>();

    public string? Segment { get; init; }

    /// <summary>Keys of offers that already exist for this customer.</summary>
    public IReadOnlyCollection<string> ExistingOfferKeys { get; init; } = Array.Empty<string>();
}

/// <summary>A <c>cx_crossselloffer</c>; <see cref="Key"/> is its alternate key (customer + product).</summary>
public sealed record CrossSellSuggestion(Guid CustomerId, Guid ProductId, Guid SourceProductId, Guid FamilyId, SalesRelationshipType Type,
    decimal Score)
{
    public string Key => KeyFor(CustomerId, ProductId);

    public static string KeyFor(Guid customerId, Guid productId) => FormattableString.Invariant($"crosssell:{customerId}:{productId}");
}
