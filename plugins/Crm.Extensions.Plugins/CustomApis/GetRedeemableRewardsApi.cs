using Crm.Extensions.Plugins.Loyalty;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_GetRedeemableRewards; its handler is <see cref="GetRedeemableRewards"/>.</summary>
public static class GetRedeemableRewardsApi
{
    public const string UniqueName = "cx_GetRedeemableRewards";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(GetRedeemableRewards),
        displayName: new(
            "Get redeemable rewards",
            "Obtener recompensas canjeables"),
        description: new(
            "The rewards a customer may redeem now (the checks of cx_RedeemReward: program, validity, tier, per-member limit, " +
            "available points), cheapest first, with each one's cost and the points left after it. Changes nothing.",
            "Las recompensas que un cliente puede canjear ahora (las comprobaciones de cx_RedeemReward: programa, validez, nivel, " +
            "límite por miembro, puntos disponibles), de la más barata a la más cara, con su coste y los puntos que quedan " +
            "después. No cambia nada."),
        executePrivilegeName: "prvCreatecx_RewardRedemption",
        request: [Request.Customer],
        response: [Response.Available, Response.Rewards])
    {
        IsFunction = true,
    };

    public static class Request
    {
        public static readonly RequestParameter<EntityReference> Customer = SharedParameters.Customer(new(
            "The contact or account who would redeem.",
            "El contacto o la cuenta que canjearía."));
    }

    public static class Response
    {
        public static readonly ResponseProperty<int> Available = new(
            nameof(Available),
            displayName: new(
                "Available points",
                "Puntos disponibles"),
            description: new(
                "The points the customer may redeem now.",
                "Los puntos que el cliente puede canjear ahora."));

        public static readonly ResponseProperty<EntityCollection> Rewards = new(
            nameof(Rewards),
            displayName: new(
                "Rewards",
                "Recompensas"),
            description: new(
                "One row per redeemable reward, cheapest first: rewardid, name, kind, pointscost, balanceafter, validuntil.",
                "Una fila por recompensa canjeable, de la más barata a la más cara: rewardid, name, kind, pointscost, " +
                "balanceafter, validuntil."));
    }
}
