using System.Linq;
using System.ServiceModel;
using Crm.Extensions.Domain.Loyalty.Rewards;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>cx_RedeemReward: one transaction of checks, a voucher under its alternate key, the redeem entry and the balance.</summary>
public sealed class RedeemRewardTests
{
    [Fact]
    public void Should_IssueAVoucherAndSpendThePoints_When_TheMemberCanAffordTheReward()
    {
        var scenario = new RedeemRewardScenario();

        var response = scenario.Redeem();

        var code = Assert.IsType<string>(response.Results["VoucherCode"]);
        Assert.Equal(VoucherCodeGenerator.Length, code.Length);
        Assert.All(code, c => Assert.Contains(c, VoucherCodeGenerator.Alphabet));
        var redemption = scenario.Crm.Get(RewardRedemption.EntityLogicalName,
            Assert.IsType<EntityReference>(response.Results["Redemption"]).Id)!;
        Assert.Equal(code, redemption.GetAttributeValue<string>(RewardRedemption.Fields.VoucherCode));
        Assert.Equal(200,
            scenario.Crm.Get(Contact.EntityLogicalName, scenario.Customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
        Assert.Contains(scenario.Crm.All(LoyaltyTransaction.EntityLogicalName),
            e => e.GetAttributeValue<int>(LoyaltyTransaction.Fields.Points) == -300);
    }

    [Fact]
    public void Should_RefuseInSpanishAndChangeNoRows_When_TheBalanceIsShort()
    {
        var scenario = new RedeemRewardScenario();
        var expensive = scenario.Data.Reward(scenario.Program, pointsCost: 900);
        var spanishUser = scenario.Crm.CreateUser("Lucía", isAdministrator: true, uiLanguageId: 3082);

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(
            () => scenario.Redeem(scenario.Crm.ServiceAs(spanishUser), reward: expensive.ToEntityReference()));

        Assert.Contains("La recompensa cuesta 900 puntos; el cliente tiene 500 disponibles", refusal.Detail.Message);
        Assert.Equal(0, scenario.Crm.Count(RewardRedemption.EntityLogicalName));
        Assert.Equal(1, scenario.Crm.Count(LoyaltyTransaction.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseWithTheLimitMessage_When_TheMemberReachedThePerMemberLimit()
    {
        var scenario = new RedeemRewardScenario();
        var once = scenario.Data.Reward(scenario.Program, pointsCost: 100, r => r[Reward.Fields.PerMemberLimit] = 1);
        scenario.Redeem(reward: once.ToEntityReference());

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => scenario.Redeem(reward: once.ToEntityReference()));

        Assert.Contains("has already redeemed \"Coffee voucher\" 1 times, the limit per member", refusal.Detail.Message);
        Assert.Equal(1, scenario.Crm.Count(RewardRedemption.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseWithAClearMessageAndChangeNoRows_When_TheCustomerIsNotAContactOrAccount()
    {
        var scenario = new RedeemRewardScenario();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(
            () => scenario.Redeem(customer: scenario.Reward.ToEntityReference()));

        Assert.Contains("Choose the customer (a contact or an account) who redeems the reward.", refusal.Detail.Message);
        Assert.Equal(0, scenario.Crm.Count(RewardRedemption.EntityLogicalName));
    }

    [Fact]
    public void Should_RunTheRedeemRewardPluginAtMainOperation_When_TheApiIsCalled()
    {
        var scenario = new RedeemRewardScenario();

        scenario.Redeem();

        Assert.Contains(scenario.Crm.FiredSteps,
            step => step.PluginType == typeof(RedeemReward).FullName && step.Stage == 30 && step.Depth == 1);
    }
}
