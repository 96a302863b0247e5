using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>The parameter names of <c>cx_RedeemReward</c> (the web resources call it with these) and its input refusals.</summary>
internal static class RedeemRewardContract
{
    public const string Customer = "Customer";
    public const string Reward = "Reward";
    public const string VoucherCode = "VoucherCode";
    public const string Redemption = "Redemption";

    public static LocalizedText NoProgram { get; } = new(
        "No loyalty program is active, so no reward can be redeemed.",
        "No hay ningún programa de fidelización activo, así que no se puede canjear ninguna recompensa.");

    public static void EnsureValid(EntityReference? customer, EntityReference? reward)
    {
        if (customer is null || (customer.LogicalName != Contact.EntityLogicalName && customer.LogicalName != Account.EntityLogicalName))
        {
            throw new BusinessRuleException(new LocalizedText(
                "Choose the customer (a contact or an account) who redeems the reward.",
                "Elija el cliente (un contacto o una cuenta) que canjea la recompensa."));
        }

        if (reward is null || reward.LogicalName != EarlyBound.Reward.EntityLogicalName)
        {
            throw new BusinessRuleException(new LocalizedText(
                "Choose the reward to redeem from the rewards catalogue.",
                "Elija la recompensa que se canjea del catálogo de recompensas."));
        }
    }
}
