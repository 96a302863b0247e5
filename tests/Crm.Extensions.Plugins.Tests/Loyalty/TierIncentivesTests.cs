using System;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// VIP incentives of a tier change (through cx_EvaluateTiers): the tier's price list becomes the default price list of
/// contacts and accounts alike, and marketing-list membership moves with the typed AddMemberList/RemoveMemberList
/// messages; a member without marketing consent never joins.
/// </summary>
public sealed class TierIncentivesTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();

    private DataProducer Data => new(_crm);

    [Fact]
    public void Should_SetTheVipPriceListOnTheContact_When_TheTopProfitShareGrantsTheVipTier()
    {
        var vipPrices = Data.PriceList();
        VipTier(t => t[LoyaltyTier.Fields.PriceLevelId] = vipPrices.ToEntityReference());
        var contact = Data.Contact(c => c[Contact.Fields.TotalProfit] = new Money(5000m));

        Evaluate();

        Assert.Equal(vipPrices.Id,
            _crm.Get(Contact.EntityLogicalName, contact.Id)!.GetAttributeValue<EntityReference>(Contact.Fields.DefaultPriceLevelId)?.Id);
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(EvaluateTiers).FullName && s.Stage == 30);
    }

    [Fact]
    public void Should_SetTheVipPriceListOnTheAccount_When_TheTopProfitShareGrantsTheVipTier()
    {
        var vipPrices = Data.PriceList();
        VipTier(t => t[LoyaltyTier.Fields.PriceLevelId] = vipPrices.ToEntityReference());
        var account = Data.Account(a => a[Account.Fields.TotalProfit] = new Money(5000m));

        Evaluate();

        Assert.Equal(vipPrices.Id,
            _crm.Get(Account.EntityLogicalName, account.Id)!.GetAttributeValue<EntityReference>(Account.Fields.DefaultPriceLevelId)?.Id);
    }

    [Fact]
    public void Should_JoinTheTierList_When_AConsentingContactGetsTheVipTier()
    {
        var listId = ContactList("VIP members");
        VipTier(t => t[LoyaltyTier.Fields.MarketingListId] = new EntityReference(List.EntityLogicalName, listId));
        var contact = Data.Contact(c =>
        {
            c[Contact.Fields.TotalProfit] = new Money(5000m);
            c[Contact.Fields.ConsentMarketing] = true;
        });

        Evaluate();

        var member = Assert.Single(_crm.All(ListMember.EntityLogicalName));
        Assert.Equal(listId, member.GetAttributeValue<EntityReference>(ListMember.Fields.ListId).Id);
        Assert.Equal(contact.Id, member.GetAttributeValue<EntityReference>(ListMember.Fields.EntityId).Id);
    }

    [Fact]
    public void Should_JoinOnlyTheContact_When_AnAccountAndAContactGetAVipTierWhoseListTakesContacts()
    {
        var listId = ContactList("VIP members");
        var vip = VipTier(t => t[LoyaltyTier.Fields.MarketingListId] = new EntityReference(List.EntityLogicalName, listId));
        var account = Data.Account(a =>
        {
            a[Account.Fields.TotalProfit] = new Money(9000m);
            a[Account.Fields.ConsentMarketing] = true;
        });
        var contact = Data.Contact(c =>
        {
            c[Contact.Fields.TotalProfit] = new Money(5000m);
            c[Contact.Fields.ConsentMarketing] = true;
        });
        _crm.Service.Update(
            new Entity(LoyaltyProgram.EntityLogicalName, vip.GetAttributeValue<EntityReference>(LoyaltyTier.Fields.LoyaltyProgramId).Id)
        {
            [LoyaltyProgram.Fields.VipProfitShare] = 100m, // percent: every profitable customer
        });

        Evaluate();

        Assert.Equal(vip.Id,
            _crm.Get(Account.EntityLogicalName, account.Id)!.GetAttributeValue<EntityReference>(Account.Fields.LoyaltyTierId)?.Id);
        var member = Assert.Single(_crm.All(ListMember.EntityLogicalName));
        Assert.Equal(contact.Id, member.GetAttributeValue<EntityReference>(ListMember.Fields.EntityId).Id);
    }

    [Fact]
    public void Should_GetTheTierButNotJoinTheList_When_TheContactGaveNoMarketingConsent()
    {
        var listId = ContactList("VIP members");
        var vip = VipTier(t => t[LoyaltyTier.Fields.MarketingListId] = new EntityReference(List.EntityLogicalName, listId));
        var contact = Data.Contact(c => c[Contact.Fields.TotalProfit] = new Money(5000m));

        Evaluate();

        Assert.Equal(vip.Id,
            _crm.Get(Contact.EntityLogicalName, contact.Id)!.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId)?.Id);
        Assert.Equal(0, _crm.Count(ListMember.EntityLogicalName));
    }

    [Fact]
    public void Should_LeaveTheTierList_When_TheMemberIsDowngraded()
    {
        var listId = ContactList("Gold members");
        var program = Data.Program();
        var gold = Data.Tier(program, t =>
        {
            t[LoyaltyTier.Fields.MinQualifyingPoints] = 1000;
            t[LoyaltyTier.Fields.MarketingListId] = new EntityReference(List.EntityLogicalName, listId);
        });
        var contact = Data.Contact(c =>
        {
            c[Contact.Fields.LoyaltyTierId] = gold.ToEntityReference();
            c[Contact.Fields.TierValidUntil] = _crm.Clock.UtcNow.AddDays(-31);
            c[Contact.Fields.ConsentMarketing] = true;
        });
        _crm.Service.Execute(new AddMemberListRequest { ListId = listId, EntityId = contact.Id });

        Evaluate();

        Assert.Null(_crm.Get(Contact.EntityLogicalName, contact.Id)!.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId));
        Assert.Equal(0, _crm.Count(ListMember.EntityLogicalName));
    }

    /// <summary>An active program whose only tier is the VIP tier (granted to the top-profit share).</summary>
    private LoyaltyTier VipTier(Action<LoyaltyTier> with) =>
        Data.Tier(Data.Program(), tier =>
        {
            tier[LoyaltyTier.Fields.Name] = "VIP";
            tier[LoyaltyTier.Fields.IsVip] = true;
            with(tier);
        });

    /// <summary>A static marketing list of contacts (member type 2), created through the service as a marketer does.</summary>
    private Guid ContactList(string name) => _crm.Service.Create(new Entity(List.EntityLogicalName)
    {
        [List.Fields.ListName] = name,
        [List.Fields.MemberType] = 2,
        [List.Fields.CreatedFromCode] = new OptionSetValue(2),
    });

    private void Evaluate() => _crm.Service.Execute(new OrganizationRequest(EvaluateTiers.Api));
}
