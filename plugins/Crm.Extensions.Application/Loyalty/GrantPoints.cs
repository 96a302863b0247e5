using System;
using System.Linq;
using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Dataverse.Security;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Loyalty;

/// <summary>What a grant left in the ledger: the entry, and whether this call wrote it (false on a replay).</summary>
public sealed class GrantedPoints
{
    public GrantedPoints(EntityReference entry, bool written)
    {
        Entry = entry;
        Written = written;
    }

    public EntityReference Entry { get; }

    public bool Written { get; }
}

/// <summary>
/// A manual credit (goodwill, campaign) of points to a member. The caller's source key names the event; the ledger key is
/// <see cref="SourceKeys.Bonus"/>(source key, customer), so the same event credits each customer once: a replay finds the
/// key in the member's ledger (<see cref="BonusPlanner"/> plans nothing), writes nothing and returns the entry written the
/// first time. A credit above the program's maximum balance is refused (BonusPlanner). The entry goes through
/// <see cref="LedgerWriter"/> (alternate key on cx_sourcekey, deterministic id) and the balances through
/// <see cref="BalanceWriter"/> under RowVersion, retried once from a fresh read.
/// </summary>
public static class GrantPoints
{
    /// <summary>cx_sourcekey holds 200 characters; "bonus:" + key + ":" + customer id must fit.</summary>
    public const int MaxSourceKeyLength = 200 - 43;

    /// <summary>cx_loyaltytransaction.cx_reason holds 400 characters; a longer reason is refused, never cut.</summary>
    public const int MaxReasonLength = 400;

    public static readonly LocalizedText CustomerRequired = new(
        "Choose the customer (a contact or an account) who receives the points.",
        "Elija el cliente (un contacto o una cuenta) que recibe los puntos.");

    public static readonly LocalizedText SourceKeyRequired = new(
        $"Give a source key (at most {MaxSourceKeyLength} characters) that names the event the points are for, so running the step again " +
        $"never grants them twice.",
        $"Indique una clave de origen (como mucho {MaxSourceKeyLength} caracteres) que identifique el motivo de los puntos, para que " +
        $"repetir el paso nunca los conceda dos veces.");

    public static readonly LocalizedText NoProgram = new(
        "No loyalty program is active, so no points can be granted.",
        "No hay ningún programa de fidelización activo, así que no se pueden conceder puntos.");

    public static readonly LocalizedText DefaultReason = new("Points granted by a workflow.", "Puntos concedidos por un proceso.");

    /// <param name="grantedBy">
    /// The user the grant is made for (the workflow's user). Minting points is a loyalty administrator's decision: the user
    /// must be able to write the active program (<see cref="CallerAccess.IsLoyaltyAdministrator"/>), checked before any write.
    /// </param>
    public static GrantedPoints Run(
        IUseCaseContext context, Guid grantedBy, EntityReference? customer, int points, string? reason, string? sourceKey)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(GrantPoints);
        var service = context.SystemService;
        var now = context.Clock.UtcNow;
        customer = CustomerInput.Existing(context, customer, CustomerRequired);
        InputRules.AtMostCharacters("Reason", reason?.Trim(), MaxReasonLength);
        var eventKey = (sourceKey ?? string.Empty).Trim();
        if (eventKey.Length == 0 || eventKey.Length > MaxSourceKeyLength) throw new BusinessRuleException(SourceKeyRequired);
        var text = (reason ?? string.Empty).Trim();

        var program = LoyaltyProgramReader.Active(service) ?? throw new BusinessRuleException(NoProgram);
        var rights = CallerAccess.On(service, grantedBy, new EntityReference(LoyaltyProgram.EntityLogicalName, program.ProgramId));
        if ((rights & AccessRights.WriteAccess) == 0) throw new BusinessRuleException(CallerAccess.NotLoyaltyAdministrator);
        var member = MemberLedgerReader.Read(service, customer);
        var key = SourceKeys.Bonus(eventKey, customer.Id);
        var why = text.Length == 0 ? DefaultReason : new LocalizedText(text, text);
        var entry = BonusPlanner.Plan(customer.Id, key, points, now, why, program.Settings, member.Entries);
        if (entry is null)
        {
            var existing = member.Entries.First(e => string.Equals(e.SourceKey, key, StringComparison.Ordinal));
            return new GrantedPoints(new EntityReference(LoyaltyTransaction.EntityLogicalName, existing.Id), written: false);
        }

        LedgerWriter.Write(service, new[] { entry }, customer, program.ProgramId, member.Entries, now);
        BalanceWriter.Write(service, member with { Entries = member.Entries.Concat(new[] { entry }).ToList() }, now, program.Settings,
            () => MemberLedgerReader.Read(service, customer));
        return new GrantedPoints(new EntityReference(LoyaltyTransaction.EntityLogicalName, entry.Id), written: true);
    }
}
