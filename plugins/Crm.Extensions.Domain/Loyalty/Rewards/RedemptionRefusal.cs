using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Loyalty.Rewards;

public enum RedemptionRefusalCode
{
    Inactive = 1,
    NotYetValid = 2,
    Expired = 3,
    TierTooLow = 4,
    InsufficientBalance = 5,
    LimitReached = 6,
    MemberBlocked = 7,
    MemberInactive = 8,
    OtherProgram = 9,
    OutOfStock = 10,
}

/// <summary>One reason a redemption is refused, with its own message.</summary>
public sealed record RedemptionRefusal(RedemptionRefusalCode Code, LocalizedText Message);
