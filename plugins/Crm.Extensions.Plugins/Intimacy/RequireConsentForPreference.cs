using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Intimacy;

/// <summary>A cx_preference is preference data: it is refused (PreValidation, nothing written) unless the customer consented.</summary>
public sealed class RequireConsentForPreference : PluginBase
{
    public RequireConsentForPreference(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.On(SdkMessage.Create, Preference.EntityLogicalName, PipelineStage.PreValidation), Handle);
        Register(
            StepDeclaration.On(SdkMessage.Update, Preference.EntityLogicalName, PipelineStage.PreValidation)
            .Filter(Preference.Fields.CustomerId), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var customer = context.Target.ToEntity<Preference>().CustomerId;
        var consented = CustomerRecords.IsCustomer(customer) && CustomerRecords.HasPreferenceConsent(context.SystemService, customer!);
        ConsentRule.EnsureConsentForPreference(consented);
    }
}
