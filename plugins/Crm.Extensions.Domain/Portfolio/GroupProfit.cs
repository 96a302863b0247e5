namespace Crm.Extensions.Domain.Portfolio;

/// <summary>A group and its profit: the only input the target-base rule needs.</summary>
public readonly record struct GroupProfit(SegmentGroup Group, decimal Profit);
