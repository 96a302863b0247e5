using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Xunit.Abstractions;

namespace Crm.Extensions.Plugins.Tests.Invoicing;

/// <summary>
/// Issue 6 §9: organization-service requests made by every plugin together for one paid invoice of 3 lines, for an
/// existing customer whose stage and tier do not change. See plugins/Crm.Extensions.Plugins/Invoicing/README.md.
/// </summary>
public sealed class InvoicePaidBudgetTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_StayWithinTheMeasuredRequestBudgetWithNoRetrieve_When_AnExistingCustomerPaysThreeLines()
    {
        var scenario = new InvoiceScenario(100m, 50m, 25m);
        scenario.Data.PaidEarlier(scenario.Customer);
        scenario.Data.PaidEarlier(scenario.Customer);
        scenario.Crm.Service.Update(new Entity(Contact.EntityLogicalName, scenario.Customer.Id) { [Contact.Fields.LifecycleStage] = new OptionSetValue((int)GlobalChoices.LifecycleStage.Repeat) });
        scenario.Data.Journey(scenario.Customer, scenario.Family, j =>
        {
            j[LoyaltyJourney.Fields.Phase] = new OptionSetValue((int)GlobalChoices.LoyaltyPhase.IIGrowth);
            j[LoyaltyJourney.Fields.PurchaseCount] = 2;
        });
        scenario.Crm.DrainAsyncJobs(); // the set-up's own jobs (the stage update recomputes profile completeness) are not the payment's
        scenario.Crm.Requests.Reset();

        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        output.WriteLine(scenario.Crm.Requests.ToString());
        var plugin = scenario.Crm.Requests;
        Assert.Equal(0, plugin.PluginCount("Retrieve"));
        // Sync InvoiceLifecycle: 1 RetrieveMultiple (stage, paid invoices, NPS answers of the customer); no change, no write.
        // Async InvoiceLoyalty: 1 RetrieveMultiple program+tiers, 1 RetrieveMultiple lines+families+journeys+survey,
        // 1 RetrieveMultiple member+ledger, 1 CreateMultiple (3 earn entries), 1 Update balances (RowVersion),
        // 1 Upsert journey (purchase count and replay guard), 1 Create survey request.
        Assert.Equal(4, plugin.PluginCount("RetrieveMultiple"));
        Assert.Equal(1, plugin.PluginCount("CreateMultiple"));
        Assert.Equal(1, plugin.PluginCount("Update"));
        Assert.Equal(1, plugin.PluginCount("Upsert"));
        Assert.Equal(1, plugin.PluginCount("Create"));
        Assert.Equal(8, plugin.PluginTotal);
        Assert.Equal(0, scenario.Crm.Count(LifecycleTransition.EntityLogicalName));
    }
}
