namespace Crm.Extensions.Domain.Intimacy;

/// <summary>The eight "who is the customer?" questions of the source, in its order.</summary>
public enum ProfileQuestion
{
    LifecycleStage = 1,
    WhyTheyInteractToday = 2,
    ProductsOfInterest = 3,
    ProductsBought = 4,
    ProblemsExperienced = 5,
    Preferences = 6,
    HowWeResponded = 7,
    LastInteractionAndDuration = 8,
}
