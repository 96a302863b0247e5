using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Loyalty.Configuration;

/// <summary>
/// A <c>cx_loyaltytier</c>. Higher <see cref="Rank"/> is better. Any one path qualifies.
/// A tier without paths is never earned automatically: only a manual floor or the top-profit guarantee grants it.
/// </summary>
public sealed record TierDefinition(Guid Id, string Name, int Rank)
{
    public IReadOnlyList<QualificationPath> Paths { get; init; } = Array.Empty<QualificationPath>();

    /// <summary>Multiplies the program's points per currency unit for members of this tier.</summary>
    public decimal PointsMultiplier { get; init; } = 1m;

    public Guid? PriceListId { get; init; }

    public Guid? MarketingListId { get; init; }

    public IReadOnlyList<string> Benefits { get; init; } = Array.Empty<string>();

    /// <summary>Marks the VIP tiers: phase III of the journey and the top-profit guarantee use the lowest-ranked of them.</summary>
    public bool IsVip { get; init; }

    public bool IsQualifiedBy(QualificationMeasures measures) => Paths.Any(path => path.IsMetBy(measures));
}
