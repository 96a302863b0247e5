using System;

namespace Crm.Extensions.Domain.Loyalty.Tiers;

/// <summary>
/// The customer's tier columns. <see cref="ValidUntil"/> is the first instant the earned tier is no longer guaranteed
/// (exclusive end); <see cref="ManualFloorTierId"/> is a tier an administrator granted, below which nothing drops.
/// </summary>
public sealed record TierStanding(Guid? TierId, DateTime? ValidUntil, Guid? ManualFloorTierId)
{
    public static TierStanding None { get; } = new(null, null, null);
}
