using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Xunit.Abstractions;
using Status = Crm.Extensions.EarlyBound.PortfolioAnalysis.AnalysisStatusChoice;

namespace Crm.Extensions.Plugins.Tests.Portfolio;

/// <summary>
/// At N = 20,000 customers the analysis makes at most RequestBudget.For(20,000) = 20 + 4 × 7 + 1 + 18 = 67 requests (it
/// makes 64), and never a Retrieve, in several async executions: two reading units
/// (eight pages of the two passes each), then one bounded writing unit per page. 12,000 contacts and 8,000 accounts (so
/// both tables end on a partial page and batch), three in four buying 1 to 3 times in the window, seeded directly (no
/// steps fire, nothing counted).
/// </summary>
public sealed class PortfolioRequestBudgetTests(ITestOutputHelper output)
{
    private const int Contacts = 12_000;
    private const int Accounts = 8_000;

    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();

    [Fact]
    public void Should_StayWithinTheRequestBudgetWithoutAnyRetrieve_When_TwentyThousandCustomersAreAnalysed()
    {
        var seeding = Stopwatch.StartNew();
        var expected = SeedBase();
        seeding.Stop();
        _crm.ResetObservations();

        var running = Stopwatch.StartNew();
        var id = _crm.Service.Create(new PortfolioAnalysis { Name = "Budget" });
        _crm.DrainAsyncJobs();
        running.Stop();

        var analysis = _crm.Get(PortfolioAnalysis.EntityLogicalName, id)!.ToEntity<PortfolioAnalysis>();
        output.WriteLine(
            $"Seeded in {seeding.Elapsed}, analysed in {running.Elapsed}. Budget {RequestBudget.For(Contacts + Accounts)}; " +
            $"{_crm.Requests}");
        Assert.Equal(Status.Completed, analysis.AnalysisStatus);
        Assert.Equal((Contacts + Accounts, Contacts + Accounts, 100m),
            (analysis.CustomerCount, analysis.ProcessedCount, analysis.ProgressPercent));
        Assert.InRange(_crm.Requests.PluginTotal, 1, RequestBudget.For(Contacts + Accounts));
        Assert.Equal(0, _crm.Requests.PluginCount("Retrieve"));
        Assert.Equal(20 + 1, _crm.Requests.PluginCount("UpdateMultiple")); // 20 batches of 1,000 customers, then the target flags
        // Settings, counts; five pages with one aggregate each (one row per customer) in the first pass and again in the
        // second; segments; then each writing unit reads its page and aggregate a third time.
        Assert.Equal(1 + 2 + (2 * 5) + (2 * 5) + 1 + (2 * 5), _crm.Requests.PluginCount("RetrieveMultiple"));
        Assert.Equal(2 + 4 + 1 + 1, _crm.Requests.PluginCount("Update")); // 2 reading units, 4 re-queues, last page, completion
        Assert.Contains(_crm.FiredSteps,
            s => s.PluginType == typeof(Plugins.Portfolio.RunPortfolioAnalysis).FullName && s.Message == "Create" && s.IsAsync);
        // And the result is the whole-base scorer's for every one of the 20,000 customers.
        foreach (var result in PortfolioScorer.Score(expected.Build(), PortfolioSettings.Default).Customers)
        {
            var table = result.Customer.Type == CustomerType.Contact ? Contact.EntityLogicalName : Account.EntityLogicalName;
            var stored = _crm.Get(table, result.Customer.Id)!;
            var want = (result.RecencyScore, result.FrequencyScore, result.MonetaryScore, result.IsTarget, Cents(result.HistoricClv),
                SegmentWriter.IdOf(new SegmentGroup(result.Customer.Type, result.Segment)));
            var got = (stored.GetAttributeValue<int?>(Contact.Fields.RecencyScore),
                stored.GetAttributeValue<int?>(Contact.Fields.FrequencyScore),
                stored.GetAttributeValue<int?>(Contact.Fields.MonetaryScore),
                stored.GetAttributeValue<bool?>(Contact.Fields.IsTarget) ?? false,
                stored.GetAttributeValue<Money>(Contact.Fields.Clv)?.Value ?? 0m,
                stored.GetAttributeValue<EntityReference>(Contact.Fields.CustomerSegmentId)?.Id);
            Assert.True(want == got, $"{result.Customer}: expected {want}, stored {got}.");
        }
    }

    private static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    [Fact]
    public void Should_RunInTwoBoundedReadingUnitsAndOneWritingUnitPerPage_When_TwentyThousandCustomersAreAnalysed()
    {
        SeedBase();
        _crm.ResetObservations();

        var id = _crm.Service.Create(new PortfolioAnalysis { Name = "Units" });
        _crm.DrainAsyncJobs();

        var runner = typeof(Plugins.Portfolio.RunPortfolioAnalysis).FullName;
        var units = _crm.Traces
            .Where(t => t.Step.PluginType == runner)
            .Select(t => Regex.Match(t.Text, @"(\d+) requests in this unit"))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToList();
        output.WriteLine(
            $"Requests per execution: {string.Join(", ", units)}; depths: " +
            $"{string.Join(", ", _crm.FiredSteps.Where(s => s.PluginType == runner).Select(s => s.Message + " " + s.Depth))}");
        Assert.Equal(Status.Completed, _crm.Get(PortfolioAnalysis.EntityLogicalName, id)!.ToEntity<PortfolioAnalysis>().AnalysisStatus);
        // Ten pages (five per pass) in two reading units, the second of which scores; then 3 contact pages and 2 account pages.
        Assert.Equal(new[] { 3 + (8 * 2) + 1, (2 * 2) + 2 + 1, 8, 8, 2 + 2 + 1, 8, 2 + 3 + 3 }, units);
        Assert.Equal(_crm.Requests.PluginTotal, units.Sum()); // each unit's own count adds up to the emulator's counter
        // What a unit carries to the next is the cursor: the summary of the passes (distinct days, order counts, amount
        // buckets), a few kB here, far below the column's 1,048,576 characters, the most a multiple-lines text column holds
        // (https://learn.microsoft.com/power-apps/maker/data-platform/types-of-fields); PortfolioSummaryTests compares 5,000
        // customers with 40,000.
        var cursors = _crm.Traces.Where(t => t.Step.PluginType == runner)
            .Select(t => Regex.Match(t.Text, @"cursor of (\d+) characters")).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        output.WriteLine($"Cursor characters per execution: {string.Join(", ", cursors)}");
        Assert.Equal(units.Count, cursors.Count);
        Assert.InRange(cursors.Max(), 1, 20_000);
        Assert.All(units.Take(2), unit => Assert.InRange(unit, 1, RequestBudget.MaxRequestsPerReadingUnit));
        Assert.All(units.Skip(2), unit => Assert.InRange(unit, 1, RequestBudget.MaxRequestsPerWritingUnit));
        // Every unit is its own system job: the create, then the six re-queues (the Update step, filtered on the status).
        Assert.Equal(1, _crm.FiredSteps.Count(s => s.PluginType == runner && s.IsAsync && s.Message == "Create"));
        Assert.Equal(6, _crm.Traces.Count(t =>
            t.Step.PluginType == runner && t.Step.IsAsync && t.Step.Message == "Update" && t.Text.Contains("requests in this unit")));
    }

    /// <summary>Seeds the base and returns what the domain sees of it (every line, as the whole-base scorer would fold it).</summary>
    private CustomerMetricsAccumulator SeedBase()
    {
        var products = new List<Product>();
        for (var p = 0; p < 5; p++)
        {
            var product = new Product { Id = Guid.NewGuid(), Name = "Product " + p, CurrentCost = new Money(5m * (p + 1)) };
            products.Add(product);
        }

        _crm.Seed(products.ToArray());
        var now = _crm.Clock.UtcNow;
        var customers = new List<Entity>();
        for (var i = 0; i < Contacts + Accounts; i++)
        {
            customers.Add(
                i < Contacts
                ? new Contact { Id = Guid.NewGuid(), LastName = "C" + i } : new Account { Id = Guid.NewGuid(), Name = "A" + i });
        }

        _crm.Seed(customers.ToArray());
        var expected = new CustomerMetricsAccumulator(AnalysisWindow.EndingAt(now, PortfolioSettings.Default.WindowMonths));
        for (var i = 0; i < customers.Count; i++)
        {
            var key = new CustomerKey(i < Contacts ? CustomerType.Contact : CustomerType.Account, customers[i].Id);
            expected.AddCustomer(key);
            for (var order = 0; order < i % 4; order++)
            {
                _crm.Clock.Set(now.AddDays(-((i * 7) % 700) - (order * 11)));
                var invoice = new Invoice { Id = Guid.NewGuid(), Name = "INV", CustomerId = customers[i].ToEntityReference() };
                invoice[Invoice.Fields.StateCode] = new OptionSetValue(InvoiceStates.Paid);
                _crm.Seed(invoice, new InvoiceDetail
                {
                    InvoiceId = invoice.ToEntityReference(),
                    ProductId = products[(i + order) % products.Count].ToEntityReference(),
                    Quantity = 1 + (i % 3),
                    ExtendedAmount = new Money(40m + (i % 97)),
                    // Seeding skips the pipeline: the line carries the cost KeepLineCost gives a line written through it.
                    LineCost = new Money((1 + (i % 3)) * (products[(i + order) % products.Count].CurrentCost?.Value ?? 0m)),
                });
                expected.AddLine(new InvoiceLine(key, invoice.Id, _crm.Clock.UtcNow, 40m + (i % 97), 1 + (i % 3),
                    products[(i + order) % products.Count].CurrentCost?.Value ?? 0m));
            }
        }

        _crm.Clock.Set(now);
        return expected;
    }
}
