using System.Collections.Generic;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>Everything one analysis run produces.</summary>
public sealed record PortfolioResult(
    IReadOnlyList<CustomerPortfolioResult> Customers,
    IReadOnlyList<SegmentGroupSummary> Groups,
    decimal RepeatRate,
    decimal ChurnRate);
