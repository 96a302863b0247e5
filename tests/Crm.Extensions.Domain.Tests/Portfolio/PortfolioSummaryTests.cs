using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Domain.Tests.Portfolio;

/// <summary>
/// The reading units' summary: a skewed random base (many one-off small buyers with tied amounts, a few heavy buyers,
/// negative profit, prospects) is cut into random pages, each pass folds them one at a time, and the summary goes through
/// its text between pages, as between units. Scoring the summary gives the model and the segment totals that
/// <see cref="PortfolioScorer"/> gives over the whole base at once, so every customer scores the same.
/// </summary>
public sealed class PortfolioSummaryTests
{
    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4, 5, 6, 7, 8 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Should_ScoreEveryCustomerAsTheWholeBaseScorer_When_TwoPassesFoldRandomPagesThroughTheText(int seed)
    {
        var random = new Random(seed);
        var customers = Base(random, 3_000 + random.Next(3_000));
        var settings = new PortfolioSettings { ParetoThresholdPercent = 50m + random.Next(50) };

        var summary = new PortfolioSummary(PortfolioTestData.Window, settings.ParetoThresholdPercent, settings.MinimumChurnRate);
        foreach (var page in Pages(random, customers))
        {
            foreach (var customer in page) summary.AddFirstPass(customer);
            summary = PortfolioSummary.Parse(summary.ToText())!;
        }

        foreach (var page in Pages(random, customers))
        {
            foreach (var customer in page) summary.AddSecondPass(customer);
            summary = PortfolioSummary.Parse(summary.ToText())!;
        }

        var scoring = summary.Score();
        var whole = PortfolioScorer.Score(customers, settings);
        Assert.Equal(whole.Groups, scoring.Groups);
        Assert.Equal(ScoringModel.From(whole, PortfolioTestData.Window).ToText(), scoring.Model.ToText());
        Assert.Equal(whole.Customers, customers.OrderBy(c => c.Customer).Select(scoring.Model.Score).ToList());
        Assert.Contains(whole.Customers, c => c.Profit < 0m);
        Assert.Equal(whole.Customers.Count(c => c.Customer.Type == CustomerType.Account), summary.CustomersOf(CustomerType.Account));
    }

    [Fact]
    public void Should_HoldAboutAsManyEntries_When_TheBaseIsEightTimesLarger()
    {
        var small = Summarised(Base(new Random(5), 5_000));
        var large = Summarised(Base(new Random(5), 40_000));

        // Entries are distinct values (days, order counts, buckets, amounts near the steps) and groups: bounded by the
        // data's range, not by the number of customers. Eight times the customers, well under twice the text.
        Assert.InRange(large.ToText().Length, 1, 2 * small.ToText().Length);
        Assert.InRange(large.Entries, 1, 2 * small.Entries);
    }

    [Fact]
    public void Should_RefuseTheFirstPass_When_TheSecondHasStarted()
    {
        var summary = new PortfolioSummary(PortfolioTestData.Window, 80m, 0.05m);
        summary.AddSecondPass(PortfolioTestData.Buyer(PortfolioTestData.Contact(1), 1, 10m));

        Assert.Throws<InvalidOperationException>(() => summary.AddFirstPass(PortfolioTestData.Buyer(PortfolioTestData.Contact(2), 1, 10m)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s0;1;2;80;0.05;0;0;;;;;")]
    [InlineData("s1;2;1;80;0.05;0;0;;;;;")]
    [InlineData("s1;1;2;80;0.05;1;0;;;;;")]
    [InlineData("s1;1;2;80;0.05;0;0;x:1;;;;")]
    [InlineData("s1;1;2;80;0.05;0;0;;;;;9:1:1:0:0")]
    public void Should_ReadNoSummary_When_TheTextIsNotOne(string? text)
    {
        Assert.Null(PortfolioSummary.Parse(text));
    }

    private static PortfolioSummary Summarised(IReadOnlyList<CustomerMetrics> customers)
    {
        var summary = new PortfolioSummary(PortfolioTestData.Window, 80m, 0.05m);
        foreach (var customer in customers) summary.AddFirstPass(customer);
        foreach (var customer in customers) summary.AddSecondPass(customer);
        return summary;
    }

    /// <summary>
    /// 10% prospects; of the buyers 60% once for one of a few list prices, 37% 2–5 times for any cent amount, 3% heavy
    /// (up to 60 orders, up to 200,000); cost up to 120% of revenue, so some profit is negative; any day of the window.
    /// </summary>
    private static List<CustomerMetrics> Base(Random random, int size)
    {
        var prices = new[] { 19.90m, 49.90m, 99m, 250m };
        var customers = new List<CustomerMetrics>(size);
        for (var i = 0; i < size; i++)
        {
            var key = i % 5 == 4 ? PortfolioTestData.Account(i) : PortfolioTestData.Contact(i);
            var roll = random.NextDouble();
            if (roll < 0.1)
            {
                customers.Add(CustomerMetrics.Prospect(key));
                continue;
            }

            var (orders, revenue) = roll switch
            {
                < 0.64 => (1, prices[random.Next(prices.Length)]),
                < 0.97 => (random.Next(2, 6), Math.Round((decimal)(random.NextDouble() * 3_000), 2)),
                _ => (random.Next(6, 61), Math.Round((decimal)(random.NextDouble() * 200_000), 2)),
            };
            var cost = Math.Round(revenue * (decimal)(random.NextDouble() * 1.2), 2);
            customers.Add(new CustomerMetrics(key, orders, revenue, cost, random.Next(0, 731)));
        }

        return customers;
    }

    /// <summary>The base in order, cut into pages of random sizes (as the reader's key paging walks it).</summary>
    private static IEnumerable<List<CustomerMetrics>> Pages(Random random, List<CustomerMetrics> customers)
    {
        var ordered = customers.OrderBy(c => c.Customer).ToList();
        for (var at = 0; at < ordered.Count;)
        {
            var size = 1 + random.Next(1_500);
            yield return ordered.Skip(at).Take(size).ToList();
            at += size;
        }
    }
}
