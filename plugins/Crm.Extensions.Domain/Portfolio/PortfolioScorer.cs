using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Common;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// Turns the metrics of the whole base into scores, segments, CLV, group totals and the target base.
/// Quintiles are taken across buying customers only: prospects have nothing to rank and are segmented Prospect.
/// </summary>
public static class PortfolioScorer
{
    public static PortfolioResult Score(IReadOnlyCollection<CustomerMetrics> metrics, PortfolioSettings settings)
    {
        if (metrics is null)
        {
            throw new ArgumentNullException(nameof(metrics));
        }

        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        settings.Validate();
        var ordered = metrics.OrderBy(m => m.Customer).ToList();
        var buyers = ordered.Where(m => m.HasPurchases).ToList();
        var recency = QuintileScorer.Score(buyers.Select(b => (decimal)(b.RecencyDays ?? 0)).ToList(), higherIsBetter: false);
        var frequency = QuintileScorer.Score(buyers.Select(b => (decimal)b.Orders).ToList(), higherIsBetter: true);
        var monetary = QuintileScorer.Score(buyers.Select(b => b.Revenue).ToList(), higherIsBetter: true);
        var repeatRate = HistoricClv.RepeatRate(ordered);
        var churnRate = HistoricClv.ChurnRate(ordered, settings.MinimumChurnRate);

        var scored = new Dictionary<CustomerKey, RfmScores>();
        for (var i = 0; i < buyers.Count; i++)
        {
            scored.Add(buyers[i].Customer, new RfmScores(recency[i], frequency[i], monetary[i]));
        }

        var segments = ordered.ToDictionary(
            m => m.Customer,
            m => scored.TryGetValue(m.Customer, out var s) ? RfGrid.SegmentFor(s.Recency, s.Frequency) : RfmSegment.Prospect);
        var groupTotals = ordered
            .GroupBy(m => new SegmentGroup(m.Customer.Type, segments[m.Customer]))
            .Select(g => new { Group = g.Key, Count = g.Count(), Revenue = g.Sum(m => m.Revenue), Profit = g.Sum(m => m.Profit) })
            .OrderBy(g => (int)g.Group.Type)
            .ThenBy(g => (int)g.Group.Segment)
            .ToList();
        var targets = new HashSet<SegmentGroup>(
            TargetBaseSelector.Select(groupTotals.Select(g => new GroupProfit(g.Group, g.Profit)), settings.ParetoThresholdPercent));
        var positiveProfit = groupTotals.Where(g => g.Profit > 0m).Sum(g => g.Profit);

        var groups = groupTotals
            .Select(g => new SegmentGroupSummary(
                g.Group, g.Count, g.Revenue, g.Profit, Percent.Round(Percent.Of(g.Profit, positiveProfit)), targets.Contains(g.Group)))
            .ToList();
        var customers = ordered
            .Select(m => ToResult(m, scored, segments[m.Customer], churnRate, targets))
            .ToList();
        return new PortfolioResult(customers, groups, repeatRate, churnRate);
    }

    private static CustomerPortfolioResult ToResult(
        CustomerMetrics metrics,
        Dictionary<CustomerKey, RfmScores> scored,
        RfmSegment segment,
        decimal churnRate,
        HashSet<SegmentGroup> targets)
    {
        var hasScores = scored.TryGetValue(metrics.Customer, out var s);
        return new CustomerPortfolioResult(
            metrics.Customer,
            metrics.RecencyDays,
            metrics.Orders,
            metrics.Revenue,
            metrics.Profit,
            hasScores ? s.Recency : null,
            hasScores ? s.Frequency : null,
            hasScores ? s.Monetary : null,
            segment,
            HistoricClv.For(metrics, churnRate),
            targets.Contains(new SegmentGroup(metrics.Customer.Type, segment)));
    }
}
