using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Common;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Propositions;

/// <summary>
/// A proposition may go live only when the value runs both ways: the customer benefit is stated, and the company
/// margin is at or above the minimum (environment variable, default 15%).
/// </summary>
public static class PropositionActivation
{
    public const decimal DefaultMinimumMarginPercent = 15m;

    private static readonly LocalizedText Heading = new(
        "The value proposition cannot be activated, because its value must run both ways:",
        "La propuesta de valor no se puede activar, porque su valor debe ir en ambos sentidos:");

    public static IReadOnlyList<LocalizedText> Missing(Proposition proposition, decimal minimumMarginPercent = DefaultMinimumMarginPercent)
    {
        if (proposition is null)
        {
            throw new ArgumentNullException(nameof(proposition));
        }

        var missing = new List<LocalizedText>();
        if (string.IsNullOrWhiteSpace(proposition.CustomerBenefit))
        {
            missing.Add(new LocalizedText("state the benefit for the customer.", "indique el beneficio para el cliente."));
        }

        var minimumEn = Formatting.PercentEnglish(minimumMarginPercent);
        var minimumEs = Formatting.PercentSpanish(minimumMarginPercent);
        if (proposition.CompanyMarginPercent is not { } margin)
        {
            missing.Add(new LocalizedText(
                "state the company margin (at least " + minimumEn + ").",
                "indique el margen de la empresa (al menos " + minimumEs + ")."));
        }
        else if (margin < minimumMarginPercent)
        {
            missing.Add(new LocalizedText(
                "the company margin is " + Formatting.PercentEnglish(margin) + ", below the minimum of " + minimumEn + ".",
                "el margen de la empresa es " + Formatting.PercentSpanish(margin) + ", por debajo del mínimo de " + minimumEs + "."));
        }

        return missing;
    }

    /// <summary>Throws a <see cref="BusinessRuleException"/> listing everything missing, in English and Spanish.</summary>
    public static void EnsureCanActivate(Proposition proposition, decimal minimumMarginPercent = DefaultMinimumMarginPercent) =>
        Refusal.ThrowIfAny(Heading, Missing(proposition, minimumMarginPercent));
}
