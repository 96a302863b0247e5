namespace Crm.Extensions.Dataverse.Configuration;

/// <summary>Schema names of the solution's environment variables (solution/src/environmentvariabledefinitions).</summary>
public static class EnvironmentVariableNames
{
    public const string AnalysisWindowMonths = "cx_AnalysisWindowMonths";
    public const string AtRiskAfterDays = "cx_AtRiskAfterDays";
    public const string HealthyPartnerScore = "cx_HealthyPartnerScore";
    public const string LapsedAfterDays = "cx_LapsedAfterDays";
    public const string MinimumPropositionMarginPercent = "cx_MinimumPropositionMarginPercent";
    public const string ParetoThresholdPercent = "cx_ParetoThresholdPercent";
    public const string ProfileCompletenessTarget = "cx_ProfileCompletenessTarget";
}
