using System;

namespace Crm.Extensions.Domain.Loyalty.Rewards;

public enum RewardKind
{
    PercentageDiscount = 1,
    FixedVoucher = 2,
    FreeProduct = 3,
    PriceListUpgrade = 4,
    EventInvitation = 5,
}

/// <summary>
/// A <c>cx_reward</c> catalogue item. The validity window is inclusive at both ends
/// (<see cref="ValidFrom"/> &lt;= now &lt;= <see cref="ValidUntil"/>), matching how a catalogue states "valid until".
/// </summary>
public sealed record CatalogReward(Guid Id, string Name, RewardKind Kind, int PointsCost)
{
    public bool IsActive { get; init; } = true;

    /// <summary>Rank of the lowest tier that may redeem; null means every member.</summary>
    public int? MinimumTierRank { get; init; }

    /// <summary>How many times one member may redeem it; null means no limit.</summary>
    public int? PerMemberLimit { get; init; }

    /// <summary>Units left to redeem; null means unlimited. Each redemption takes one, a cancellation gives it back.</summary>
    public int? Stock { get; init; }

    /// <summary>
    /// The catalogue row's version when it was read (opaque): the stock is taken only while the row is unchanged, so two
    /// agents can never both take the last unit.
    /// </summary>
    public string? Version { get; init; }

    public DateTime? ValidFrom { get; init; }

    public DateTime? ValidUntil { get; init; }

    /// <summary>Percentage (discount) or money amount (voucher), by <see cref="Kind"/>.</summary>
    public decimal? Value { get; init; }

    /// <summary>Free product rewards: the product given.</summary>
    public Guid? ProductId { get; init; }

    /// <summary>Price-list upgrade rewards: the price list granted.</summary>
    public Guid? PriceListId { get; init; }

    /// <summary>False when the reward belongs to another program than the active one: it cannot spend this program's points.</summary>
    public bool OfActiveProgram { get; init; } = true;
}

/// <summary>The redeeming member as the check sees them.</summary>
public sealed record RedeemingMember(Guid CustomerId, int? TierRank, long AvailablePoints, int PriorRedemptions)
{
    /// <summary>cx_loyaltyblocked: the customer redeems no points.</summary>
    public bool IsBlocked { get; init; }

    /// <summary>The contact or account is deactivated.</summary>
    public bool IsInactive { get; init; }
}
