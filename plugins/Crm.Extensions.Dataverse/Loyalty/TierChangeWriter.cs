using System;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Tiers;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Writes a tier decision on the member and its VIP incentives (TierIncentives): the tier's price list as the default
/// price list (accounts; this organisation's contact has no default price list column), and the tier's marketing list
/// through the platform's AddMemberList / RemoveMemberList messages (sent by name: the plugin assembly does not reference
/// Microsoft.Crm.Sdk.Proxy; the parameters are the documented ListId and EntityId). Opted-out members never join.
/// </summary>
public static class TierChangeWriter
{
    public static void Apply(IOrganizationService service, MemberLedger member, TierDefinition? from, TierDefinition? to, TierDecision decision, Guid? basePriceListId)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (member is null) throw new ArgumentNullException(nameof(member));
        if (decision is null) throw new ArgumentNullException(nameof(decision));
        var customer = member.Customer;
        var row = new Entity(customer.LogicalName, customer.Id)
        {
            [Contact.Fields.LoyaltyTierId] = to is null ? null : new EntityReference(LoyaltyTier.EntityLogicalName, to.Id),
            [Contact.Fields.TierValidUntil] = decision.ValidUntil,
            [Contact.Fields.UpgradeBlocked] = decision.IsUpgradeBlocked,
            [Contact.Fields.UpgradeBlockedReason] = decision.BlockReason?.English,
        };
        var plan = TierIncentives.For(from, to, member.OptedOutOfMarketing, basePriceListId);
        if (plan.PriceListToSet is { } priceList && customer.LogicalName == Account.EntityLogicalName)
        {
            row[Account.Fields.DefaultPriceLevelId] = new EntityReference(PriceLevel.EntityLogicalName, priceList);
        }

        service.Update(row);
        if (plan.ListToLeave is { } leave) service.Execute(ListMessage("RemoveMemberList", leave, customer.Id));
        if (plan.ListToJoin is { } join) service.Execute(ListMessage("AddMemberList", join, customer.Id));
    }

    private static OrganizationRequest ListMessage(string name, Guid listId, Guid memberId) =>
        new(name) { ["ListId"] = listId, ["EntityId"] = memberId };
}
