using System;
using Crm.Extensions.Domain.Loyalty.Configuration;

namespace Crm.Extensions.Domain.Loyalty.Tiers;

/// <summary>
/// What a tier change does to VIP incentives: the customer's default price list becomes the new tier's, and
/// marketing-list membership moves from the old tier's list to the new one's (AddMemberList/RemoveMemberList).
/// An opted-out customer is removed from lists but never added.
/// </summary>
public sealed record TierIncentivePlan(Guid? PriceListToSet, Guid? ListToLeave, Guid? ListToJoin)
{
    public bool IsEmpty => PriceListToSet is null && ListToLeave is null && ListToJoin is null;
}

public static class TierIncentives
{
    /// <param name="basePriceListId">The price list of customers without a tier (the program's), so a downgrade to no tier leaves the VIP
    /// prices.</param>
    public static TierIncentivePlan For(TierDefinition? from, TierDefinition? to, bool optedOutOfMarketing, Guid? basePriceListId)
    {
        if (from?.Id == to?.Id)
        {
            return new TierIncentivePlan(null, null, null);
        }

        var leave = from?.MarketingListId is { } oldList && oldList != to?.MarketingListId ? oldList : (Guid?)null;
        var join = !optedOutOfMarketing && to?.MarketingListId is { } newList && newList != from?.MarketingListId ? newList : (Guid?)null;
        var oldPrices = from?.PriceListId ?? basePriceListId;
        var newPrices = to?.PriceListId ?? basePriceListId;
        var priceList = newPrices is { } prices && prices != oldPrices ? prices : (Guid?)null;
        return new TierIncentivePlan(priceList, leave, join);
    }
}
