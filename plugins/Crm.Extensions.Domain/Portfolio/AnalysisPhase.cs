namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// Where a portfolio analysis is; stored as a number in cx_cursor, so values never change meaning. Reading is the first
/// pass over the base (R and F counts, monetary buckets), Totalling the second (monetary values near the quintile
/// steps, segment totals); Scoring turns the summary into the model and writes the segments.
/// </summary>
public enum AnalysisPhase
{
    Reading = 1,
    Scoring = 2,
    WritingCustomers = 3,
    WritingSegments = 4,
    Completed = 5,
    Totalling = 6,
}
