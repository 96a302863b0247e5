using System.Linq;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Invoicing;

/// <summary>
/// Pay, cancel, pay again of one invoice: the second payment is a real payment (the cancellation took the first out of the
/// purchase facts), so it earns once more, and its lifecycle transition is upserted under its key, never created twice.
/// </summary>
public sealed class PayCancelPayTests
{
    [Fact]
    public void Should_HoldExactlyOnePaymentsPoints_When_TheInvoiceIsPaidCancelledAndPaidAgain()
    {
        var scenario = PaidCancelledAndPaidAgain();

        var customer = scenario.StoredCustomer;
        Assert.Equal(150, customer.GetAttributeValue<int?>(Contact.Fields.PendingPoints));
        Assert.Equal(150, customer.GetAttributeValue<int?>(Contact.Fields.QualifyingPoints));
        Assert.Equal(150, scenario.Ledger.Sum(entry => entry.GetAttributeValue<int>(LoyaltyTransaction.Fields.Points)));
    }

    [Fact]
    public void Should_KeepOneStageOneTransitionAndOneJourneyPurchase_When_TheInvoiceIsPaidCancelledAndPaidAgain()
    {
        var scenario = PaidCancelledAndPaidAgain();

        var customer = scenario.StoredCustomer;
        Assert.Equal(1, customer.GetAttributeValue<int?>(Contact.Fields.PaidInvoiceCount));
        Assert.Equal((int)GlobalChoices.LifecycleStage.New,
            customer.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value);
        var paidKeys = scenario.Crm.All(LifecycleTransition.EntityLogicalName)
            .Select(row => row.GetAttributeValue<string>(LifecycleTransition.Fields.SourceKey))
            .Where(key => key.Contains(scenario.Invoice.Id.ToString()))
            .ToList();
        Assert.Equal(paidKeys.Distinct().Count(), paidKeys.Count);
        var journey = Assert.Single(scenario.Crm.All(LoyaltyJourney.EntityLogicalName));
        Assert.Equal(1, journey.GetAttributeValue<int?>(LoyaltyJourney.Fields.PurchaseCount));
    }

    [Fact]
    public void Should_ReverseTheSecondPaymentExactly_When_TheInvoiceIsCancelledAgain()
    {
        var scenario = PaidCancelledAndPaidAgain();

        scenario.Data.Cancel(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();

        Assert.Equal(0, scenario.StoredCustomer.GetAttributeValue<int?>(Contact.Fields.PendingPoints));
        Assert.Equal(0, scenario.Ledger.Sum(entry => entry.GetAttributeValue<int>(LoyaltyTransaction.Fields.Points)));
    }

    private static InvoiceScenario PaidCancelledAndPaidAgain()
    {
        var scenario = new InvoiceScenario(100m, 50m);
        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();
        scenario.Data.Cancel(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();
        scenario.Crm.Service.Update(new Entity(Invoice.EntityLogicalName, scenario.Invoice.Id)
        {
            [Invoice.Fields.StateCode] = new OptionSetValue(0),
            [Invoice.Fields.StatusCode] = new OptionSetValue(1),
        });
        scenario.Data.Pay(scenario.Invoice);
        scenario.Crm.DrainAsyncJobs();
        return scenario;
    }
}
