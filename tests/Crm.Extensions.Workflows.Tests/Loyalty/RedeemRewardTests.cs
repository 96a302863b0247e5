using System.Linq;
using System.ServiceModel;
using Crm.Extensions.Domain.Loyalty.Rewards;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Workflows.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Tests.Loyalty;

/// <summary>An active program, a member with 500 available points and a 300-point reward, redeemed by the workflow step.</summary>
public sealed class RedeemRewardTests
{
    private readonly WorkflowRunner _workflow = new();
    private readonly LoyaltyProgram _program;
    private readonly Contact _customer;
    private readonly Reward _reward;

    public RedeemRewardTests()
    {
        _program = _workflow.Data.Program();
        _customer = _workflow.Data.Contact();
        _workflow.Data.AvailablePoints(_customer, _program, 500);
        _reward = _workflow.Data.Reward(_program, pointsCost: 300);
    }

    private Redemption Redeem(EntityReference? customer, EntityReference? reward)
    {
        _workflow.Crm.ResetObservations();
        return _workflow.Run(
            context => Application.Loyalty.RedeemReward.Run(context, context.Workflow.UserId, customer, reward,
                context.Workflow.IsInTransaction));
    }

    /// <summary>The custom API's refusal for the same input, asked by the same user.</summary>
    private string ApiRefusal(EntityReference? customer, EntityReference? reward) =>
        Assert.Throws<FaultException<OrganizationServiceFault>>(() => _workflow.Crm.ServiceAs(_workflow.UserId).Execute(
            new OrganizationRequest("cx_RedeemReward") { ["Customer"] = customer, ["Reward"] = reward })).Detail.Message;

    [Fact]
    public void Should_IssueAVoucherAndSpendThePoints_When_TheMemberCanAffordTheReward()
    {
        var redemption = Redeem(_customer.ToEntityReference(), _reward.ToEntityReference());

        Assert.Equal(VoucherCodeGenerator.Length, redemption.VoucherCode.Length);
        var row = _workflow.Crm.Get(EarlyBound.RewardRedemption.EntityLogicalName, redemption.Id)!;
        Assert.Equal(redemption.VoucherCode, row.GetAttributeValue<string>(EarlyBound.RewardRedemption.Fields.VoucherCode));
        Assert.Equal(200,
            _workflow.Crm.Get(Contact.EntityLogicalName, _customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
        Assert.Contains(_workflow.Crm.All(LoyaltyTransaction.EntityLogicalName),
            e => e.GetAttributeValue<int>(LoyaltyTransaction.Fields.Points) == -300);
        // The guards of the loyalty columns, the ledger and the redemptions fire and let the product's SYSTEM writes through.
        Assert.Equal(
            new[]
            {
                "Crm.Extensions.Plugins.Loyalty.GuardLedger", "Crm.Extensions.Plugins.Loyalty.GuardLoyaltyColumns",
                "Crm.Extensions.Plugins.Loyalty.GuardRewardRedemptions",
            },
            _workflow.Crm.FiredSteps.Select(s => s.PluginType).Distinct().OrderBy(s => s, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Should_RefuseInSpanishWithTheCustomApisMessageAndChangeNoRows_When_TheBalanceIsShort()
    {
        var expensive = _workflow.Data.Reward(_program, pointsCost: 900);
        _workflow.RunAsSpanishUser();
        var api = ApiRefusal(_customer.ToEntityReference(), expensive.ToEntityReference());

        var refusal = Assert.Throws<InvalidPluginExecutionException>(
            () => Redeem(_customer.ToEntityReference(), expensive.ToEntityReference()));

        Assert.Equal(api, refusal.Message);
        Assert.Contains("La recompensa cuesta 900 puntos; el cliente tiene 500 disponibles", refusal.Message,
            System.StringComparison.Ordinal);
        Assert.Equal(0, _workflow.Writes);
        Assert.Equal(0, _workflow.Crm.Count(EarlyBound.RewardRedemption.EntityLogicalName));
        Assert.Equal(1, _workflow.Crm.Count(LoyaltyTransaction.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseWithTheCustomApisMessage_When_TheCustomerIsNotAContactOrAccount()
    {
        var api = ApiRefusal(_reward.ToEntityReference(), _reward.ToEntityReference());

        var refusal = Assert.Throws<InvalidPluginExecutionException>(
            () => Redeem(_reward.ToEntityReference(), _reward.ToEntityReference()));

        Assert.Equal(api, refusal.Message);
        Assert.Equal("Choose the customer (a contact or an account) who redeems the reward.", refusal.Message);
        Assert.Equal(0, _workflow.Writes);
    }

    [Fact]
    public void Should_RefuseWithTheCustomApisMessage_When_NoRewardIsGiven()
    {
        var api = ApiRefusal(_customer.ToEntityReference(), null);

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Redeem(_customer.ToEntityReference(), null));

        Assert.Equal(api, refusal.Message);
        Assert.Equal(0, _workflow.Writes);
    }
}
