namespace Crm.Extensions.Domain.Strategy;

/// <summary>The five steps of the CRM process, in order, and the state after the last gate.</summary>
public enum StrategyStep
{
    PortfolioAnalysis = 1,
    CustomerIntimacy = 2,
    NetworkDevelopment = 3,
    ValueProposition = 4,
    LifecycleManagement = 5,
    Completed = 6,
}
