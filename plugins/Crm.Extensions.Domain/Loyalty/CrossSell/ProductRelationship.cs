using System;

namespace Crm.Extensions.Domain.Loyalty.CrossSell;

/// <summary><c>productsubstitute.salesrelationshiptype</c> option values.</summary>
public enum SalesRelationshipType
{
    UpSell = 0,
    CrossSell = 1,
    Accessory = 2,
    Substitute = 3,
}

/// <summary><c>productsubstitute.direction</c> option values.</summary>
public enum RelationshipDirection
{
    Unidirectional = 0,
    Bidirectional = 1,
}

/// <summary>One <c>productsubstitute</c> row: <see cref="ProductId"/> suggests <see cref="RelatedProductId"/>.</summary>
public sealed record ProductRelationship(Guid ProductId, Guid RelatedProductId, SalesRelationshipType Type, RelationshipDirection Direction)
{
    /// <summary>
    /// Whether the row also suggests the product from the related one. Accessories are uni-directional and
    /// substitutes bi-directional whatever the row says; up-sell and cross-sell follow the row.
    /// </summary>
    public bool WorksBothWays => Type switch
    {
        SalesRelationshipType.Accessory => false,
        SalesRelationshipType.Substitute => true,
        _ => Direction == RelationshipDirection.Bidirectional,
    };
}
