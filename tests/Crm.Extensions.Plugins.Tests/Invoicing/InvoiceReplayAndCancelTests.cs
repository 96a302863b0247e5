using System.Linq;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Invoicing;

/// <summary>The async invoice step is idempotent, and a cancellation reverses exactly what the invoice earned.</summary>
public sealed class InvoiceReplayAndCancelTests
{
    [Fact]
    public void Should_WriteNoDuplicateRowsNorDoubleBalance_When_ThePaymentIsReplayed()
    {
        var scenario = new InvoiceScenario(100m, 50m, 25m);
        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();
        scenario.Crm.DrainAsyncJobs();

        scenario.Crm.Requests.Reset();
        ReopenAndPayAgain(scenario);
        scenario.Crm.DrainAsyncJobs();

        // The replay only reads: the invoice is in the customer's purchase facts, the source keys and the survey exist.
        Assert.Equal(1, scenario.Crm.Requests.PluginCount("RetrieveMultiple"));
        Assert.Equal(1, scenario.Crm.Requests.PluginTotal);
        Assert.Equal(3, scenario.Crm.Count(LoyaltyTransaction.EntityLogicalName));
        Assert.Equal(1, scenario.StoredCustomer.GetAttributeValue<int?>(Contact.Fields.PaidInvoiceCount));
        Assert.Equal(175, scenario.StoredCustomer.GetAttributeValue<int?>(Contact.Fields.PendingPoints));
        Assert.Equal(1, scenario.Crm.Count(SatisfactionSurvey.EntityLogicalName));
        var journey = Assert.Single(scenario.Crm.All(LoyaltyJourney.EntityLogicalName));
        Assert.Equal(1, journey.GetAttributeValue<int?>(LoyaltyJourney.Fields.PurchaseCount));
    }

    [Fact]
    public void Should_ReverseEveryLineExactly_When_ThePaidInvoiceIsCancelled()
    {
        var scenario = new InvoiceScenario(100m, 50m, 25m);
        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        scenario.Data.Cancel(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        var reversals = scenario.Ledger.Where(
            e => e.GetAttributeValue<OptionSetValue>(LoyaltyTransaction.Fields.EntryType).Value == (
                int)GlobalChoices.LedgerEntryType.Reverse).ToList();
        Assert.Equal(new[] { -100, -50, -25 },
            reversals.Select(e => e.GetAttributeValue<int>(LoyaltyTransaction.Fields.Points)).OrderBy(p => p));
        Assert.Equal(0, scenario.StoredCustomer.GetAttributeValue<int?>(Contact.Fields.PendingPoints));
        Assert.Equal(0, scenario.StoredCustomer.GetAttributeValue<int?>(Contact.Fields.QualifyingPoints));
    }

    [Fact]
    public void Should_ReverseOnlyOnce_When_TheCancellationIsReplayed()
    {
        var scenario = new InvoiceScenario(100m, 50m);
        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();
        scenario.Data.Cancel(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        scenario.Crm.Service.Update(
            new Entity(Invoice.EntityLogicalName, scenario.Invoice.Id) { [Invoice.Fields.StateCode] = new OptionSetValue(0),
                [Invoice.Fields.StatusCode] = new OptionSetValue(1) });
        scenario.Data.Cancel(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        Assert.Equal(4, scenario.Crm.Count(LoyaltyTransaction.EntityLogicalName));
        Assert.Equal(0, scenario.StoredCustomer.GetAttributeValue<int?>(Contact.Fields.PendingPoints));
    }

    private static void ReopenAndPayAgain(InvoiceScenario scenario)
    {
        scenario.Crm.Service.Update(
            new Entity(Invoice.EntityLogicalName, scenario.Invoice.Id) { [Invoice.Fields.StateCode] = new OptionSetValue(0),
                [Invoice.Fields.StatusCode] = new OptionSetValue(1) });
        scenario.Data.Pay(scenario.Invoice);
    }
}
