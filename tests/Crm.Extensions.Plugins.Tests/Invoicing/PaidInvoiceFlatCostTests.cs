using System;
using System.Linq;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Xunit.Abstractions;

namespace Crm.Extensions.Plugins.Tests.Invoicing;

/// <summary>
/// A paid invoice costs the same for a member's 1st and 1,000th payment: the same requests and the same rows returned by
/// the reads (the emulator's counters), because the payment reads its own ledger rows and the member's kept figures, never
/// the history (plugins/Crm.Extensions.Plugins/Portfolio/README.md, "Per-event cost of a paid invoice"). The history is
/// made by the product itself: 998 payments through the pipeline, six hours apart (within one qualification window), with
/// the nightly ledger run vesting what is due, as a scheduled run does.
/// </summary>
public sealed class PaidInvoiceFlatCostTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_MakeTheSameRequestsAndReturnTheSameRows_When_AMemberPaysForThe1stAndThe1000thTime()
    {
        var crm = ProductSolution.Start();
        var data = new DataProducer(crm);
        data.Program();
        var family = data.Product();
        var customer = ExistingCustomer(crm, data, family);
        // Another customer's payment warms the step's settings cache, as the platform's reused plugin instance would be.
        Pay(crm, data, data.Contact(), family);

        var first = Measure(crm, () => Pay(crm, data, customer, family));
        for (var payment = 2; payment < 1000; payment++)
        {
            crm.Clock.Advance(TimeSpan.FromHours(6));
            Pay(crm, data, customer, family);
            if (payment % 4 == 0) crm.Service.Execute(new OrganizationRequest(ProcessLoyaltyLedger.Api));
        }

        crm.Clock.Advance(TimeSpan.FromHours(6));
        crm.Service.Execute(new OrganizationRequest(ProcessLoyaltyLedger.Api));
        crm.DrainAsyncJobs();
        // Six hours after the last payment the settings cache (SettingsCache, five minutes) has expired: warm it as for the 1st.
        Pay(crm, data, data.Contact(), family);
        var thousandth = Measure(crm, () => Pay(crm, data, customer, family));

        output.WriteLine($"1st: {first.Requests} requests, {first.Rows} rows ({first.Detail}); 1,000th: {thousandth.Requests} requests, "
            + $"{thousandth.Rows} rows ({thousandth.Detail})");
        var ledgerRows = crm.All(LoyaltyTransaction.EntityLogicalName)
            .Count(row => row.GetAttributeValue<EntityReference>(LoyaltyTransaction.Fields.CustomerId)?.Id == customer.Id);
        Assert.True(ledgerRows >= 1000, $"The member has a history of {ledgerRows} ledger rows.");
        Assert.Equal(first.Detail, thousandth.Detail);
        Assert.Equal(first.Rows, thousandth.Rows);
        Assert.True(first.Requests <= 4, $"A returning member's payment makes {first.Requests} requests.");
    }

    private sealed record Cost(int Requests, int Rows, string Detail);

    private static Cost Measure(Emulator.DataverseEmulator crm, Action pay)
    {
        crm.Requests.Reset();
        pay();
        var plugin = crm.Requests.Plugin.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + " " + pair.Value);
        return new Cost(crm.Requests.PluginTotal, crm.Requests.PluginRowsReturned, string.Join(", ", plugin));
    }

    private static void Pay(Emulator.DataverseEmulator crm, DataProducer data, Entity customer, Product family)
    {
        var invoice = data.Invoice(customer);
        data.Line(invoice, data.ProductIn(family), 100m);
        data.Pay(invoice);
        crm.DrainAsyncJobs();
    }

    /// <summary>
    /// A customer who bought twice before the loyalty program (seeded invoices, no ledger): stage Repeat, the family's
    /// journey in phase II, purchase facts kept, so no payment of the test changes the stage or the journey.
    /// </summary>
    private static Contact ExistingCustomer(Emulator.DataverseEmulator crm, DataProducer data, Product family)
    {
        var customer = data.Contact();
        data.PaidEarlier(customer);
        data.PaidEarlier(customer);
        data.Journey(customer, family, journey =>
        {
            journey[LoyaltyJourney.Fields.Phase] = new OptionSetValue((int)GlobalChoices.LoyaltyPhase.IIGrowth);
            journey[LoyaltyJourney.Fields.PurchaseCount] = 2;
        });
        var paid = crm.All(Invoice.EntityLogicalName)
            .Where(invoice => invoice.GetAttributeValue<EntityReference>(Invoice.Fields.CustomerId)?.Id == customer.Id)
            .Select(invoice => new PaidPurchase(invoice.Id, invoice.GetAttributeValue<DateTime>(Invoice.Fields.ModifiedOn)))
            .ToList();
        var facts = PurchaseFacts.FromHistory(paid, null, crm.Clock.UtcNow, LifecycleThresholds.Default);
        crm.CreateOrganizationService(null).Update(new Entity(Contact.EntityLogicalName, customer.Id)
        {
            [Contact.Fields.LifecycleStage] = new OptionSetValue((int)GlobalChoices.LifecycleStage.Repeat),
            [Contact.Fields.PaidInvoiceCount] = facts.TotalPaid,
            [Contact.Fields.RecentPaidInvoices] = facts.FormatRecent(),
        });
        crm.DrainAsyncJobs();
        return customer;
    }
}
