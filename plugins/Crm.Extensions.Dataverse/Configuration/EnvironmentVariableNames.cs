namespace Crm.Extensions.Dataverse.Configuration;

/// <summary>Schema names of the solution's environment variables (solution/src/environmentvariabledefinitions).</summary>
public static class EnvironmentVariableNames
{
    public const string AdvocateMinimumPurchases = "cx_AdvocateMinimumPurchases";
    public const string AnalysisWindowMonths = "cx_AnalysisWindowMonths";
    public const string AtRiskAfterDays = "cx_AtRiskAfterDays";
    public const string HealthyPartnerScore = "cx_HealthyPartnerScore";
    public const string LapsedAfterDays = "cx_LapsedAfterDays";
    public const string LoyalMinimumPurchases = "cx_LoyalMinimumPurchases";
    public const string LoyalWindowMonths = "cx_LoyalWindowMonths";
    public const string MinimumPropositionMarginPercent = "cx_MinimumPropositionMarginPercent";
    public const string ParetoThresholdPercent = "cx_ParetoThresholdPercent";
    public const string ProfileCompletenessTarget = "cx_ProfileCompletenessTarget";
    public const string PromoterMinimumScore = "cx_PromoterMinimumScore";
    public const string RepeatMinimumPurchases = "cx_RepeatMinimumPurchases";
}
