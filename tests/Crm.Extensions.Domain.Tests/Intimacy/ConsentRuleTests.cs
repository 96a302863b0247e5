using Crm.Extensions.Domain.Intimacy;

namespace Crm.Extensions.Domain.Tests.Intimacy;

public sealed class ConsentRuleTests
{
    [Fact]
    public void Should_RefuseAPreference_When_NoConsentIsRecorded()
    {
        var refusal = Assert.Throws<BusinessRuleException>(() => ConsentRule.EnsureConsentForPreference(consentRecorded: false));

        Assert.Same(ConsentRule.MissingConsent, refusal.Text);
        Assert.Contains("consent", refusal.Text.English, System.StringComparison.Ordinal);
        Assert.Contains("consentimiento", refusal.Text.Spanish, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Should_AcceptAPreference_When_ConsentIsRecorded()
    {
        ConsentRule.EnsureConsentForPreference(consentRecorded: true);
    }

    [Fact]
    public void Should_AcceptBehaviouralData_When_NoConsentIsRecorded()
    {
        ConsentRule.EnsureConsentFor(InteractionKind.Behavioural, consentRecorded: false);
    }

    [Fact]
    public void Should_RefusePreferenceInteractions_When_NoConsentIsRecorded()
    {
        Assert.Throws<BusinessRuleException>(() => ConsentRule.EnsureConsentFor(InteractionKind.Preference, consentRecorded: false));
    }
}
