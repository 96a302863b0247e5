namespace Crm.Extensions.Domain.Portfolio;

/// <summary>Where a portfolio analysis is; stored as an option-set value on cx_portfolioanalysis.</summary>
public enum AnalysisPhase
{
    Reading = 1,
    Scoring = 2,
    WritingCustomers = 3,
    WritingSegments = 4,
    Completed = 5,
}
