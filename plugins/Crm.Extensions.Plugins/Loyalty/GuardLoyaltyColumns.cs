using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Dataverse.Security;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// Loyalty columns of contact and account change only through the product's own logic (<see cref="LoyaltyColumns"/>):
/// tier, balances, purchase facts, lifecycle stage, RFM scores, lifetime value, segment and a journey's phase never by
/// hand; tier floor and block only by a loyalty administrator, with a reason. A step, not field security, because every
/// path (form, Web API, import, workflow) runs the Update and Create pipeline, while a secured column would also hide the
/// tier and balance from the users who serve the customer.
/// PreValidation: refused before the transaction, nothing written.
/// The product writes these columns with a SYSTEM service (a null-user service): its requests run as the SYSTEM user
/// while InitiatingUserId stays the person who started the operation ("the user account that initiated the action",
/// learn.microsoft.com/power-apps/developer/data-platform/impersonate-a-user). A write whose user differs from the initiating
/// user is therefore the product's (or a step registered by an administrator to run as another user); a write whose
/// user is the initiating user is a person's own, unless that user is SYSTEM (<see cref="SystemUserDirectory"/>, the one
/// way the product tells SYSTEM apart, shared with <see cref="GuardLedger"/>: one query per plugin instance).
/// </summary>
public sealed class GuardLoyaltyColumns : PluginBase
{
    private readonly SystemUserDirectory _users = new();

    public GuardLoyaltyColumns(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        foreach (var table in new[] { Contact.EntityLogicalName, Account.EntityLogicalName })
        {
            Register(StepDeclaration.On(SdkMessage.Create, table, PipelineStage.PreValidation), Handle);
            Register(
                StepDeclaration.On(SdkMessage.Update, table, PipelineStage.PreValidation).Filter(LoyaltyColumns.All)
                    .WithPreImage(LoyaltyColumns.All),
                Handle);
        }

        // A journey is opened by the invoice flow as SYSTEM (no role creates one); its progress changes only through the product.
        Register(
            StepDeclaration.On(SdkMessage.Update, LoyaltyJourney.EntityLogicalName, PipelineStage.PreValidation)
                .Filter(LoyaltyColumns.JourneyProductManaged).WithPreImage(LoyaltyColumns.JourneyProductManaged),
            Handle);
    }

    private void Handle(PluginContext context)
    {
        var isJourney = context.Target.LogicalName == LoyaltyJourney.EntityLogicalName;
        var watched = isJourney ? LoyaltyColumns.JourneyProductManaged : LoyaltyColumns.All;
        var changed = LoyaltyColumns.Changed(context.Target, context.Step.Message == SdkMessage.Create ? null : context.PreImage, watched);
        if (changed.Count == 0) return;
        var user = context.Execution.UserId;
        if (user != context.Execution.InitiatingUserId) return;
        if (_users.IsSystem(context.SystemService, context.Execution.OrganizationId, user)) return;
        LoyaltyColumns.Check(changed, context.Target, () => CallerAccess.IsLoyaltyAdministrator(context.SystemService, user));
    }
}
