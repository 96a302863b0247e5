using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// A redemption (a voucher) is created only by cx_RedeemReward, which spends the points in the same transaction. The
/// roles grant prvCreatecx_RewardRedemption because it is the API's execute privilege, so a person's own Create of a
/// redemption row is refused here: otherwise a voucher could be issued without spending points. PreValidation: nothing
/// is written. The product's write is told apart as in <see cref="GuardLoyaltyColumns"/>. Likewise a person's own Update of
/// the status, points, member or voucher code is refused: a voucher is used or cancelled (with its refund) only through
/// cx_MarkVoucherUsed and cx_CancelRedemption, which check the caller and write as SYSTEM.
/// </summary>
public sealed class GuardRewardRedemptions : PluginBase
{
    public static readonly LocalizedText UseTheApi = new(
        "Redemptions are created by \"Redeem reward\", which also spends the points. Use that action (or the workflow step) instead.",
        "Los canjes los crea \"Canjear recompensa\", que además descuenta los puntos. Use esa acción (o el paso de proceso) en su lugar.");

    private readonly SystemUserDirectory _users = new();

    public static readonly LocalizedText UseTheActions = new(
        "A voucher's status, points, member and code are changed only by \"Mark voucher used\" and \"Cancel redemption\" "
            + "(which refunds the points).",
        "El estado, los puntos, el miembro y el código de un vale solo los cambian \"Marcar vale como usado\" y \"Cancelar canje\" "
            + "(que reembolsa los puntos).");

    /// <summary>The columns only the product writes after the voucher is issued.</summary>
    public static readonly string[] ProductColumns =
    [
        RewardRedemption.Fields.RedemptionStatus, RewardRedemption.Fields.PointsSpent, RewardRedemption.Fields.CustomerId,
        RewardRedemption.Fields.VoucherCode, RewardRedemption.Fields.RewardId,
    ];

    public GuardRewardRedemptions(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(
            StepDeclaration.On(SdkMessage.Create, RewardRedemption.EntityLogicalName, PipelineStage.PreValidation),
            context => Refuse(context, UseTheApi));
        Register(
            StepDeclaration.On(SdkMessage.Update, RewardRedemption.EntityLogicalName, PipelineStage.PreValidation).Filter(ProductColumns),
            context => Refuse(context, UseTheActions));
    }

    private void Refuse(PluginContext context, LocalizedText message)
    {
        var user = context.Execution.UserId;
        if (user != context.Execution.InitiatingUserId) return;
        if (_users.IsSystem(context.SystemService, context.Execution.OrganizationId, user)) return;
        throw new BusinessRuleException(message);
    }
}
