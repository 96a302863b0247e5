using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// The target base: the smallest set of groups whose cumulative profit reaches the Pareto threshold of the base's
/// positive profit. Groups are taken by profit, highest first (greedy is minimal for a sum threshold); ties go to the
/// lower segment value, then contacts before accounts, so reruns flag the same groups. Groups with zero or negative
/// profit never count toward the threshold and are never flagged; losses do not lower the bar either, because the
/// threshold is measured against positive profit only.
/// </summary>
public static class TargetBaseSelector
{
    public static IReadOnlyCollection<SegmentGroup> Select(
        IEnumerable<GroupProfit> groups, decimal thresholdPercent)
    {
        if (thresholdPercent <= 0m || thresholdPercent > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(thresholdPercent), thresholdPercent,
                "The threshold is a percentage above 0 and at most 100.");
        }

        var profitable = groups
            .Where(g => g.Profit > 0m)
            .OrderByDescending(g => g.Profit)
            .ThenBy(g => (int)g.Group.Segment)
            .ThenBy(g => (int)g.Group.Type)
            .ToList();
        var bar = profitable.Sum(g => g.Profit) * thresholdPercent / 100m;

        var selected = new List<SegmentGroup>();
        var cumulative = 0m;
        foreach (var group in profitable)
        {
            if (cumulative >= bar)
            {
                break;
            }

            selected.Add(group.Group);
            cumulative += group.Profit;
        }

        return selected;
    }
}
