using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Tiers;
using Crm.Extensions.EarlyBound;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Writes a tier decision on the member and its VIP incentives (TierIncentives): the tier's price list as the default
/// price list (<c>defaultpricelevelid</c>, which accounts and contacts both carry), and the tier's marketing list through
/// the platform's typed <see cref="RemoveMemberListRequest"/> / <see cref="AddMemberListRequest"/> (Microsoft.Crm.Sdk.Proxy,
/// which the Dataverse sandbox supplies like Microsoft.Xrm.Sdk). Opted-out members (no marketing consent) never join, and
/// a customer joins only a list of its own member type (accounts and contacts cannot share a marketing list).
/// </summary>
public static class TierChangeWriter
{
    /// <param name="listMemberTypes">Member type per marketing list (<see cref="LoyaltyProgramConfiguration.ListMemberTypes"/>);
    /// the customer joins only a list of its own type (the platform refuses any other), or a list whose type is unknown.</param>
    /// <param name="asOf">When the evaluation ran; an upgrade stamps it as "tier upgraded on", which the "Tier upgrades this month" view
    /// lists.</param>
    public static void Apply(IOrganizationService service, MemberLedger member, TierDefinition? from, TierDefinition? to,
        TierDecision decision, Guid? basePriceListId,
        DateTime asOf, IReadOnlyDictionary<Guid, int>? listMemberTypes = null)
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
        if (decision.Reason == TierChangeReason.Upgraded && to is not null && to.Id != from?.Id)
        {
            row[Contact.Fields.TierUpgradedOn] = asOf;
        }

        var plan = TierIncentives.For(from, to, member.OptedOutOfMarketing, basePriceListId);
        if (plan.PriceListToSet is { } priceList)
        {
            // Account.Fields.DefaultPriceLevelId is the same logical name.
            row[Contact.Fields.DefaultPriceLevelId] = new EntityReference(PriceLevel.EntityLogicalName, priceList);
        }

        service.Update(row);
        if (plan.ListToLeave is { } leave) service.Execute(new RemoveMemberListRequest { ListId = leave, EntityId = customer.Id });
        if (plan.ListToJoin is { } join && Takes(listMemberTypes, join, customer.LogicalName))
        {
            service.Execute(new AddMemberListRequest { ListId = join, EntityId = customer.Id });
        }
    }

    private const int AccountMembers = 1;
    private const int ContactMembers = 2;

    private static bool Takes(IReadOnlyDictionary<Guid, int>? memberTypes, Guid listId, string customerTable) =>
        memberTypes is null || !memberTypes.TryGetValue(listId, out var type)
        || type == (customerTable == Account.EntityLogicalName ? AccountMembers : ContactMembers);
}
