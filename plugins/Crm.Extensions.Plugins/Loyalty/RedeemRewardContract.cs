namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>The parameter names of <c>cx_RedeemReward</c> (the web resources call it with these).</summary>
internal static class RedeemRewardContract
{
    public const string Customer = "Customer";
    public const string Reward = "Reward";
    public const string VoucherCode = "VoucherCode";
    public const string Redemption = "Redemption";
}
