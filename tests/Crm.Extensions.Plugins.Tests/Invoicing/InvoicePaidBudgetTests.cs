using System.Linq;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Invoicing;
using Microsoft.Xrm.Sdk;
using Xunit.Abstractions;

namespace Crm.Extensions.Plugins.Tests.Invoicing;

/// <summary>
/// Organization-service requests made by every plugin together for one paid invoice of 3 lines, for an existing customer
/// whose stage and tier do not change: at most 4 (plugins/Crm.Extensions.Plugins/Invoicing/README.md).
/// </summary>
public sealed class InvoicePaidBudgetTests(ITestOutputHelper output)
{
    /// <summary>The requests part of a step's StageTrace line: "4 requests (Create 1, ...)" or "0 requests".</summary>
    private static readonly System.Text.RegularExpressions.Regex StageLine = new(
        @"\] (done|refused|failed): (?<requests>\d+ requests?( \([^)]*\))?), ");

    [Fact]
    public void Should_MakeAtMostFourRequestsAndNoRetrieve_When_AnExistingCustomerPaysThreeLines()
    {
        var scenario = new InvoiceScenario(100m, 50m, 25m);
        // An existing customer, made by the product itself: two earlier payments (New, then Repeat; the family's journey
        // reaches phase II) also warm the step's settings cache, as the platform's reused plugin instance would be.
        PayEarlierInvoice(scenario);
        PayEarlierInvoice(scenario);
        var journeyBefore = Assert.Single(scenario.Crm.All(LoyaltyJourney.EntityLogicalName));
        var tracesBefore = scenario.Crm.Traces.Count;
        scenario.Crm.Requests.Reset();

        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        output.WriteLine("Steady state: " + scenario.Crm.Requests);
        var requests = scenario.Crm.Requests;
        Assert.Equal(0, requests.PluginCount("Retrieve"));
        // 1 RetrieveMultiple: invoice ⟕ lines ⟕ product ⟕ parent ⟕ grandparent ⟕ journey per level, ⟕ survey request,
        //   ⟕ customer (stage, versionnumber, tier, balances, purchase facts) ⟕ ledger. Thresholds and program: the cache.
        Assert.Equal(1, requests.PluginCount("RetrieveMultiple"));
        // 1 CreateMultiple: the 3 earn entries (deterministic ids, source keys).
        Assert.Equal(1, requests.PluginCount("CreateMultiple"));
        // 1 Update with IfRowVersionMatches: balances and purchase facts of the customer (the stage did not change).
        Assert.Equal(1, requests.PluginCount("Update"));
        // 1 Create: the invoice's one survey request. The journey stays in phase II: nothing to write.
        Assert.Equal(1, requests.PluginCount("Create"));
        Assert.Equal(4, requests.PluginTotal);

        Assert.DoesNotContain(scenario.Crm.All(LifecycleTransition.EntityLogicalName),
            t => t.GetAttributeValue<string>(LifecycleTransition.Fields.SourceKey)
            .EndsWith(scenario.Invoice.Id.ToString(), System.StringComparison.Ordinal));
        var customer = scenario.StoredCustomer;
        Assert.Equal((int)GlobalChoices.LifecycleStage.Repeat,
            customer.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value);
        Assert.Equal(3, customer.GetAttributeValue<int?>(Contact.Fields.PaidInvoiceCount));
        Assert.Equal(100 + 100 + 175, customer.GetAttributeValue<int?>(Contact.Fields.PendingPoints));
        Assert.Equal(3,
            scenario.Ledger.Count(
                entry => entry.GetAttributeValue<EntityReference>(LoyaltyTransaction.Fields.InvoiceId)?.Id == scenario.Invoice.Id));
        Assert.Single(scenario.Crm.All(SatisfactionSurvey.EntityLogicalName),
            s => s.GetAttributeValue<EntityReference>(SatisfactionSurvey.Fields.InvoiceId)?.Id == scenario.Invoice.Id);
        var journey = Assert.Single(scenario.Crm.All(LoyaltyJourney.EntityLogicalName));
        Assert.Equal(journeyBefore.GetAttributeValue<long?>(LoyaltyJourney.Fields.VersionNumber),
            journey.GetAttributeValue<long?>(LoyaltyJourney.Fields.VersionNumber));
        // Requests per step, from each step's trace line (PluginBase): InvoiceLifecycle makes the 4, and any other step the
        // payment fires (the survey loop on the survey request, the profile step queued by the customer Update, which sees
        // from its images that no answer changed) makes none. Steps that fire but make no request do not change the budget.
        var perStep = scenario.Crm.Traces.Skip(tracesBefore)
            .Select(trace => (trace.Step, Line: StageLine.Match(trace.Text)))
            .Where(entry => entry.Line.Success)
            .ToList();
        var lifecycle = Assert.Single(perStep, entry => entry.Step.PluginType == typeof(InvoiceLifecycle).FullName);
        Assert.Equal("4 requests (Create 1, CreateMultiple 1, RetrieveMultiple 1, Update 1)", lifecycle.Line.Groups["requests"].Value);
        var others = perStep.Where(entry => entry.Step.PluginType != typeof(InvoiceLifecycle).FullName);
        Assert.All(others, entry => Assert.Equal("0 requests", entry.Line.Groups["requests"].Value));
    }

    [Fact]
    public void Should_ReadTheSettingsOnceMore_When_TheStepsCacheIsCold()
    {
        var scenario = new InvoiceScenario(100m, 50m, 25m);
        ExistingCustomerWithKeptFacts(scenario);
        scenario.Crm.Requests.Reset();

        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        output.WriteLine("Cold settings cache: " + scenario.Crm.Requests);
        // The steady state's 4, plus 2 RetrieveMultiple kept for SettingsCache.DefaultTimeToLive (the seven lifecycle
        // environment variables, and the active program ⟕ tiers), and 1 of the SYSTEM user, which the ledger guard
        // (GuardLedger) reads once per plugin instance.
        Assert.Equal(4, scenario.Crm.Requests.PluginCount("RetrieveMultiple"));
        Assert.Equal(7, scenario.Crm.Requests.PluginTotal);
        Assert.Equal(0, scenario.Crm.Requests.PluginCount("Retrieve"));
        Assert.Equal(0, scenario.Crm.Count(LifecycleTransition.EntityLogicalName));
    }

    [Fact]
    public void Should_RebuildThePurchaseFactsFromTheInvoicesOnce_When_TheCustomerHasNoneYet()
    {
        var scenario = new InvoiceScenario(100m, 50m, 25m);
        ExistingCustomer(scenario);
        scenario.Crm.Requests.Reset();

        scenario.Data.Pay(scenario.Invoice);

        output.WriteLine("Cold cache, customer without kept facts: " + scenario.Crm.Requests);
        // Cold settings cache (+2: lifecycle variables, program), the ledger guard's cold SYSTEM user (+1) and the customer's
        // paid invoices ⟕ NPS answers, once (+1).
        Assert.Equal(5, scenario.Crm.Requests.PluginCount("RetrieveMultiple"));
        Assert.Equal(8, scenario.Crm.Requests.PluginTotal);
        // The kept facts appear for the first time, so the profile-completeness step has an answer to recompute: that is
        // the customer's own event, queued after the payment, and not counted here.
        scenario.Crm.DrainAsyncJobs();
        var customer = scenario.StoredCustomer;
        Assert.Equal(3, customer.GetAttributeValue<int?>(Contact.Fields.PaidInvoiceCount));
        Assert.Equal(3, PurchaseFacts.ParseRecent(customer.GetAttributeValue<string>(Contact.Fields.RecentPaidInvoices)).Count);
        Assert.Equal(0, scenario.Crm.Count(LifecycleTransition.EntityLogicalName));
    }

    private static void PayEarlierInvoice(InvoiceScenario scenario)
    {
        var invoice = scenario.Data.Invoice(scenario.Customer);
        scenario.Data.Line(invoice, scenario.Data.ProductIn(scenario.Family), 100m);
        scenario.Data.Pay(invoice);
        scenario.Crm.DrainAsyncJobs();
    }

    /// <summary>Two invoices paid before the test (seeded), stage Repeat, the family in phase II: no kept facts.</summary>
    private static void ExistingCustomer(InvoiceScenario scenario)
    {
        scenario.Data.PaidEarlier(scenario.Customer);
        scenario.Data.PaidEarlier(scenario.Customer);
        scenario.Crm.CreateOrganizationService(null)
            .Update(
                new Entity(Contact.EntityLogicalName, scenario.Customer.Id) {
                    [Contact.Fields.LifecycleStage] = new OptionSetValue((int)GlobalChoices.LifecycleStage.Repeat) });
        scenario.Data.Journey(scenario.Customer, scenario.Family, j =>
        {
            j[LoyaltyJourney.Fields.Phase] = new OptionSetValue((int)GlobalChoices.LoyaltyPhase.IIGrowth);
            j[LoyaltyJourney.Fields.PurchaseCount] = 2;
        });
        scenario.Crm.DrainAsyncJobs(); // the set-up's own profile recomputation is not part of the payment
    }

    /// <summary><see cref="ExistingCustomer"/> whose purchase facts are kept on the row, as the invoice steps leave them.</summary>
    private static void ExistingCustomerWithKeptFacts(InvoiceScenario scenario)
    {
        ExistingCustomer(scenario);
        var paid = scenario.Crm.All(Invoice.EntityLogicalName)
            .Where(invoice => invoice.GetAttributeValue<OptionSetValue>(Invoice.Fields.StateCode)?.Value == 2)
            .Select(invoice => new PaidPurchase(invoice.Id, invoice.GetAttributeValue<System.DateTime>(Invoice.Fields.ModifiedOn)))
            .ToList();
        var facts = PurchaseFacts.FromHistory(paid, null, scenario.Crm.Clock.UtcNow, LifecycleThresholds.Default);
        scenario.Crm.CreateOrganizationService(null).Update(new Entity(Contact.EntityLogicalName, scenario.Customer.Id)
        {
            [Contact.Fields.PaidInvoiceCount] = facts.TotalPaid,
            [Contact.Fields.RecentPaidInvoices] = facts.FormatRecent(),
        });
        scenario.Crm.DrainAsyncJobs();
    }
}
