using System;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>cx_EvaluateTiers: downgrade only after validity plus grace; the top-profit share gets the VIP tier.</summary>
public sealed class EvaluateTiersTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();

    private DataProducer Data => new(_crm);

    [Fact]
    public void Should_DowngradeTheMember_When_ValidityPlusGraceHasPassedWithoutRequalifying()
    {
        var program = Data.Program();
        var gold = Data.Tier(program, t => t[LoyaltyTier.Fields.MinQualifyingPoints] = 1000);
        var customer = Data.Contact(c =>
        {
            c[Contact.Fields.LoyaltyTierId] = gold.ToEntityReference();
            c[Contact.Fields.TierValidUntil] = _crm.Clock.UtcNow.AddDays(-31);
        });

        var response = Evaluate();

        Assert.Equal(1, response.Results["Changed"]);
        Assert.Null(_crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId));
    }

    [Fact]
    public void Should_KeepTheTier_When_TheGraceDaysHaveNotPassed()
    {
        var program = Data.Program();
        var gold = Data.Tier(program, t => t[LoyaltyTier.Fields.MinQualifyingPoints] = 1000);
        var customer = Data.Contact(c =>
        {
            c[Contact.Fields.LoyaltyTierId] = gold.ToEntityReference();
            c[Contact.Fields.TierValidUntil] = _crm.Clock.UtcNow.AddDays(-10);
        });

        Evaluate();

        Assert.Equal(gold.Id,
            _crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId)?.Id);
    }

    [Fact]
    public void Should_GrantTheVipTier_When_TheMemberIsInTheTopProfitShare()
    {
        var program = Data.Program();
        var vip = Data.Tier(program, t => t[LoyaltyTier.Fields.IsVip] = true);
        var top = Data.Contact(c => c[Contact.Fields.TotalProfit] = new Money(5000m));
        Data.Contact(c => c[Contact.Fields.TotalProfit] = new Money(10m));

        Evaluate();

        Assert.Equal(vip.Id,
            _crm.Get(Contact.EntityLogicalName, top.Id)!.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId)?.Id);
    }

    [Fact]
    public void Should_RefuseWithAClearMessageAndChangeNoRows_When_NoProgramIsActive()
    {
        var customer = Data.Contact();

        var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Evaluate());

        Assert.Contains("No loyalty program is active, so there are no tiers to evaluate.", refusal.Detail.Message);
        Assert.Null(_crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId));
    }

    [Fact]
    public void Should_RunTheTierPluginAtMainOperation_When_TheApiIsCalled()
    {
        Data.Program();

        Evaluate();

        Assert.Contains(_crm.FiredSteps, step => step.PluginType == typeof(EvaluateTiers).FullName && step.Stage == 30);
    }

    private OrganizationResponse Evaluate() => _crm.Service.Execute(new OrganizationRequest(EvaluateTiers.Api));
}
