using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Loyalty;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_RedeemReward; its handler is <see cref="RedeemReward"/>.</summary>
public static class RedeemRewardApi
{
    public const string UniqueName = "cx_RedeemReward";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(RedeemReward),
        displayName: new(
            "Redeem reward",
            "Canjear recompensa"),
        description: new(
            "Redeems a loyalty reward for a customer: checks tier, balance, limit and validity, issues a voucher and spends the points.",
            "Canjea una recompensa de fidelización para un cliente: comprueba nivel, saldo, límite y validez, emite un vale y gasta los " +
            "puntos."),
        executePrivilegeName: "prvCreatecx_RewardRedemption",
        request: [Request.Customer, Request.Reward],
        response: [Response.Redemption, Response.VoucherCode]);

    public static class Request
    {
        public static readonly RequestParameter<EntityReference> Customer = SharedParameters.Customer(new(
            "The contact or account who redeems.",
            "El contacto o la cuenta que canjea."));

        public static readonly RequestParameter<EntityReference> Reward = new(
            nameof(Reward),
            isOptional: false,
            displayName: new(
                "Reward",
                "Recompensa"),
            description: new(
                "The cx_reward to redeem.",
                "La cx_reward que canjear."));
    }

    public static class Response
    {
        public static readonly ResponseProperty<EntityReference> Redemption = new(
            nameof(Redemption),
            displayName: new(
                "Redemption",
                "Canje"),
            description: new(
                "The cx_rewardredemption created.",
                "El cx_rewardredemption creado."));

        public static readonly ResponseProperty<string> VoucherCode = new(
            nameof(VoucherCode),
            displayName: new(
                "VoucherCode",
                "Código del vale"),
            description: new(
                "The voucher code issued.",
                "El código del vale emitido."));
    }
}
