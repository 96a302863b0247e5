using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Status = Crm.Extensions.EarlyBound.PortfolioAnalysis.AnalysisStatusChoice;

namespace Crm.Extensions.Plugins.Tests.Portfolio;

/// <summary>
/// One analysis (all its units) writes on every customer exactly what the domain scorer gives when it is applied to the
/// whole base at once. The data is skewed: 2% heavy buyers with 15–40 invoices, 60% buying once, the rest 2–4 times,
/// 1–4 lines per invoice over products of different costs, some invoices outside the 24-month window, some customers
/// never buying; line costs above the amount give some customers a negative profit, and whole-unit amounts give ties.
/// 5,300 contacts cross the 5,000-row page, so both passes of the reading units and the writing units page by key; the
/// segment totals summed by the second pass equal the whole-base scorer's groups.
/// </summary>
public sealed class PortfolioPropertyTests
{
    private static readonly DateTime Now = new(2026, 11, 15, 12, 0, 0, DateTimeKind.Utc);
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public PortfolioPropertyTests()
    {
        _data = new DataProducer(_crm);
        _crm.Clock.Set(Now);
    }

    [Fact]
    public void Should_WriteWhatTheDomainScoresForEveryCustomer_When_TheSkewedBaseCrossesSeveralPages()
    {
        var random = new Random(20_000);
        var products = Enumerable.Range(1, 8).Select(i => _data.CostedProduct(7m * i)).ToList();
        var window = AnalysisWindow.EndingAt(Now, PortfolioSettings.Default.WindowMonths);
        var expected = new CustomerMetricsAccumulator(window);
        var customers = new List<CustomerKey>();
        for (var i = 0; i < 5700; i++)
        {
            Entity row = i < 5300 ? _data.Contact() : _data.Account();
            var key = new CustomerKey(i < 5300 ? CustomerType.Contact : CustomerType.Account, row.Id);
            customers.Add(key);
            expected.AddCustomer(key);
            var roll = random.NextDouble();
            var invoices = roll < 0.02 ? random.Next(15, 41) : roll < 0.62 ? 1 : roll < 0.95 ? random.Next(2, 5) : 0;
            for (var n = 0; n < invoices; n++)
            {
                foreach (var line in Purchase(row.ToEntityReference(), key,
                    Now.AddDays(-random.Next(0, 900)).AddMinutes(-random.Next(1, 1440)), products, random))
                {
                    expected.AddLine(line);
                }
            }
        }

        var id = _crm.Service.Create(new PortfolioAnalysis { Name = "Property" });
        _crm.DrainAsyncJobs();
        while (_crm.Get(PortfolioAnalysis.EntityLogicalName, id)!.ToEntity<PortfolioAnalysis>().AnalysisStatus == Status.Paused)
        {
            _crm.Service.Update(new PortfolioAnalysis { Id = id, AnalysisStatus = Status.Queued });
            _crm.DrainAsyncJobs();
        }

        var whole = PortfolioScorer.Score(expected.Build(), PortfolioSettings.Default);
        var scored = whole.Customers.ToDictionary(result => result.Customer);
        Assert.Contains(whole.Customers, c => c.Profit < 0m);
        var tied = whole.Customers.Where(c => c.RecencyScore.HasValue).GroupBy(c => c.Monetary).Any(g => g.Count() > 1);
        Assert.True(tied, "the base must hold tied amounts");
        foreach (var group in whole.Groups)
        {
            var row = _crm.Get(CustomerSegment.EntityLogicalName, SegmentWriter.IdOf(group.Group))!.ToEntity<CustomerSegment>();
            Assert.Equal(
                (group.Customers, Cents(group.Revenue), Cents(group.Profit), group.ProfitSharePercent, group.IsTarget),
                (row.CustomerCount ?? 0, row.Revenue?.Value ?? 0m, row.Profit?.Value ?? 0m, row.ProfitShare ?? 0m, row.IsTarget ?? false));
        }

        Assert.Equal(Status.Completed, _crm.Get(PortfolioAnalysis.EntityLogicalName, id)!.ToEntity<PortfolioAnalysis>().AnalysisStatus);
        foreach (var customer in customers)
        {
            var result = scored[customer];
            var stored = _crm.Get(customer.Type == CustomerType.Contact ? Contact.EntityLogicalName : Account.EntityLogicalName,
                customer.Id)!;
            var want = (result.RecencyScore, result.FrequencyScore, result.MonetaryScore, result.Frequency, Cents(result.Monetary),
                Cents(result.Profit),
                Cents(result.HistoricClv), result.IsTarget, SegmentWriter.IdOf(new SegmentGroup(customer.Type, result.Segment)));
            var got = (stored.GetAttributeValue<int?>(Contact.Fields.RecencyScore),
                stored.GetAttributeValue<int?>(Contact.Fields.FrequencyScore),
                stored.GetAttributeValue<int?>(Contact.Fields.MonetaryScore),
                stored.GetAttributeValue<int?>(Contact.Fields.PurchaseCount) ?? 0,
                Cents(stored.GetAttributeValue<Money>(Contact.Fields.TotalRevenue)?.Value ?? 0m),
                Cents(stored.GetAttributeValue<Money>(Contact.Fields.TotalProfit)?.Value ?? 0m),
                Cents(stored.GetAttributeValue<Money>(Contact.Fields.Clv)?.Value ?? 0m),
                stored.GetAttributeValue<bool?>(Contact.Fields.IsTarget) ?? false,
                stored.GetAttributeValue<EntityReference>(Contact.Fields.CustomerSegmentId)?.Id ?? Guid.Empty);
            Assert.True(want == got, $"{customer}: expected {want}, stored {got}.");
        }
    }

    private static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>A paid invoice with 1–4 lines, seeded with the clock at its payment (its modifiedon is its payment date).</summary>
    private IEnumerable<InvoiceLine> Purchase(EntityReference customer, CustomerKey key, DateTime paidOn, IReadOnlyList<Product> products,
        Random random)
    {
        var now = _crm.Clock.UtcNow;
        _crm.Clock.Set(paidOn);
        try
        {
            var invoice = new Invoice { Id = Guid.NewGuid(), Name = "INV", CustomerId = customer, TotalAmount = new Money(100m),
                ["statecode"] = new OptionSetValue(2) };
            var rows = new List<Entity> { invoice };
            var lines = new List<InvoiceLine>();
            for (var l = random.Next(1, 5); l > 0; l--)
            {
                var product = products[random.Next(products.Count)];
                var quantity = (decimal)random.Next(1, 4);
                var amount = (decimal)random.Next(10, 900);
                rows.Add(new InvoiceDetail
                {
                    InvoiceId = invoice.ToEntityReference(), ProductId = product.ToEntityReference(), Quantity = quantity,
                    ExtendedAmount = new Money(amount),
                    LineCost = new Money(quantity * product.CurrentCost!.Value),
                });
                lines.Add(
                    new InvoiceLine(key, invoice.Id, DateTime.SpecifyKind(paidOn, DateTimeKind.Utc), amount, quantity,
                        product.CurrentCost!.Value));
            }

            _crm.Seed(rows.ToArray());
            return lines;
        }
        finally
        {
            _crm.Clock.Set(now);
        }
    }
}
