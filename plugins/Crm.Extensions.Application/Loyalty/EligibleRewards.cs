using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Dataverse.Security;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Loyalty.Rewards;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Loyalty;

/// <summary>One reward the member may redeem now, with what it costs and the available points left after it.</summary>
public sealed record EligibleReward(CatalogReward Reward, long BalanceAfter);

/// <summary>The member's available points and the rewards they may redeem now, cheapest first.</summary>
public sealed record EligibleCatalogue(long Available, IReadOnlyList<EligibleReward> Rewards);

/// <summary>
/// The rewards a member may redeem now, for the redemption dialog of the customer form (custom API cx_GetRedeemableRewards).
/// Read-only. A reward is eligible exactly when <see cref="RedemptionCheck"/> finds nothing against it: the rule
/// cx_RedeemReward (<see cref="RedeemReward"/>) enforces, fed the same program, member and reward reads, so the dialog
/// never offers a reward the redemption would refuse. The rows are read as SYSTEM (the ledger and the redemptions of
/// other users count toward the balance and the limit) once the caller has shown they may edit the customer, as
/// cx_RedeemReward demands.
/// </summary>
public static class EligibleRewards
{
    public static EligibleCatalogue Run(IUseCaseContext context, Guid caller, EntityReference? customer)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(EligibleRewards);
        if (!CustomerRecords.IsCustomer(customer) || customer!.Id == Guid.Empty)
            throw new BusinessRuleException(RedeemReward.CustomerRequired);
        var service = context.SystemService;
        // The same caller check as the redemption: a customer the caller may not edit has nothing to offer them.
        CallerAccess.DemandWrite(service, caller, customer);

        var now = context.Clock.UtcNow;
        var program = LoyaltyProgramReader.Active(service) ?? throw new BusinessRuleException(RedeemReward.NoProgram);
        var member = MemberLedgerReader.Read(service, customer);
        var prior = RewardCatalogueReader.RedemptionsPerReward(service, customer.Id);
        var redeeming = RewardCatalogueReader.AsRedeemingMember(member, program, now, 0);
        var eligible = RewardCatalogueReader.ActiveRewards(service, program)
            .Where(reward => RedemptionCheck.Check(
                reward, redeeming with { PriorRedemptions = prior.TryGetValue(reward.Id, out var count) ? count : 0 }, now).Count == 0)
            .Select(reward => new EligibleReward(reward, redeeming.AvailablePoints - reward.PointsCost))
            .ToList();
        return new EligibleCatalogue(redeeming.AvailablePoints, eligible);
    }
}
