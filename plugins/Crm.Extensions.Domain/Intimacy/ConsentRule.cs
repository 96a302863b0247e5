using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Intimacy;

/// <summary>Preference data (surveys, profile answers) is kept only with the customer's recorded consent.</summary>
public static class ConsentRule
{
    public static readonly LocalizedText MissingConsent = new(
        "This customer has not consented to storing preference data. Record their consent first, then save the preference.",
        "Este cliente no ha dado su consentimiento para guardar datos de preferencias. Registre primero su consentimiento y después " +
        "guarde la preferencia.");

    /// <summary>For cx_preference: refused without consent.</summary>
    public static void EnsureConsentForPreference(bool consentRecorded)
    {
        if (!consentRecorded)
        {
            throw new BusinessRuleException(MissingConsent);
        }
    }

    /// <summary>For cx_interaction: behavioural data never needs consent, preference data does.</summary>
    public static void EnsureConsentFor(InteractionKind kind, bool consentRecorded)
    {
        if (kind == InteractionKind.Preference)
        {
            EnsureConsentForPreference(consentRecorded);
        }
    }
}
