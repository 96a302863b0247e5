namespace Crm.Extensions.Domain.Portfolio;

/// <summary>A customer type × segment pair: one <c>cx_customersegment</c> row.</summary>
public readonly record struct SegmentGroup(CustomerType Type, RfmSegment Segment);

/// <summary>Totals of one group. Profit share is of the base's positive profit, so losses show as negative shares.</summary>
public sealed record SegmentGroupSummary(
    SegmentGroup Group,
    int Customers,
    decimal Revenue,
    decimal Profit,
    decimal ProfitSharePercent,
    bool IsTarget);
