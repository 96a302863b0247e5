using System;
using System.Globalization;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Domain.Localization;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Lifecycle;

/// <summary>
/// The lifecycle thresholds of this environment: each one from its environment variable (value, else the definition's
/// default), else the THRESHOLDS.md default of <see cref="LifecycleThresholds.Default"/>. One query for all seven. Anyone
/// who classifies customers (batch evaluation, KPI snapshot, invoice event) can call it; read it as SYSTEM, since users
/// need not read environment variables.
/// </summary>
public static class LifecycleSettings
{
    public static readonly string[] VariableNames =
    {
        EnvironmentVariableNames.RepeatMinimumPurchases, EnvironmentVariableNames.LoyalMinimumPurchases,
        EnvironmentVariableNames.LoyalWindowMonths,
        EnvironmentVariableNames.AtRiskAfterDays, EnvironmentVariableNames.LapsedAfterDays, EnvironmentVariableNames.PromoterMinimumScore,
        EnvironmentVariableNames.AdvocateMinimumPurchases,
    };

    /// <summary>Refused (en/es) when the variables contradict each other, e.g. Lapsed before At risk: no stage is guessed.</summary>
    public static LifecycleThresholds Read(IOrganizationService service)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var variables = EnvironmentVariables.Read(service, VariableNames);
        var defaults = LifecycleThresholds.Default;
        var thresholds = defaults with
        {
            RepeatMinimumPurchases = variables.Int(EnvironmentVariableNames.RepeatMinimumPurchases, defaults.RepeatMinimumPurchases),
            LoyalMinimumPurchases = variables.Int(EnvironmentVariableNames.LoyalMinimumPurchases, defaults.LoyalMinimumPurchases),
            LoyalWindowMonths = variables.Int(EnvironmentVariableNames.LoyalWindowMonths, defaults.LoyalWindowMonths),
            AtRiskAfterDays = variables.Int(EnvironmentVariableNames.AtRiskAfterDays, defaults.AtRiskAfterDays),
            LapsedAfterDays = variables.Int(EnvironmentVariableNames.LapsedAfterDays, defaults.LapsedAfterDays),
            PromoterMinimumScore = variables.Int(EnvironmentVariableNames.PromoterMinimumScore, defaults.PromoterMinimumScore),
            AdvocateMinimumPurchases = variables.Int(EnvironmentVariableNames.AdvocateMinimumPurchases, defaults.AdvocateMinimumPurchases),
        };
        try
        {
            thresholds.Validate();
        }
        catch (ArgumentOutOfRangeException invalid)
        {
            // The domain's check names the broken rule; the administrator fixing it needs to hear it in their language.
            throw new BusinessRuleException(new LocalizedText(
                string.Format(CultureInfo.InvariantCulture, "The lifecycle environment variables ({0}) are inconsistent: {1}",
                    string.Join(", ", VariableNames), FirstLine(invalid.Message)),
                string.Format(CultureInfo.InvariantCulture,
                    "Las variables de entorno del ciclo de vida ({0}) son incoherentes: las compras deben ser positivas (recurrente " +
                    "desde 2), inactivo debe llegar después de en riesgo y la respuesta NPS va de 0 a 10.",
                    string.Join(", ", VariableNames))));
        }

        return thresholds;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? message : message.Substring(0, end);
    }
}
