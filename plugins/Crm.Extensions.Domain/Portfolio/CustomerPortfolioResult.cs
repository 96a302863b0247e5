namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// What the analysis writes on one customer. A record, so "write only what changed" is
/// <c>!Equals(previous, current)</c>. Scores are null for a prospect.
/// </summary>
public sealed record CustomerPortfolioResult(
    CustomerKey Customer,
    int? RecencyDays,
    int Frequency,
    decimal Monetary,
    decimal Profit,
    int? RecencyScore,
    int? FrequencyScore,
    int? MonetaryScore,
    RfmSegment Segment,
    decimal HistoricClv,
    bool IsTarget);
