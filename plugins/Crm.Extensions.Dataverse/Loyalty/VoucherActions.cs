using System;
using System.Linq;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Security;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Rewards;
using Crm.Extensions.EarlyBound;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using RedemptionTable = Crm.Extensions.EarlyBound.RewardRedemption;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>What a cancellation left: the refund entry and the member's available balance after it.</summary>
public sealed record CancelledRedemption(EntityReference Refund, int Balance);

/// <summary>
/// The two guarded paths that change an issued voucher: cx_CancelRedemption (cancel and refund the points) and
/// cx_MarkVoucherUsed (used, once). The caller must be able to write both the redemption and its customer, asked with
/// RetrievePrincipalAccess before anything is written; the rows are then written as SYSTEM (GuardRewardRedemptions refuses
/// a person's own status change). A cancel writes the balance under RowVersion first, so a concurrent redemption or
/// payment makes it fail before it writes anything; the refund's source key is one per redemption, ever.
/// </summary>
public static class VoucherActions
{
    public static readonly LocalizedText NoProgram = new(
        "No loyalty program is active, so no points can be refunded.",
        "No hay ningún programa de fidelización activo, así que no se pueden reembolsar puntos.");

    public static readonly LocalizedText RedemptionNotWritable = new(
        "You can change a voucher only when you may edit the redemption. Ask a loyalty administrator.",
        "Solo puede cambiar un vale si puede editar el canje. Pídaselo a un administrador de fidelización.");

    public static readonly LocalizedText BalanceChanged = new(
        "The customer's points balance changed while the redemption was being cancelled. Nothing was refunded; please try again.",
        "Los puntos disponibles del cliente cambiaron mientras se cancelaba el canje. No se reembolsó nada; vuelva a intentarlo.");

    public static readonly LocalizedText VoucherChanged = new(
        "The voucher changed while it was being marked used (someone else acted on it). Nothing was changed; open it again.",
        "El vale cambió mientras se marcaba como usado (otra persona actuó sobre él). No se cambió nada; vuelva a abrirlo.");

    /// <param name="system">A SYSTEM service: the ledger, balances and redemptions are system-managed.</param>
    /// <param name="caller">The user who asked; their access to the redemption and the customer is checked first.</param>
    public static CancelledRedemption Cancel(IOrganizationService system, Guid caller, EntityReference? redemption, DateTime now)
    {
        var voucher = ReadForCaller(system, caller, redemption);
        VoucherRules.EnsureCancellable(voucher.Status, voucher.Code);

        var program = LoyaltyProgramReader.Active(system) ?? throw new BusinessRuleException(NoProgram);
        var member = MemberLedgerReader.Read(system, voucher.Customer);
        var refund = LedgerEntries.Refund(voucher.Customer.Id, voucher.Id, voucher.PointsSpent, now, voucher.Name, program.Settings);
        MemberBalances balances;
        try
        {
            var refunded = member with { Entries = member.Entries.Concat(new[] { refund }).ToList() };
            balances = BalanceWriter.WriteOnce(system, refunded, now, program.Settings);
        }
        catch (Exception conflict) when (BalanceWriter.IsVersionMismatch(conflict))
        {
            // Inside the API's transaction a failed request cannot be retried: refuse clearly instead.
            throw new BusinessRuleException(BalanceChanged);
        }

        system.Execute(StatusUpdate(voucher, RedemptionTable.RedemptionStatusChoice.Cancelled));
        if (voucher.RewardId is { } rewardId) RewardStock.GiveBack(system, rewardId);
        LedgerWriter.Write(system, new[] { refund }, voucher.Customer, program.ProgramId, member.Entries, now);
        return new CancelledRedemption(new EntityReference(LoyaltyTransaction.EntityLogicalName, refund.Id), balances.Available);
    }

    /// <summary>Marks an issued, still valid voucher used; the redemption is written under its RowVersion.</summary>
    public static void MarkUsed(IOrganizationService system, Guid caller, EntityReference? redemption, DateTime now)
    {
        var voucher = ReadForCaller(system, caller, redemption);
        VoucherRules.EnsureUsable(voucher.Status, voucher.Code, voucher.ValidUntil, now);
        try
        {
            system.Execute(StatusUpdate(voucher, RedemptionTable.RedemptionStatusChoice.Used));
        }
        catch (Exception conflict) when (BalanceWriter.IsVersionMismatch(conflict))
        {
            throw new BusinessRuleException(VoucherChanged);
        }
    }

    private static UpdateRequest StatusUpdate(Voucher voucher, RedemptionTable.RedemptionStatusChoice status) => new()
    {
        Target = new Entity(RedemptionTable.EntityLogicalName, voucher.Id)
        {
            RowVersion = voucher.RowVersion,
            [RedemptionTable.Fields.RedemptionStatus] = new OptionSetValue((int)status),
        },
        ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
    };

    private sealed record Voucher(
        Guid Id, EntityReference Customer, VoucherStatus Status, string Code, int PointsSpent, string Name, DateTime? ValidUntil,
        string? RowVersion, Guid? RewardId);

    private static Voucher ReadForCaller(IOrganizationService system, Guid caller, EntityReference? redemption)
    {
        if (system is null) throw new ArgumentNullException(nameof(system));
        if (redemption is null || redemption.LogicalName != RedemptionTable.EntityLogicalName || redemption.Id == Guid.Empty)
        {
            throw new BusinessRuleException(VoucherRules.RedemptionRequired);
        }

        if ((CallerAccess.On(system, caller, redemption) & AccessRights.WriteAccess) == 0)
        {
            throw new BusinessRuleException(RedemptionNotWritable);
        }

        var row = system.Retrieve(RedemptionTable.EntityLogicalName, redemption.Id, new ColumnSet(
            RedemptionTable.Fields.CustomerId, RedemptionTable.Fields.RedemptionStatus, RedemptionTable.Fields.VoucherCode,
            RedemptionTable.Fields.PointsSpent, RedemptionTable.Fields.Name, RedemptionTable.Fields.ValidUntil,
            RedemptionTable.Fields.RewardId));
        var customer = row.GetAttributeValue<EntityReference>(RedemptionTable.Fields.CustomerId);
        if (customer is null || !CustomerRecords.IsCustomer(customer)) throw new BusinessRuleException(VoucherRules.RedemptionRequired);
        CallerAccess.DemandWrite(system, caller, customer);

        var status = row.GetAttributeValue<OptionSetValue>(RedemptionTable.Fields.RedemptionStatus)?.Value;
        return new Voucher(
            row.Id,
            customer,
            StatusOf(status),
            row.GetAttributeValue<string>(RedemptionTable.Fields.VoucherCode) ?? string.Empty,
            row.GetAttributeValue<int?>(RedemptionTable.Fields.PointsSpent) ?? 0,
            row.GetAttributeValue<string>(RedemptionTable.Fields.Name) ?? string.Empty,
            row.GetAttributeValue<DateTime?>(RedemptionTable.Fields.ValidUntil),
            row.RowVersion,
            row.GetAttributeValue<EntityReference>(RedemptionTable.Fields.RewardId)?.Id);
    }

    private static VoucherStatus StatusOf(int? stored) => (RedemptionTable.RedemptionStatusChoice?)stored switch
    {
        RedemptionTable.RedemptionStatusChoice.Issued => VoucherStatus.Issued,
        RedemptionTable.RedemptionStatusChoice.Used => VoucherStatus.Used,
        RedemptionTable.RedemptionStatusChoice.Cancelled => VoucherStatus.Cancelled,
        _ => VoucherStatus.Expired,
    };
}
