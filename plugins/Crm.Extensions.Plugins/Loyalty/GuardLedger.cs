using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// The ledger is append-only and written only by the product's own logic, which writes it as SYSTEM (payments, returns,
/// redemptions, the nightly run, birthdays, grants and cx_AdjustPoints). Any other Create, Update or Delete of a
/// cx_loyaltytransaction (form, Web API, import, a user's workflow) is refused at PreValidation, before anything is
/// written, with a message that names the one guarded path for manual changes: Adjust points.
/// A plugin's SYSTEM service is seen by the nested step as UserId = SYSTEM
/// (learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iorganizationservicefactory.createorganizationservice: null means SYSTEM).
/// </summary>
public sealed class GuardLedger : PluginBase
{
    public static readonly LocalizedText Refusal = new(
        "Loyalty ledger entries cannot be created, changed or deleted by hand: the ledger keeps every movement as it happened. "
        + "To add or remove points, use Adjust points (a reason and a note are kept, and the balance is updated with it).",
        "Los movimientos de puntos no se pueden crear, cambiar ni borrar a mano: el libro conserva cada movimiento tal como ocurrió. "
        + "Para sumar o retirar puntos, use Ajustar puntos (se guardan un motivo y una nota, y el saldo se actualiza a la vez).");

    private readonly SystemUserDirectory _users = new();

    public GuardLedger(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.On(SdkMessage.Create, LoyaltyTransaction.EntityLogicalName, PipelineStage.PreValidation), Handle);
        // Every column a writer can set, state included: any change of an entry is refused, not only some.
        Register(
            StepDeclaration.On(SdkMessage.Update, LoyaltyTransaction.EntityLogicalName, PipelineStage.PreValidation).Filter(
                LoyaltyTransaction.Fields.Name, LoyaltyTransaction.Fields.CustomerId, LoyaltyTransaction.Fields.LoyaltyProgramId,
                LoyaltyTransaction.Fields.EntryType, LoyaltyTransaction.Fields.EntryStatus, LoyaltyTransaction.Fields.Points,
                LoyaltyTransaction.Fields.RemainingPoints, LoyaltyTransaction.Fields.QualifyingPoints, LoyaltyTransaction.Fields.Reason,
                LoyaltyTransaction.Fields.SourceKey, LoyaltyTransaction.Fields.Amount, LoyaltyTransaction.Fields.InvoiceId,
                LoyaltyTransaction.Fields.InvoiceDetailId, LoyaltyTransaction.Fields.RewardRedemptionId, LoyaltyTransaction.Fields.EarnedOn,
                LoyaltyTransaction.Fields.AvailableOn, LoyaltyTransaction.Fields.ExpiresOn, LoyaltyTransaction.Fields.AdjustmentReason,
                LoyaltyTransaction.Fields.AdjustedById, LoyaltyTransaction.Fields.TransactionCurrencyId,
                LoyaltyTransaction.Fields.StateCode,
                LoyaltyTransaction.Fields.StatusCode),
            Handle);
        Register(StepDeclaration.On(SdkMessage.Delete, LoyaltyTransaction.EntityLogicalName, PipelineStage.PreValidation), Handle);
    }

    private void Handle(PluginContext context)
    {
        if (_users.IsSystem(context.SystemService, context.Execution.OrganizationId, context.Execution.UserId)) return;
        throw new BusinessRuleException(Refusal);
    }
}
