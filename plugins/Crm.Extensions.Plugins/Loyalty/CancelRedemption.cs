using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// The custom API <c>cx_CancelRedemption(Redemption) → Refund, Balance</c>: the one guarded path that cancels an issued
/// voucher and refunds its points. Its execute privilege is prvWritecx_RewardRedemption; the caller must also be able to
/// write the redemption and its customer (VoucherActions asks before writing). Then the balance (RowVersion), the status and
/// the refund entry are written as SYSTEM in the API's transaction. A second cancel is refused and changes nothing.
/// </summary>
public sealed class CancelRedemption : PluginBase
{
    public const string Api = CancelRedemptionApi.UniqueName;
    public const string Redemption = nameof(CancelRedemptionApi.Request.Redemption);
    public const string Refund = nameof(CancelRedemptionApi.Response.Refund);
    public const string Balance = nameof(CancelRedemptionApi.Response.Balance);

    public CancelRedemption(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(Api), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var cancelled = VoucherActions.Cancel(
            context.SystemService, context.Execution.InitiatingUserId, context.Input(CancelRedemptionApi.Request.Redemption),
            context.Clock.UtcNow);
        context.SetOutput(CancelRedemptionApi.Response.Refund, cancelled.Refund);
        context.SetOutput(CancelRedemptionApi.Response.Balance, cancelled.Balance);
    }
}
