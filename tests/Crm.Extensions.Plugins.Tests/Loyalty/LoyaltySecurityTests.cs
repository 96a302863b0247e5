using System;
using System.Linq;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// Who may mint, spend and change loyalty state, with users made from the shipped roles (solution/SECURITY.md).
/// A custom API's executeprivilegename is the privilege a caller must hold to call it
/// (learn.microsoft.com/power-apps/developer/data-platform/custom-api-tables); a missing one fails with -2147220960.
/// RetrievePrincipalAccess answers what a user may do with one row
/// (learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.retrieveprincipalaccessrequest).
/// </summary>
public sealed class LoyaltySecurityTests
{
    private const int MissingPrivilege = -2147220960;
    private const string RelationshipUser = "Customer Relationship User";
    private const string LoyaltyAdministrator = "Loyalty Administrator";
    private const string StrategyManager = "CRM Strategy Manager";

    private readonly RedeemRewardScenario _scenario = new();

    private Emulator.DataverseEmulator Crm => _scenario.Crm;

    private Guid User(string role) => Crm.CreateUser(role + " user", roles: new[] { role });

    private Contact OwnedContact(Guid owner)
        => _scenario.Data.Contact(c => c["ownerid"] = new EntityReference(SystemUser.EntityLogicalName, owner));

    private OrganizationServiceFault Refused(Action act) => Assert.Throws<FaultException<OrganizationServiceFault>>(act).Detail;

    [Fact]
    public void Should_RefuseRedemption_When_CallerCannotWriteTheCustomer()
    {
        // The customer is SYSTEM's; a relationship user writes only contacts they own (Basic depth).
        var clerk = Crm.ServiceAs(User(RelationshipUser));

        var refusal = Refused(() => _scenario.Redeem(clerk));

        Assert.Contains("only for a customer you may edit", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, Crm.Count(RewardRedemption.EntityLogicalName));
        Assert.Equal(1, Crm.Count(LoyaltyTransaction.EntityLogicalName));
    }

    [Fact]
    public void Should_RedeemAndLetTheProductWriteTheBalance_When_RelationshipUserOwnsTheCustomer()
    {
        var clerkId = User(RelationshipUser);
        var own = OwnedContact(clerkId);
        _scenario.Data.AvailablePoints(own, _scenario.Program, 400);

        var response = _scenario.Redeem(Crm.ServiceAs(clerkId), customer: own.ToEntityReference());

        Assert.IsType<string>(response.Results["VoucherCode"]);
        Assert.Equal(100, Crm.Get(Contact.EntityLogicalName, own.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
    }

    [Fact]
    public void Should_RefuseRedemption_When_CallerLacksTheExecutePrivilege()
    {
        var manager = Crm.ServiceAs(User(StrategyManager));

        var refusal = Refused(() => _scenario.Redeem(manager));

        Assert.Equal(MissingPrivilege, refusal.ErrorCode);
        Assert.Contains("is missing prvCreatecx_RewardRedemption privilege", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, Crm.Count(RewardRedemption.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseLedgerRun_When_CallerIsNotLoyaltyAdministrator()
    {
        var clerk = Crm.ServiceAs(User(RelationshipUser));

        var refusal = Refused(() => clerk.Execute(new OrganizationRequest(ProcessLoyaltyLedger.Api)));

        Assert.Equal(MissingPrivilege, refusal.ErrorCode);
        Assert.Contains("prvWritecx_LoyaltyProgram", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Crm.FiredSteps, s => s.Message == ProcessLoyaltyLedger.Api);
    }

    [Fact]
    public void Should_RunTheLedger_When_CallerIsLoyaltyAdministrator()
    {
        var administrator = Crm.ServiceAs(User(LoyaltyAdministrator));

        administrator.Execute(new OrganizationRequest(ProcessLoyaltyLedger.Api));

        Assert.Contains(Crm.FiredSteps, s => s.Message == ProcessLoyaltyLedger.Api && s.Stage == 30);
    }

    [Fact]
    public void Should_RefuseTierChange_When_CustomerRelationshipUserTypesGold()
    {
        var clerkId = User(RelationshipUser);
        var own = OwnedContact(clerkId);
        var gold = _scenario.Data.Tier(_scenario.Program, t => t[LoyaltyTier.Fields.Name] = "Gold");

        var refusal = Refused(() => Crm.ServiceAs(clerkId).Update(new Entity(Contact.EntityLogicalName, own.Id)
        {
            [Contact.Fields.LoyaltyTierId] = gold.ToEntityReference(),
        }));

        Assert.Contains("kept by the product and cannot be changed by hand: cx_loyaltytierid", refusal.Message, StringComparison.Ordinal);
        Assert.Null(Crm.Get(Contact.EntityLogicalName, own.Id)!.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId));
    }

    [Fact]
    public void Should_RefuseBalance_When_CustomerRelationshipUserCreatesACustomerWithPoints()
    {
        var clerk = Crm.ServiceAs(User(RelationshipUser));

        var refusal = Refused(() => clerk.Create(new Entity(Contact.EntityLogicalName)
        {
            [Contact.Fields.LastName] = "Rich",
            [Contact.Fields.PointsBalance] = 50_000,
        }));

        Assert.Contains("cx_pointsbalance", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1, Crm.Count(Contact.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseTierFloor_When_CustomerRelationshipUserSetsItWithAReason()
    {
        var clerkId = User(RelationshipUser);
        var own = OwnedContact(clerkId);
        var gold = _scenario.Data.Tier(_scenario.Program, t => t[LoyaltyTier.Fields.Name] = "Gold");

        var refusal = Refused(() => Crm.ServiceAs(clerkId).Update(new Entity(Contact.EntityLogicalName, own.Id)
        {
            [Contact.Fields.TierFloorId] = gold.ToEntityReference(),
            [Contact.Fields.LoyaltyOverrideReason] = "Good customer",
        }));

        Assert.Contains("Only a loyalty administrator", refusal.Message, StringComparison.Ordinal);
        Assert.Null(Crm.Get(Contact.EntityLogicalName, own.Id)!.GetAttributeValue<EntityReference>(Contact.Fields.TierFloorId));
    }

    [Fact]
    public void Should_KeepReason_When_AdministratorBlocksCustomer()
    {
        var administrator = Crm.ServiceAs(User(LoyaltyAdministrator));

        administrator.Update(new Entity(Contact.EntityLogicalName, _scenario.Customer.Id)
        {
            [Contact.Fields.LoyaltyBlocked] = true,
            [Contact.Fields.LoyaltyOverrideReason] = "Fraud case 4711",
        });

        var stored = Crm.Get(Contact.EntityLogicalName, _scenario.Customer.Id)!;
        Assert.True(stored.GetAttributeValue<bool>(Contact.Fields.LoyaltyBlocked));
        Assert.Equal("Fraud case 4711", stored.GetAttributeValue<string>(Contact.Fields.LoyaltyOverrideReason));
    }

    [Fact]
    public void Should_RefuseInSpanish_When_AdministratorBlocksCustomerWithoutAReason()
    {
        var administratorId = Crm.CreateUser("Marta", uiLanguageId: 3082, roles: new[] { LoyaltyAdministrator });

        var refusal = Refused(() => Crm.ServiceAs(administratorId).Update(new Entity(Contact.EntityLogicalName, _scenario.Customer.Id)
        {
            [Contact.Fields.LoyaltyBlocked] = true,
        }));

        Assert.Contains("Indique un motivo", refusal.Message, StringComparison.Ordinal);
        Assert.False(Crm.Get(Contact.EntityLogicalName, _scenario.Customer.Id)!.GetAttributeValue<bool>(Contact.Fields.LoyaltyBlocked));
    }

    [Fact]
    public void Should_RefuseBalanceChange_When_LoyaltyAdministratorTypesPoints()
    {
        var administrator = Crm.ServiceAs(User(LoyaltyAdministrator));

        var refusal = Refused(() => administrator.Update(new Entity(Contact.EntityLogicalName, _scenario.Customer.Id)
        {
            [Contact.Fields.PointsBalance] = 999_999,
        }));

        Assert.Contains("cx_pointsbalance", refusal.Message, StringComparison.Ordinal);
        Assert.NotEqual(999_999,
            Crm.Get(Contact.EntityLogicalName, _scenario.Customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
    }

    [Fact]
    public void Should_SaveOrdinaryColumns_When_RelationshipUserEditsTheirCustomerWithUnchangedLoyaltyValues()
    {
        // An import or a form sends the stored loyalty values back unchanged: that is no change, so it is not refused.
        var clerkId = User(RelationshipUser);
        var own = OwnedContact(clerkId);

        Crm.ServiceAs(clerkId).Update(new Entity(Contact.EntityLogicalName, own.Id)
        {
            [Contact.Fields.LastName] = "Renamed",
            [Contact.Fields.LoyaltyBlocked] = false,
            [Contact.Fields.LoyaltyTierId] = null,
        });

        Assert.Equal("Renamed", Crm.Get(Contact.EntityLogicalName, own.Id)!.GetAttributeValue<string>(Contact.Fields.LastName));
    }

    [Fact]
    public void Should_RefuseAVoucher_When_RelationshipUserCreatesARedemptionRowDirectly()
    {
        var clerk = Crm.ServiceAs(User(RelationshipUser));

        var refusal = Refused(() => clerk.Create(new Entity(RewardRedemption.EntityLogicalName)
        {
            [RewardRedemption.Fields.RewardId] = _scenario.Reward.ToEntityReference(),
            [RewardRedemption.Fields.VoucherCode] = "FREEBIE1",
        }));

        Assert.Contains("Redemptions are created by \"Redeem reward\"", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, Crm.Count(RewardRedemption.EntityLogicalName));
    }
}
