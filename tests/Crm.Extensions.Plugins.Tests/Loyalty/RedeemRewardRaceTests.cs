using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Loyalty.Rewards;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// Two redemptions against one balance. The emulator serialises requests, so the race is simulated exactly where it
/// bites: the second redemption works from a member read taken before the first one committed (a stale RowVersion). The
/// product writes the member as SYSTEM (a plugin's null-user service), so the second redemption does too: a person's own
/// write of the kept columns is refused by GuardLoyaltyColumns before the RowVersion is even compared.
/// </summary>
public sealed class RedeemRewardRaceTests
{
    [Fact]
    public void Should_SucceedOnceAndRefuseTheOtherForTheBalance_When_TwoRedemptionsRaceForOneBalance()
    {
        var scenario = new RedeemRewardScenario();
        var customer = scenario.Customer.ToEntityReference();
        var program = LoyaltyProgramReader.Active(scenario.Crm.Service)!;
        var staleMember = MemberLedgerReader.Read(scenario.Crm.Service, customer);
        var reward = RewardReader.Read(scenario.Crm.Service, scenario.Reward.Id, program);

        scenario.Redeem();
        using var codes = new VoucherCodeGenerator();
        var system = scenario.Crm.CreateOrganizationService(null);
        var refusal = Assert.Throws<BusinessRuleException>(() => RewardRedemptions.Redeem(
            system, program, staleMember, reward, scenario.Crm.Clock.UtcNow, codes, () => MemberLedgerReader.Read(scenario.Crm.Service,
                customer)));

        Assert.Contains("The reward costs 300 points; the customer has 200 available", refusal.Text.English);
        Assert.Equal(1, scenario.Crm.Count(RewardRedemption.EntityLogicalName));
        Assert.Equal(200,
            scenario.Crm.Get(Contact.EntityLogicalName, scenario.Customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
    }

    [Fact]
    public void Should_RefuseWithTheBalanceChangedMessage_When_TheConflictCannotBeRetried()
    {
        var scenario = new RedeemRewardScenario();
        var customer = scenario.Customer.ToEntityReference();
        var program = LoyaltyProgramReader.Active(scenario.Crm.Service)!;
        var staleMember = MemberLedgerReader.Read(scenario.Crm.Service, customer);
        var reward = RewardReader.Read(scenario.Crm.Service, scenario.Reward.Id, program);

        scenario.Redeem();
        using var codes = new VoucherCodeGenerator();
        var system = scenario.Crm.CreateOrganizationService(null);
        var refusal = Assert.Throws<BusinessRuleException>(() => RewardRedemptions.Redeem(
            system, program, staleMember, reward, scenario.Crm.Clock.UtcNow, codes, reread: null));

        Assert.Equal(RewardRedemptions.BalanceChanged, refusal.Text);
        Assert.Equal(1, scenario.Crm.Count(RewardRedemption.EntityLogicalName));
    }
}
