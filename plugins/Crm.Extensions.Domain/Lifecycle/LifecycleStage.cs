namespace Crm.Extensions.Domain.Lifecycle;

/// <summary>Where a customer stands, from prospect to advocate; values are stored as option-set values.</summary>
public enum LifecycleStage
{
    Prospect = 1,
    New = 2,
    Repeat = 3,
    Loyal = 4,
    Advocate = 5,
    AtRisk = 6,
    Lapsed = 7,
}
