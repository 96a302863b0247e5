using System;
using System.Collections.Generic;

namespace Crm.Extensions.Domain.Strategy;

/// <summary>One target segment and what the later steps have built for it.</summary>
public sealed record TargetSegmentFacts(Guid SegmentId, string Name, bool HasCriticalPartner, bool HasActiveProposition);

/// <summary>What the gates look at, gathered by the plugin when the user advances cx_crmstrategy.</summary>
/// <param name="HasCompletedAnalysisWithTarget">A cx_portfolioanalysis is Completed and flagged at least one target segment.</param>
/// <param name="TargetCustomers">Customers in the target base.</param>
/// <param name="TargetCustomersWithCompleteProfile">Of them, those whose profile completeness is at least the gate's minimum.</param>
/// <param name="HasKpiSnapshot">At least one cx_kpisnapshot exists.</param>
public sealed record StrategyFacts(
    bool HasCompletedAnalysisWithTarget,
    int TargetCustomers,
    int TargetCustomersWithCompleteProfile,
    IReadOnlyList<TargetSegmentFacts> TargetSegments,
    bool HasKpiSnapshot);
