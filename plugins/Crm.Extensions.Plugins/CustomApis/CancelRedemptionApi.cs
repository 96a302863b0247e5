using Crm.Extensions.Plugins.Loyalty;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_CancelRedemption; its handler is <see cref="CancelRedemption"/>.</summary>
public static class CancelRedemptionApi
{
    public const string UniqueName = "cx_CancelRedemption";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(CancelRedemption),
        displayName: new(
            "Cancel redemption",
            "Cancelar canje"),
        description: new(
            "Cancels an issued voucher and refunds the points it spent: the one guarded path for a refund. The caller must " +
            "be able to edit the redemption and its customer; the balance is updated in the same transaction.",
            "Cancela un vale emitido y reembolsa los puntos que gastó: la única vía protegida para un reembolso. Quien " +
            "llama debe poder editar el canje y su cliente; el saldo se actualiza en la misma transacción."),
        executePrivilegeName: "prvWritecx_RewardRedemption",
        request: [Request.Redemption],
        response: [Response.Balance, Response.Refund]);

    public static class Request
    {
        public static readonly RequestParameter<EntityReference> Redemption = new(
            nameof(Redemption),
            isOptional: false,
            displayName: new(
                "Redemption",
                "Canje"),
            description: new(
                "The issued cx_rewardredemption to cancel.",
                "El cx_rewardredemption emitido que se cancela."));
    }

    public static class Response
    {
        public static readonly ResponseProperty<int> Balance = new(
            nameof(Balance),
            displayName: new(
                "Balance",
                "Saldo"),
            description: new(
                "The member's available points after the refund.",
                "Los puntos disponibles del socio tras el reembolso."));

        public static readonly ResponseProperty<EntityReference> Refund = new(
            nameof(Refund),
            displayName: new(
                "Refund",
                "Reembolso"),
            description: new(
                "The cx_loyaltytransaction (Refund) written.",
                "El cx_loyaltytransaction (reembolso) escrito."));
    }
}
