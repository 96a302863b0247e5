using System;
using System.Linq;
using System.ServiceModel;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Microsoft.Xrm.Sdk;
using VoucherCodeGenerator = Crm.Extensions.Domain.Loyalty.Rewards.VoucherCodeGenerator;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// A reward's units in stock (cx_stock; empty for unlimited): part of the one eligibility rule (RedemptionCheck), so both
/// cx_RedeemReward and cx_GetRedeemableRewards obey it; a redemption takes a unit under the reward's RowVersion in the same
/// request, and cx_CancelRedemption gives it back. The scenario's member holds 500 available points; its reward costs 300.
/// </summary>
public sealed class RewardStockTests
{
    private readonly RedeemRewardScenario _scenario = new();

    private Emulator.DataverseEmulator Crm => _scenario.Crm;

    private void SetStock(int? units) =>
        Crm.Service.Update(new Entity(Reward.EntityLogicalName, _scenario.Reward.Id) { [Reward.Fields.Stock] = units });

    private int? Stock() => Crm.Get(Reward.EntityLogicalName, _scenario.Reward.Id)!.GetAttributeValue<int?>(Reward.Fields.Stock);

    private IOrganizationService Administrator(int uiLanguage = 1033) =>
        Crm.ServiceAs(Crm.CreateUser("Laura " + uiLanguage, uiLanguageId: uiLanguage, roles: new[] { "Loyalty Administrator" }));

    [Fact]
    public void Should_RefuseInEnglishAndSpanishChangingNoRow_When_TheRewardIsOutOfStock()
    {
        SetStock(0);
        var english = Administrator();
        var spanish = Administrator(3082);
        var before = Crm.Snapshot();

        var refusedInEnglish = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _scenario.Redeem(english)).Detail.Message;
        var refusedInSpanish = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _scenario.Redeem(spanish)).Detail.Message;

        Assert.Equal("The reward \"Coffee voucher\" is out of stock: every unit has been redeemed.", refusedInEnglish);
        Assert.Equal("La recompensa \"Coffee voucher\" está agotada: se han canjeado todas sus unidades.", refusedInSpanish);
        Assert.True(before.DiffTo(Crm.Snapshot()).IsEmpty, "A refused redemption changed rows.");
    }

    [Fact]
    public void Should_TakeOneUnit_When_AStockedRewardIsRedeemed()
    {
        SetStock(2);

        _scenario.Redeem(Administrator());

        Assert.Equal(1, Stock());
    }

    [Fact]
    public void Should_LeaveTheStockEmpty_When_AnUnlimitedRewardIsRedeemed()
    {
        _scenario.Redeem(Administrator());

        Assert.Null(Stock());
        Assert.Equal(1, Crm.Count(RewardRedemption.EntityLogicalName));
    }

    /// <summary>
    /// The emulator serialises requests, so the race is simulated where it bites: the second redemption was checked against a
    /// reward read (stock 1, its RowVersion) taken before the first one took the last unit.
    /// </summary>
    [Fact]
    public void Should_TakeTheLastUnitOnce_When_TwoRedemptionsRaceForIt()
    {
        SetStock(1);
        var other = _scenario.Data.Contact();
        _scenario.Data.AvailablePoints(other, _scenario.Program, 500);
        var program = LoyaltyProgramReader.Active(Crm.Service)!;
        var staleReward = RewardReader.Read(Crm.Service, _scenario.Reward.Id, program);
        var otherMember = MemberLedgerReader.Read(Crm.Service, other.ToEntityReference());

        _scenario.Redeem(Administrator());
        var before = Crm.Snapshot();
        using var codes = new VoucherCodeGenerator();
        var refusal = Assert.Throws<BusinessRuleException>(() => RewardRedemptions.Redeem(
            Crm.Service, program, otherMember, staleReward, Crm.Clock.UtcNow, codes, reread: null));

        Assert.Equal(RewardStock.StockChanged("Coffee voucher"), refusal.Text);
        Assert.True(before.DiffTo(Crm.Snapshot()).IsEmpty, "The losing redemption changed rows.");
        Assert.Equal(0, Stock());
        Assert.Equal(1, Crm.Count(RewardRedemption.EntityLogicalName));
    }

    [Fact]
    public void Should_GiveTheUnitBack_When_TheRedemptionIsCancelled()
    {
        SetStock(1);
        var administrator = Administrator();
        var redemption = (EntityReference)_scenario.Redeem(administrator).Results["Redemption"];

        administrator.Execute(new OrganizationRequest(CancelRedemption.Api) { [CancelRedemption.Redemption] = redemption });

        Assert.Equal(1, Stock());
    }

    [Fact]
    public void Should_LeaveOutTheOutOfStockReward_When_TheRedeemableRewardsAreListed()
    {
        var stocked = _scenario.Data.Reward(_scenario.Program, 100, reward => reward[Reward.Fields.Stock] = 3);
        SetStock(0);

        var response = Crm.Service.Execute(
            new OrganizationRequest(GetRedeemableRewards.Api) { ["Customer"] = _scenario.Customer.ToEntityReference() });

        var offered = Assert.IsType<EntityCollection>(response.Results["Rewards"]).Entities.Select(
            line => line.GetAttributeValue<Guid>(GetRedeemableRewards.RewardId));
        Assert.Equal(new[] { stocked.Id }, offered);
    }
}
