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
/// is written. The product's write is told apart as in <see cref="GuardLoyaltyColumns"/>.
/// </summary>
public sealed class GuardRewardRedemptions : PluginBase
{
    public static readonly LocalizedText UseTheApi = new(
        "Redemptions are created by \"Redeem reward\", which also spends the points. Use that action (or the workflow step) instead.",
        "Los canjes los crea \"Canjear recompensa\", que además descuenta los puntos. Use esa acción (o el paso de proceso) en su lugar.");

    private readonly SystemUserDirectory _users = new();

    public GuardRewardRedemptions(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.On(SdkMessage.Create, RewardRedemption.EntityLogicalName, PipelineStage.PreValidation), Handle);
    }

    private void Handle(PluginContext context)
    {
        var user = context.Execution.UserId;
        if (user != context.Execution.InitiatingUserId) return;
        if (_users.IsSystem(context.SystemService, context.Execution.OrganizationId, user)) return;
        throw new BusinessRuleException(UseTheApi);
    }
}
