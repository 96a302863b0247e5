using System;
using System.Linq;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Application.Loyalty;

/// <summary>What an adjustment left: its ledger entry and the member's available balance after it.</summary>
public sealed record AdjustedPoints(EntityReference Entry, int Balance);

/// <summary>
/// cx_AdjustPoints, the one guarded path for manual changes to a member's points: the inputs are checked, the
/// AdjustmentPlanner decides, then the balance is written under RowVersion first (a concurrent payment or redemption makes
/// this one fail before it writes anything) and the Adjust entry after it, both in the API's transaction.
/// </summary>
public static class AdjustPoints
{
    public static readonly LocalizedText CustomerRequired = new(
        "Choose the customer (a contact or an account) whose points are adjusted.",
        "Elija el cliente (un contacto o una cuenta) cuyos puntos se ajustan.");

    public static readonly LocalizedText ReasonRequired = new(
        "Choose the reason for the adjustment (goodwill, correction, service recovery, fraud, migration or other).",
        "Elija el motivo del ajuste (cortesía, corrección, recuperación del servicio, fraude, migración u otro).");

    public static readonly LocalizedText NoProgram = new(
        "No loyalty program is active, so no points can be adjusted.",
        "No hay ningún programa de fidelización activo, así que no se pueden ajustar puntos.");

    public static readonly LocalizedText BalanceChanged = new(
        "The customer's available points changed while the adjustment was being made. Nothing was adjusted; please try again.",
        "Los puntos disponibles del cliente cambiaron mientras se hacía el ajuste. No se ajustó nada; vuelva a intentarlo.");

    /// <param name="adjustedBy">The user who asked (kept on the entry: the row itself is written as SYSTEM).</param>
    public static AdjustedPoints Run(
        IUseCaseContext context, EntityReference? customer, int? points, OptionSetValue? reason, string? note, Guid adjustedBy)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(AdjustPoints);
        var service = context.SystemService;
        var now = context.Clock.UtcNow;
        // As the caller: a customer the caller cannot read fails here with the platform's privilege error, writing nothing.
        if (customer is not null && CustomerRecords.IsCustomer(customer))
            context.UserService.Retrieve(customer.LogicalName, customer.Id, new ColumnSet(false));
        if (customer is null || !CustomerRecords.IsCustomer(customer) || customer.Id == Guid.Empty)
            throw new BusinessRuleException(CustomerRequired);
        if (reason is null || !Enum.IsDefined(typeof(GlobalChoices.AdjustmentReason), reason.Value))
            throw new BusinessRuleException(ReasonRequired);
        if (points is null) throw new BusinessRuleException(AdjustmentPlanner.NonZero);

        var program = LoyaltyProgramReader.Active(service) ?? throw new BusinessRuleException(NoProgram);
        var member = MemberLedgerReader.Read(service, customer);
        var request = new AdjustmentRequest(customer.Id, points.Value, reason.Value, note ?? string.Empty, adjustedBy, Guid.NewGuid());
        var entry = AdjustmentPlanner.Plan(request, now, program.Settings, member.Entries);
        MemberBalances balances;
        try
        {
            balances = BalanceWriter.WriteOnce(service, member with { Entries = member.Entries.Concat(new[] { entry }).ToList() }, now,
                program.Settings);
        }
        catch (Exception conflict) when (BalanceWriter.IsVersionMismatch(conflict))
        {
            // Inside the API's transaction a failed request cannot be retried: refuse clearly instead.
            throw new BusinessRuleException(BalanceChanged);
        }

        LedgerWriter.Write(service, new[] { entry }, customer, program.ProgramId, member.Entries, now);
        return new AdjustedPoints(new EntityReference(LoyaltyTransaction.EntityLogicalName, entry.Id), balances.Available);
    }
}
