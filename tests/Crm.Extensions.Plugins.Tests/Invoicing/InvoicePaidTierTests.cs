using System;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Invoicing;

/// <summary>A paid invoice that qualifies the member upgrades the tier at once, with its marketing list (consent respected).</summary>
public sealed class InvoicePaidTierTests
{
    [Fact]
    public void Should_UpgradeAtOnceAndJoinTheTierList_When_APaidInvoiceQualifiesTheMember()
    {
        var scenario = new InvoiceScenario(150m);
        var gold = GoldTier(scenario, out var listId);
        Consent(scenario, true);

        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        Assert.Equal(gold.Id, scenario.StoredCustomer.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId)?.Id);
        var member = Assert.Single(scenario.Crm.All(ListMember.EntityLogicalName));
        Assert.Equal(listId, member.GetAttributeValue<EntityReference>(ListMember.Fields.ListId).Id);
    }

    [Fact]
    public void Should_StampWhenTheTierWentUp_When_APaidInvoiceUpgradesTheMember()
    {
        var scenario = new InvoiceScenario(150m);
        GoldTier(scenario, out _);
        Consent(scenario, true);
        var paidOn = scenario.Crm.Clock.UtcNow;

        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        var upgradedOn = scenario.StoredCustomer.GetAttributeValue<DateTime?>(Contact.Fields.TierUpgradedOn);
        Assert.NotNull(upgradedOn);
        Assert.InRange(upgradedOn.Value, paidOn.AddMinutes(-1), scenario.Crm.Clock.UtcNow.AddMinutes(1));
    }

    [Fact]
    public void Should_UpgradeButNotJoinTheList_When_TheMemberGaveNoMarketingConsent()
    {
        var scenario = new InvoiceScenario(150m);
        var gold = GoldTier(scenario, out _);
        Consent(scenario, false);

        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        Assert.Equal(gold.Id, scenario.StoredCustomer.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId)?.Id);
        Assert.Equal(0, scenario.Crm.Count(ListMember.EntityLogicalName));
    }

    [Fact]
    public void Should_HoldBackTheUpgradeVisibly_When_ADetractorAnsweredWithinTheBlockDays()
    {
        var scenario = new InvoiceScenario(150m);
        GoldTier(scenario, out _);
        scenario.Crm.Seed(new Entity(SatisfactionSurvey.EntityLogicalName, Guid.NewGuid())
        {
            [SatisfactionSurvey.Fields.Name] = "Post-sale survey",
            [SatisfactionSurvey.Fields.CustomerId] = scenario.Customer.ToEntityReference(),
            [SatisfactionSurvey.Fields.SurveyStatus] = new OptionSetValue((int)SatisfactionSurvey.SurveyStatusChoice.Answered),
            [SatisfactionSurvey.Fields.NpsCategory] = new OptionSetValue((int)SatisfactionSurvey.NpsCategoryChoice.Detractor),
            [SatisfactionSurvey.Fields.NpsScore] = 2,
            [SatisfactionSurvey.Fields.AnsweredOn] = scenario.Crm.Clock.UtcNow.AddDays(-10),
        });

        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        var customer = scenario.StoredCustomer;
        Assert.Null(customer.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId));
        Assert.True(customer.GetAttributeValue<bool?>(Contact.Fields.UpgradeBlocked));
        Assert.False(string.IsNullOrEmpty(customer.GetAttributeValue<string>(Contact.Fields.UpgradeBlockedReason)));
    }

    private static LoyaltyTier GoldTier(InvoiceScenario scenario, out Guid listId)
    {
        var id = scenario.Crm.Service.Create(
            new Entity(List.EntityLogicalName) { [List.Fields.ListName] = "Gold members", [List.Fields.MemberType] = 2,
                [List.Fields.CreatedFromCode] = new OptionSetValue(2) });
        listId = id;
        return scenario.Data.Tier(scenario.Program, tier =>
        {
            tier[LoyaltyTier.Fields.Name] = "Gold";
            tier[LoyaltyTier.Fields.MinQualifyingPoints] = 100;
            tier[LoyaltyTier.Fields.MarketingListId] = new EntityReference(List.EntityLogicalName, id);
        });
    }

    private static void Consent(InvoiceScenario scenario, bool consent) =>
        scenario.Crm.Service.Update(
            new Entity(Contact.EntityLogicalName, scenario.Customer.Id) { [Contact.Fields.ConsentMarketing] = consent });
}
