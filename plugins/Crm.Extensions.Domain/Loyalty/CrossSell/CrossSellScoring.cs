using System;
using System.Collections.Generic;

namespace Crm.Extensions.Domain.Loyalty.CrossSell;

/// <summary>
/// Score = weight of the relationship type × factor of the customer's segment for that type.
/// Defaults (our choice, see DEFAULTS.md): a complementary product is the natural phase II offer (cross-sell 1.0,
/// accessory 0.9), an up-sell asks for more spend (0.8), a substitute competes with what the customer already
/// bought (0.4). Segments (RFM names) tilt this: loyal customers take up-sells, new ones
/// accessories, lapsing ones a substitute rather than another up-sell.
/// </summary>
public sealed class CrossSellScoring
{
    public CrossSellScoring(IReadOnlyDictionary<SalesRelationshipType, decimal> typeWeights,
        IReadOnlyDictionary<string, IReadOnlyDictionary<SalesRelationshipType, decimal>> segmentFactors)
    {
        TypeWeights = typeWeights ?? throw new ArgumentNullException(nameof(typeWeights));
        // Copied entry by entry: .NET Framework 4.6.2 has no Dictionary constructor taking an IReadOnlyDictionary.
        var factors = new Dictionary<string, IReadOnlyDictionary<SalesRelationshipType, decimal>>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in segmentFactors ?? throw new ArgumentNullException(nameof(segmentFactors)))
        {
            factors[pair.Key] = pair.Value;
        }

        SegmentFactors = factors;
    }

    public static CrossSellScoring Default { get; } = new(
        new Dictionary<SalesRelationshipType, decimal>
        {
            [SalesRelationshipType.CrossSell] = 1.0m,
            [SalesRelationshipType.Accessory] = 0.9m,
            [SalesRelationshipType.UpSell] = 0.8m,
            [SalesRelationshipType.Substitute] = 0.4m,
        },
        new Dictionary<string, IReadOnlyDictionary<SalesRelationshipType, decimal>>
        {
            ["Champions"] = Factors(upSell: 1.5m),
            ["Loyal"] = Factors(upSell: 1.5m),
            ["Potential loyalists"] = Factors(upSell: 1.2m),
            ["New"] = Factors(accessory: 1.25m),
            ["Promising"] = Factors(accessory: 1.25m),
            ["At risk"] = Factors(upSell: 0.5m, substitute: 1.5m),
            ["Can't lose"] = Factors(upSell: 0.5m, substitute: 1.5m),
            ["Hibernating"] = Factors(upSell: 0.5m, substitute: 1.5m),
        });

    public IReadOnlyDictionary<SalesRelationshipType, decimal> TypeWeights { get; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<SalesRelationshipType, decimal>> SegmentFactors { get; }

    public decimal Score(SalesRelationshipType type, string? segment)
    {
        var weight = TypeWeights.TryGetValue(type, out var w) ? w : 0m;
        var factor = segment is not null && SegmentFactors.TryGetValue(segment, out var factors) && factors.TryGetValue(type, out var f)
            ? f : 1m;
        return weight * factor;
    }

    private static IReadOnlyDictionary<SalesRelationshipType, decimal> Factors(decimal upSell = 1m, decimal accessory = 1m,
        decimal substitute = 1m) =>
        new Dictionary<SalesRelationshipType, decimal>
        {
            [SalesRelationshipType.UpSell] = upSell,
            [SalesRelationshipType.CrossSell] = 1m,
            [SalesRelationshipType.Accessory] = accessory,
            [SalesRelationshipType.Substitute] = substitute,
        };
}
