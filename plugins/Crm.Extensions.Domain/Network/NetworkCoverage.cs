using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Common;

namespace Crm.Extensions.Domain.Network;

/// <summary>The network KPI and the target segments that pull it down.</summary>
public sealed record NetworkCoverageResult(int TargetSegments, int CoveredSegments, decimal CoveragePercent,
    IReadOnlyList<Guid> UncoveredSegments);

/// <summary>Network KPI = share of target segments served by at least one healthy, active, critical partner.</summary>
public static class NetworkCoverage
{
    /// <returns>Coverage in percent (two decimals); 0 when there are no target segments, since nothing is covered yet.</returns>
    public static NetworkCoverageResult Calculate(IEnumerable<Guid> targetSegmentIds, IEnumerable<Partnership> partners, DateTime asOfUtc)
    {
        var targets = targetSegmentIds.Distinct().OrderBy(id => id).ToList();
        var covered = new HashSet<Guid>(partners
            .Where(p => p.IsCritical && p.ServedSegmentId is not null && PartnerHealth.Evaluate(p, asOfUtc).IsHealthy)
            .Select(p => p.ServedSegmentId!.Value));
        var uncovered = targets.Where(id => !covered.Contains(id)).ToList();
        var coveredCount = targets.Count - uncovered.Count;
        return new NetworkCoverageResult(targets.Count, coveredCount, Percent.Round(Percent.Of(coveredCount, targets.Count)), uncovered);
    }
}
