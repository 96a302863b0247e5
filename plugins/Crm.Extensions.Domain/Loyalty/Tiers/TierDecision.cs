using System;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Loyalty.Tiers;

public enum TierChangeReason
{
    Unchanged = 0,
    Upgraded = 1,
    Requalified = 2,
    HeldInGrace = 3,
    Downgraded = 4,
    ManualFloor = 5,
    TopProfitGuarantee = 6,
}

/// <summary>
/// The tier to write on the customer. <see cref="BlockReason"/> is set whenever a detractor survey held back an
/// upgrade the customer had otherwise earned; the plugin writes it to the customer so the block is visible.
/// </summary>
public sealed record TierDecision(Guid? TierId, DateTime? ValidUntil, TierChangeReason Reason, LocalizedText? BlockReason)
{
    public bool IsUpgradeBlocked => BlockReason is not null;
}
