namespace Crm.Extensions.Domain.Portfolio;

/// <summary>The three quintile scores of a buying customer (1–5 each).</summary>
public readonly record struct RfmScores(int Recency, int Frequency, int Monetary);
