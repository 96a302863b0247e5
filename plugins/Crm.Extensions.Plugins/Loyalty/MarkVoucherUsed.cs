using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// The custom API <c>cx_MarkVoucherUsed(Redemption)</c>: an issued, still valid voucher becomes used, once. Execute privilege
/// prvWritecx_RewardRedemption, plus write access to the redemption and its customer, asked before the SYSTEM write.
/// </summary>
public sealed class MarkVoucherUsed : PluginBase
{
    public const string Api = MarkVoucherUsedApi.UniqueName;
    public const string Redemption = nameof(MarkVoucherUsedApi.Request.Redemption);

    public MarkVoucherUsed(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(Api), Handle);
    }

    private static void Handle(PluginContext context) => VoucherActions.MarkUsed(
        context.SystemService, context.Execution.InitiatingUserId, context.Input(MarkVoucherUsedApi.Request.Redemption),
        context.Clock.UtcNow);
}
