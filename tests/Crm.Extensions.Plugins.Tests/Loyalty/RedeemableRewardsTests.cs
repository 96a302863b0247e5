using System;
using System.Linq;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// cx_GetRedeemableRewards, the catalogue of the redemption dialog: exactly the rewards cx_RedeemReward would accept now
/// (program, validity, tier, per-member limit, available points), each with its cost and the points left after it.
/// The scenario's member holds 500 available points; its reward costs 300.
/// </summary>
public sealed class RedeemableRewardsTests
{
    private readonly RedeemRewardScenario _scenario = new();

    private Emulator.DataverseEmulator Crm => _scenario.Crm;

    private OrganizationResponse Catalogue(IOrganizationService? service = null, EntityReference? customer = null) =>
        (service ?? Crm.Service).Execute(new OrganizationRequest(GetRedeemableRewards.Api)
        {
            ["Customer"] = customer ?? _scenario.Customer.ToEntityReference(),
        });

    private static Guid[] Offered(OrganizationResponse response) =>
        Assert.IsType<EntityCollection>(response.Results["Rewards"]).Entities.Select(
            line => line.GetAttributeValue<Guid>(GetRedeemableRewards.RewardId)).ToArray();

    private Reward Named(string name, int cost, Action<Reward>? with = null) =>
        _scenario.Data.Reward(_scenario.Program, cost, reward =>
        {
            reward[Reward.Fields.Name] = name;
            with?.Invoke(reward);
        });

    [Fact]
    public void Should_OfferEachAffordableRewardWithItsCostAndTheBalanceAfter_When_TheMemberHasPoints()
    {
        var cheap = Named("Tote bag", 100);

        var response = Catalogue();

        Assert.Equal(500, response.Results["Available"]);
        var lines = Assert.IsType<EntityCollection>(response.Results["Rewards"]).Entities;
        Assert.Equal(new[] { cheap.Id, _scenario.Reward.Id },
            lines.Select(line => line.GetAttributeValue<Guid>(GetRedeemableRewards.RewardId)));
        Assert.Equal(new[] { 100, 300 }, lines.Select(line => line.GetAttributeValue<int>(GetRedeemableRewards.PointsCost)));
        Assert.Equal(new[] { 400, 200 }, lines.Select(line => line.GetAttributeValue<int>(GetRedeemableRewards.BalanceAfter)));
        Assert.Equal("Tote bag", lines[0].GetAttributeValue<string>(GetRedeemableRewards.Name));
    }

    [Fact]
    public void Should_LeaveOutTheRewardsRedeemRewardRefuses_When_TierLimitValidityProgramOrBalanceStopThem()
    {
        var gold = _scenario.Data.Tier(_scenario.Program,
            tier => { tier[LoyaltyTier.Fields.Name] = "Gold"; tier[LoyaltyTier.Fields.Rank] = 3; });
        var goldOnly = Named("Lounge pass", 50, r => r[Reward.Fields.MinTierId] = gold.ToEntityReference());
        var tooDear = Named("Weekend away", 900);
        var ended = Named("Summer offer", 50, r => r[Reward.Fields.ValidTo] = Crm.Clock.UtcNow.AddDays(-1));
        var otherProgram = Named("Partner gift", 50,
            r => r[Reward.Fields.LoyaltyProgramId] = _scenario.Data.Program(
                p => { p[LoyaltyProgram.Fields.StateCode] = new OptionSetValue(1); p["statuscode"] = new OptionSetValue(2); })
            .ToEntityReference());
        var once = Named("Welcome mug", 50, r => r[Reward.Fields.PerMemberLimit] = 1);
        _scenario.Redeem(reward: once.ToEntityReference());

        var offered = Offered(Catalogue());

        Assert.Equal(new[] { _scenario.Reward.Id }, offered);
        foreach (var refused in new[] { goldOnly, tooDear, ended, otherProgram, once })
        {
            Assert.Throws<FaultException<OrganizationServiceFault>>(() => _scenario.Redeem(reward: refused.ToEntityReference()));
        }
    }

    [Fact]
    public void Should_OfferTheRewardAgain_When_TheRedemptionThatReachedTheLimitIsCancelled()
    {
        var once = Named("Welcome mug", 50, r => r[Reward.Fields.PerMemberLimit] = 1);
        var redemption = (EntityReference)_scenario.Redeem(reward: once.ToEntityReference()).Results["Redemption"];
        Crm.Service.Execute(new OrganizationRequest(CancelRedemption.Api) { [CancelRedemption.Redemption] = redemption });

        var offered = Offered(Catalogue());

        Assert.Contains(once.Id, offered);
    }

    [Fact]
    public void Should_OfferNothing_When_TheMemberIsBlockedFromTheProgram()
    {
        Crm.Service.Update(new Entity(Contact.EntityLogicalName, _scenario.Customer.Id)
        {
            [Contact.Fields.LoyaltyBlocked] = true,
            [Contact.Fields.LoyaltyOverrideReason] = "Abuse of the returns policy.",
        });

        var offered = Offered(Catalogue());

        Assert.Empty(offered);
    }

    [Fact]
    public void Should_ChangeNoRows_When_TheCatalogueIsRead()
    {
        var before = Crm.Count(RewardRedemption.EntityLogicalName) + Crm.Count(LoyaltyTransaction.EntityLogicalName);
        var balance = Crm.Get(Contact.EntityLogicalName, _scenario.Customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance);

        Catalogue();

        Assert.Equal(before, Crm.Count(RewardRedemption.EntityLogicalName) + Crm.Count(LoyaltyTransaction.EntityLogicalName));
        Assert.Equal(balance,
            Crm.Get(Contact.EntityLogicalName, _scenario.Customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
    }

    [Fact]
    public void Should_RefuseInSpanish_When_TheCallerMayNotEditTheCustomer()
    {
        // The customer is SYSTEM's; a relationship user edits only the customers they own (Basic depth), as for the redemption.
        var clerk = Crm.CreateUser("Marta", uiLanguageId: 3082, roles: new[] { "Customer Relationship User" });

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Catalogue(Crm.ServiceAs(clerk)));

        Assert.Contains("Solo puede actuar sobre los puntos de un cliente que puede editar", refusal.Detail.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Should_OfferTheCatalogue_When_ARelationshipUserAsksForTheirOwnCustomer()
    {
        var clerk = Crm.CreateUser("Carla Clerk", roles: new[] { "Customer Relationship User" });
        var own = _scenario.Data.Contact(c => c["ownerid"] = new EntityReference(SystemUser.EntityLogicalName, clerk));
        _scenario.Data.AvailablePoints(own, _scenario.Program, 320);

        var response = Catalogue(Crm.ServiceAs(clerk), own.ToEntityReference());

        Assert.Equal(new[] { _scenario.Reward.Id }, Offered(response));
        Assert.Equal(320, response.Results["Available"]);
    }

    [Fact]
    public void Should_RefuseWithAClearMessage_When_TheCustomerIsNotAContactOrAccount()
    {
        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(
            () => Catalogue(customer: _scenario.Reward.ToEntityReference()));

        Assert.Contains("Choose the customer (a contact or an account)", refusal.Detail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ShipTheCatalogueAsAFunction_When_TheSolutionIsLoaded()
    {
        // A custom API that changes no data is a function, called with GET in the Web API
        // (learn.microsoft.com/power-apps/developer/data-platform/custom-api-tables, "Is Function").
        Assert.True(Crm.Metadata.CustomApis[GetRedeemableRewards.Api].IsFunction);
    }
}
