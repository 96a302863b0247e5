using System;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Dataverse.Security;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Rewards;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Loyalty;

/// <summary>
/// Redeem a reward, shared by the custom API cx_RedeemReward and the workflow activity Redeem reward, so both check the
/// same inputs and refuse with the same messages: the inputs, the active program, the member and the reward are read,
/// RedemptionPlanner decides and <see cref="RewardRedemptions"/> writes (balance under RowVersion first).
/// </summary>
public static class RedeemReward
{
    public static LocalizedText NoProgram { get; } = new(
        "No loyalty program is active, so no reward can be redeemed.",
        "No hay ningún programa de fidelización activo, así que no se puede canjear ninguna recompensa.");

    public static LocalizedText CustomerRequired { get; } = new(
        "Choose the customer (a contact or an account) who redeems the reward.",
        "Elija el cliente (un contacto o una cuenta) que canjea la recompensa.");

    public static LocalizedText RewardRequired { get; } = new(
        "Choose the reward to redeem from the rewards catalogue.",
        "Elija la recompensa que se canjea del catálogo de recompensas.");

    /// <param name="inTransaction">
    /// True inside the caller's database transaction (a custom API, a real-time workflow): a balance conflict then cannot be
    /// retried and is refused with a clear message. Outside one, the member is read again and the redemption re-checked once.
    /// </param>
    public static Redemption Run(IUseCaseContext context, Guid caller, EntityReference? customer, EntityReference? reward,
        bool inTransaction)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(RedeemReward);
        var service = context.SystemService;
        var now = context.Clock.UtcNow;
        // Who may redeem at all is the API's execute privilege; for whom is the caller's own write access, asked before any write.
        if (CustomerRecords.IsCustomer(customer)) CallerAccess.DemandWrite(service, caller, customer!);
        EnsureValid(customer, reward);

        var program = LoyaltyProgramReader.Active(service) ?? throw new BusinessRuleException(NoProgram);
        var member = MemberLedgerReader.Read(service, customer!);
        var catalogued = RewardReader.Read(service, reward!.Id, program);
        using var codes = new VoucherCodeGenerator();
        Func<MemberLedger>? reread = inTransaction ? null : () => MemberLedgerReader.Read(service, customer!);
        return RewardRedemptions.Redeem(service, program, member, catalogued, now, codes, reread);
    }

    public static void EnsureValid(EntityReference? customer, EntityReference? reward)
    {
        if (customer is null || (customer.LogicalName != Contact.EntityLogicalName && customer.LogicalName != Account.EntityLogicalName))
        {
            throw new BusinessRuleException(CustomerRequired);
        }

        if (reward is null || reward.LogicalName != EarlyBound.Reward.EntityLogicalName)
        {
            throw new BusinessRuleException(RewardRequired);
        }
    }
}
