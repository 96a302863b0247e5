using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>The custom API <c>cx_RedeemReward(Customer, Reward) → VoucherCode, Redemption</c>, all in the API's transaction.</summary>
public sealed class RedeemReward : PluginBase
{
    public const string Api = RedeemRewardApi.UniqueName;

    public RedeemReward(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(Api), RedeemRewardHandler.Handle);
    }
}
