namespace Crm.Extensions.Domain.Portfolio;

/// <summary>RF-grid segments, plus Prospect (no purchases yet).</summary>
/// <remarks>Values are stable: they are stored as option-set values.</remarks>
public enum RfmSegment
{
    Champions = 1,
    Loyal = 2,
    PotentialLoyalists = 3,
    New = 4,
    Promising = 5,
    NeedAttention = 6,
    AboutToSleep = 7,
    AtRisk = 8,
    CantLose = 9,
    Hibernating = 10,
    Prospect = 11,
}
