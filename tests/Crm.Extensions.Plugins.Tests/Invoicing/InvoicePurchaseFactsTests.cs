using System;
using System.Linq;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Invoicing;

/// <summary>
/// The purchase facts the invoice steps keep on the customer (so a payment needs no query of the paid invoices), the
/// journey written only on a phase change, the program cache, and the in-transaction RowVersion refusal.
/// </summary>
public sealed class InvoicePurchaseFactsTests
{
    [Fact]
    public void Should_KeepTheFactsAndRebuildThemFromTheInvoices_When_InvoicesArePaidAndOneIsCancelled()
    {
        var scenario = new InvoiceScenario(100m);
        scenario.Data.Pay(scenario.Invoice);
        var second = PaidInvoice(scenario);
        Assert.Equal(2, scenario.StoredCustomer.GetAttributeValue<int?>(Contact.Fields.PaidInvoiceCount));
        Assert.Equal((int)GlobalChoices.LifecycleStage.Repeat,
            scenario.StoredCustomer.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value);

        scenario.Data.Cancel(second);

        var customer = scenario.StoredCustomer;
        Assert.Equal(1, customer.GetAttributeValue<int?>(Contact.Fields.PaidInvoiceCount));
        var kept = Assert.Single(PurchaseFacts.ParseRecent(customer.GetAttributeValue<string>(Contact.Fields.RecentPaidInvoices)));
        Assert.Equal(scenario.Invoice.Id, kept.InvoiceId);
        Assert.Equal((int)GlobalChoices.LifecycleStage.New,
            customer.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value);
    }

    [Fact]
    public void Should_MoveToAdvocateAtPaymentWithoutQueryingInvoices_When_APromoterAnswerIsKeptOnTheCustomer()
    {
        var scenario = new InvoiceScenario(100m);
        scenario.Data.Pay(scenario.Invoice);
        var request = Assert.Single(scenario.Crm.All(SatisfactionSurvey.EntityLogicalName));
        scenario.Crm.Service.Update(
            new Entity(SatisfactionSurvey.EntityLogicalName, request.Id) { [SatisfactionSurvey.Fields.NpsScore] = 10 });
        scenario.Crm.DrainAsyncJobs();
        Assert.Equal(10, scenario.StoredCustomer.GetAttributeValue<int?>(Contact.Fields.LatestNpsScore));
        scenario.Crm.Requests.Reset();

        PaidInvoice(scenario);

        Assert.Equal((int)GlobalChoices.LifecycleStage.Advocate,
            scenario.StoredCustomer.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value);
        var transitions = scenario.Crm.All(LifecycleTransition.EntityLogicalName);
        Assert.Contains(transitions,
            t => t.GetAttributeValue<OptionSetValue>(LifecycleTransition.Fields.ToStage).Value == (int)GlobalChoices.LifecycleStage.Advocate
            && t.GetAttributeValue<OptionSetValue>(LifecycleTransition.Fields.Trigger).Value == (
                int)LifecycleTransition.TriggerChoice.InvoicePaid);
        Assert.Equal(1, scenario.Crm.Requests.PluginCount("RetrieveMultiple"));
    }

    [Fact]
    public void Should_WriteTheJourneyOnlyWhenItsPhaseChanges_When_TheFamilyIsBoughtAgain()
    {
        var scenario = new InvoiceScenario(100m);
        scenario.Data.Pay(scenario.Invoice);
        PaidInvoice(scenario);
        var growth = Assert.Single(scenario.Crm.All(LoyaltyJourney.EntityLogicalName));
        Assert.Equal((int)GlobalChoices.LoyaltyPhase.IIGrowth, growth.GetAttributeValue<OptionSetValue>(LoyaltyJourney.Fields.Phase).Value);
        Assert.Equal(2, growth.GetAttributeValue<int?>(LoyaltyJourney.Fields.PurchaseCount));

        PaidInvoice(scenario);

        var after = Assert.Single(scenario.Crm.All(LoyaltyJourney.EntityLogicalName));
        Assert.Equal(growth.GetAttributeValue<long?>(LoyaltyJourney.Fields.VersionNumber),
            after.GetAttributeValue<long?>(LoyaltyJourney.Fields.VersionNumber));
        Assert.Equal(3, scenario.StoredCustomer.GetAttributeValue<int?>(Contact.Fields.PaidInvoiceCount));
    }

    [Fact]
    public void Should_ReadTheLedgerOnItsOwnAndEarnCorrectly_When_LinesTimesLedgerEntriesPassOnePage()
    {
        var scenario = new InvoiceScenario(100m, 50m, 25m);
        for (var i = 0; i < 1700; i++) scenario.Data.AvailablePoints(scenario.Customer, scenario.Program, 1);
        scenario.Crm.Requests.Reset();

        scenario.Data.Pay(scenario.Invoice);

        var customer = scenario.StoredCustomer;
        Assert.Equal(1700, customer.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
        Assert.Equal(175, customer.GetAttributeValue<int?>(Contact.Fields.PendingPoints));
        Assert.Equal(1703, scenario.Crm.Count(LoyaltyTransaction.EntityLogicalName));
        // Lifecycle variables and program (cold settings cache), the joined query (its first page), the invoice without its
        // ledger, the ledger (one page), the customer's paid invoices (its first kept facts), and the SYSTEM user the ledger
        // guard reads once per instance.
        Assert.Equal(7, scenario.Crm.Requests.PluginCount("RetrieveMultiple"));
        Assert.Equal(0, scenario.Crm.Requests.PluginCount("Retrieve"));
    }

    [Fact]
    public void Should_EarnKeepFactsAndMoveTheStage_When_AnAccountPaysItsFirstInvoice()
    {
        var scenario = new InvoiceScenario();
        var account = scenario.Data.Account();
        var invoice = scenario.Data.Invoice(account);
        scenario.Data.Line(invoice, scenario.Data.ProductIn(scenario.Family), 80m);
        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.Requests.Reset();

        scenario.Data.Pay(invoice);

        var stored = scenario.Crm.Get(Account.EntityLogicalName, account.Id)!;
        Assert.Equal(80, stored.GetAttributeValue<int?>(Account.Fields.PendingPoints));
        Assert.Equal(1, stored.GetAttributeValue<int?>(Account.Fields.PaidInvoiceCount));
        Assert.Equal((int)GlobalChoices.LifecycleStage.New, stored.GetAttributeValue<OptionSetValue>(Account.Fields.LifecycleStage)?.Value);
        Assert.Single(scenario.Crm.All(LifecycleTransition.EntityLogicalName),
            t => t.GetAttributeValue<EntityReference>(LifecycleTransition.Fields.CustomerId).Id == account.Id);
        // The warm steady state (4) plus what a first purchase adds: the facts built from the invoices (a customer without
        // kept facts may have bought before they existed), the transition and the new family's journey (both upserted by key).
        Assert.Equal(7, scenario.Crm.Requests.PluginTotal);
        Assert.Equal(2, scenario.Crm.Requests.PluginCount("RetrieveMultiple"));
        Assert.Equal(2, scenario.Crm.Requests.PluginCount("Upsert"));
    }

    [Fact]
    public void Should_ReadTheProgramOncePerTimeToLive_When_AskedRepeatedly()
    {
        var crm = ProductSolution.Start();
        var data = new DataProducer(crm);
        var program = data.Program();
        var cache = new SettingsCache(TimeSpan.FromMinutes(5));
        var organization = Guid.NewGuid();
        crm.Requests.Reset();

        Assert.Empty(cache.Program(crm.Service, organization, crm.Clock.UtcNow)!.Tiers);
        data.Tier(program);
        var withinTimeToLive = cache.Program(crm.Service, organization, crm.Clock.UtcNow.AddMinutes(4));
        var afterTimeToLive = cache.Program(crm.Service, organization, crm.Clock.UtcNow.AddMinutes(5));

        Assert.Empty(withinTimeToLive!.Tiers);
        Assert.Single(afterTimeToLive!.Tiers);
        Assert.Equal(2, crm.Requests.CallerCount("RetrieveMultiple"));
    }

    [Fact]
    public void Should_RefuseInBothLanguagesAndWriteNothing_When_TheCustomerChangedSinceItWasRead()
    {
        var crm = ProductSolution.Start();
        var customer = new DataProducer(crm).Contact();
        var stale = crm.Get(Contact.EntityLogicalName, customer.Id)!.RowVersion;
        crm.Service.Update(new Entity(Contact.EntityLogicalName, customer.Id) { [Contact.Fields.FirstName] = "Changed meanwhile" });
        var row = CustomerRowWriter.NewRow(customer.ToEntityReference());
        row[Contact.Fields.PaidInvoiceCount] = 1;

        var refusal = Assert.Throws<BusinessRuleException>(() => CustomerRowWriter.Write(crm.CreateOrganizationService(null), row, stale));

        Assert.Contains("save the invoice again", refusal.Text.English, StringComparison.Ordinal);
        Assert.Contains("guarde la factura de nuevo", refusal.Text.Spanish, StringComparison.Ordinal);
        Assert.Null(crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PaidInvoiceCount));
    }

    private static Invoice PaidInvoice(InvoiceScenario scenario)
    {
        var invoice = scenario.Data.Invoice(scenario.Customer);
        scenario.Data.Line(invoice, scenario.Data.ProductIn(scenario.Family), 100m);
        scenario.Data.Pay(invoice);
        scenario.Crm.DrainAsyncJobs();
        return invoice;
    }
}
