using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Dataverse;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using TaskTable = Crm.Extensions.EarlyBound.Task;

namespace Crm.Extensions.Application.Loyalty;

public sealed record LedgerBatchResult(int Vested, int Expired, int Warned)
{
    /// <summary>Members with something to change were left for the next run (only with a member limit).</summary>
    public bool More { get; init; }

    /// <summary>Members whose ledger could not be worked out (for example a row without an entry type): set aside, not written.</summary>
    public IReadOnlyList<MemberFailure> Failed { get; init; } = Array.Empty<MemberFailure>();
}

/// <summary>One member the run set aside, and why (en/es).</summary>
public sealed record MemberFailure(EntityReference Customer, LocalizedText Reason);

/// <summary>
/// The period run of the ledger (LedgerProcessor): lots change status (vest, expire), expire entries are written under
/// their source keys, a task warns each customer whose points expire soon (upserted under a deterministic id from its
/// key), and the balances of every touched member are rewritten under RowVersion. Running it twice changes nothing more.
/// </summary>
public static class ProcessLoyaltyLedger
{
    public static readonly LocalizedText NoProgram = new(
        "No loyalty program is active, so there is no ledger to process.",
        "No hay ningún programa de fidelización activo, así que no hay movimientos que procesar.");

    /// <summary>cx_ProcessLoyaltyLedger: the active program's run at the operation's time; refused without a program.</summary>
    public static LedgerBatchResult Run(IUseCaseContext context, int? maxMembers)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        context.UseCase = nameof(ProcessLoyaltyLedger);
        var program = LoyaltyProgramReader.Active(context.SystemService) ?? throw new BusinessRuleException(NoProgram);
        return Run(context.SystemService, program, context.Clock.UtcNow, maxMembers);
    }

    /// <param name="maxMembers">
    /// Change at most this many members in this run and report whether more were left (null or 0: all). Members already
    /// processed have nothing left to change, so the next run continues without a cursor; each call commits its own part.
    /// Expiry warnings are written by the run that leaves nothing more (they are upserts, so repeating them is harmless).
    /// </param>
    private static LedgerBatchResult Run(IOrganizationService service, LoyaltyProgramConfiguration program, DateTime asOf,
        int? maxMembers = null)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (program is null) throw new ArgumentNullException(nameof(program));
        var customers = new Dictionary<Guid, EntityReference>();
        var unreadable = new Dictionary<Guid, LocalizedText>();
        var entries = LedgerReader.ReadAll(service, customers, unreadable);
        var failed = new List<MemberFailure>();
        var result = ProcessEachMember(entries, asOf, program, customers, unreadable, failed);

        var touched = result.StatusChanges.Select(change => change.CustomerId)
            .Concat(result.ExpiryEntries.Select(entry => entry.CustomerId))
            .Distinct().OrderBy(id => id).ToList();
        var more = maxMembers > 0 && touched.Count > maxMembers;
        var members = new HashSet<Guid>(more ? touched.Take(maxMembers!.Value) : touched);
        var statusChanges = result.StatusChanges.Where(change => members.Contains(change.CustomerId)).ToList();
        var expiries = result.ExpiryEntries.Where(entry => members.Contains(entry.CustomerId)).ToList();

        LedgerWriter.WriteLots(service, statusChanges);
        foreach (var ofMember in expiries.GroupBy(entry => entry.CustomerId))
        {
            LedgerWriter.Write(service, ofMember.ToList(), customers[ofMember.Key], program.ProgramId);
        }

        var warnings = more ? new List<ExpiryWarning>() : result.Warnings.ToList();
        foreach (var warning in warnings)
        {
            service.Execute(new UpsertRequest
            {
                Target = new Entity(TaskTable.EntityLogicalName, DeterministicId.From(warning.TaskKey))
                {
                    [TaskTable.Fields.Subject] = warning.Message.English,
                    [TaskTable.Fields.Description] = warning.Message.Spanish,
                    [TaskTable.Fields.RegardingObjectId] = customers[warning.CustomerId],
                    [TaskTable.Fields.ScheduledEnd] = warning.FirstExpiresOn,
                },
            });
        }

        foreach (var customerId in members)
        {
            var customer = customers[customerId];
            BalanceWriter.Write(service, MemberLedgerReader.Read(service, customer), asOf, program.Settings,
                () => MemberLedgerReader.Read(service, customer));
        }

        var vested = statusChanges.Count(change => change.From == LedgerEntryStatus.Pending && change.To == LedgerEntryStatus.Available);
        return new LedgerBatchResult(vested, expiries.Count, warnings.Count) { More = more, Failed = failed };
    }

    /// <summary>
    /// One member's ledger at a time, so one member whose ledger cannot be worked out is set aside (and reported) instead of
    /// failing the nightly run for the whole organization. Only pure computation is isolated: a failed write inside the
    /// API's transaction cannot be caught and continued on Dataverse, so nothing of a failing member is ever written.
    /// </summary>
    private static LedgerProcessResult ProcessEachMember(
        IReadOnlyList<LedgerEntry> entries, DateTime asOf, LoyaltyProgramConfiguration program,
        IReadOnlyDictionary<Guid, EntityReference> customers,
        IReadOnlyDictionary<Guid, LocalizedText> unreadable, List<MemberFailure> failed)
    {
        var changes = new List<LotStatusChange>();
        var expiries = new List<LedgerEntry>();
        var warnings = new List<ExpiryWarning>();
        var balances = new Dictionary<Guid, LedgerBalances>();
        foreach (var member in unreadable.OrderBy(pair => pair.Key))
        {
            failed.Add(new MemberFailure(customers[member.Key], member.Value));
        }

        foreach (var member in entries.Where(entry => !unreadable.ContainsKey(entry.CustomerId)).GroupBy(entry => entry.CustomerId)
            .OrderBy(group => group.Key))
        {
            LedgerProcessResult one;
            try
            {
                one = LedgerProcessor.Process(member.ToList(), asOf, program.Settings);
            }
            catch (Exception error)
                when (error is BusinessRuleException or InvalidOperationException or ArgumentException or OverflowException)
            {
                failed.Add(
                    new MemberFailure(customers[member.Key], error is BusinessRuleException refusal ? refusal.Text : new LocalizedText(
                    "This member's points movements could not be processed: " + error.Message,
                    "No se pudieron procesar los movimientos de puntos de este miembro: " + error.Message)));
                continue;
            }

            changes.AddRange(one.StatusChanges);
            expiries.AddRange(one.ExpiryEntries);
            warnings.AddRange(one.Warnings);
            foreach (var pair in one.Balances) balances[pair.Key] = pair.Value;
        }

        return new LedgerProcessResult(changes, expiries, warnings, balances);
    }
}
