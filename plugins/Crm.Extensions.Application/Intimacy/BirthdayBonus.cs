using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Dataverse;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Application.Intimacy;

/// <summary>Bonuses credited now, members who already had this year's bonus, and members refused by the balance cap.</summary>
public sealed record BirthdayBonusResult(int Granted, int AlreadyGranted, int Refused)
{
    public static readonly BirthdayBonusResult None = new(0, 0, 0);
}

/// <summary>
/// Asks the loyalty ledger for the birthday bonus of each member, exactly once per contact and year: the entry's source key
/// is <see cref="SourceKeys.Birthday"/> (an alternate key) and its row id is derived from that key, and the planner leaves
/// out a key the member's ledger already holds. The amount is the active program's cx_birthdaybonuspoints (none = no bonus).
/// Per 1,000 members: one query for their rows (RowVersion), the ledger rows in 5,000-row pages, one CreateMultiple; then one
/// balance update per credited member under its RowVersion (a balance is never written without the concurrency check).
/// </summary>
public static class BirthdayBonus
{
    public const int BatchSize = 1000;

    public static BirthdayBonusResult Grant(IOrganizationService service, IReadOnlyList<Guid> memberContactIds, int year, DateTime now,
        ITracingService? tracing)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (memberContactIds is null) throw new ArgumentNullException(nameof(memberContactIds));
        if (memberContactIds.Count == 0) return BirthdayBonusResult.None;
        var program = LoyaltyProgramReader.Active(service);
        if (program is null) return BirthdayBonusResult.None;
        var points = service.Retrieve(LoyaltyProgram.EntityLogicalName, program.ProgramId,
            new ColumnSet(LoyaltyProgram.Fields.BirthdayBonusPoints))
            .ToEntity<LoyaltyProgram>().BirthdayBonusPoints ?? 0;
        if (points <= 0) return BirthdayBonusResult.None;

        var result = BirthdayBonusResult.None;
        for (var start = 0; start < memberContactIds.Count; start += BatchSize)
        {
            var batch = memberContactIds.Skip(start).Take(BatchSize).ToList();
            result = Add(result, GrantBatch(service, program, batch, points, year, now, tracing));
        }

        return result;
    }

    private static BirthdayBonusResult GrantBatch(
        IOrganizationService service, LoyaltyProgramConfiguration program, IReadOnlyList<Guid> contactIds, int points, int year,
        DateTime now, ITracingService? tracing)
    {
        var versions = RowVersions(service, contactIds);
        var ledgers = Ledgers(service, contactIds);
        var planned = new List<MemberLedger>();
        var already = 0;
        var refused = 0;
        foreach (var contactId in contactIds.Where(versions.ContainsKey))
        {
            var entries = ledgers.TryGetValue(contactId, out var found) ? found : new List<LedgerEntry>();
            try
            {
                var bonus = BonusPlanner.Birthday(contactId, year, points, now, program.Settings, entries);
                if (bonus is null)
                {
                    already++;
                    continue;
                }

                var customer = new EntityReference(Contact.EntityLogicalName, contactId);
                planned.Add(new MemberLedger(customer, versions[contactId], null, entries.Concat(new[] { bonus }).ToList()));
            }
            catch (BusinessRuleException refusal)
            {
                // The balance cap refuses a bonus outright (DEFAULTS.md); one capped member must not cost everyone else theirs.
                refused++;
                tracing?.Trace("Birthday bonus refused for contact {0}: {1}", contactId, refusal.Text.English);
            }
        }

        if (planned.Count == 0) return new BirthdayBonusResult(0, already, refused);
        // Each bonus with its kept state (a bonus vests at once and first pays any debt), and the older lots that moved.
        var kept = planned.Select(member => LedgerKeeping.Keep(
            member.Entries.Take(member.Entries.Count - 1).ToList(), new[] { member.Entries[member.Entries.Count - 1] }, now)).ToList();
        var rows = planned.Select((member, index) => (Entity)LedgerRows.ToRow(kept[index].Added[0], member.Customer,
            program.ProgramId)).ToList();
        service.Execute(
            new CreateMultipleRequest { Targets = new EntityCollection(rows) { EntityName = LoyaltyTransaction.EntityLogicalName } });
        LedgerWriter.WriteLots(service, kept.SelectMany(member => member.Changed).ToList());
        foreach (var member in planned)
        {
            BalanceWriter.Write(service, member, now, program.Settings, () => MemberLedgerReader.Read(service, member.Customer));
        }

        return new BirthdayBonusResult(planned.Count, already, refused);
    }

    private static Dictionary<Guid, string?> RowVersions(IOrganizationService service, IReadOnlyList<Guid> contactIds)
    {
        var query = new QueryExpression(Contact.EntityLogicalName) { ColumnSet = new ColumnSet(Contact.Fields.ContactId) };
        query.Criteria.AddCondition(Contact.Fields.ContactId, ConditionOperator.In, contactIds.Cast<object>().ToArray());
        return service.RetrieveMultiple(query).Entities.ToDictionary(row => row.Id, row => (string?)row.RowVersion);
    }

    private static Dictionary<Guid, List<LedgerEntry>> Ledgers(IOrganizationService service, IReadOnlyList<Guid> contactIds)
    {
        var query = new QueryExpression(LoyaltyTransaction.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(LedgerRows.Columns.Concat(new[] { LoyaltyTransaction.Fields.LoyaltyTransactionId }).ToArray()),
            Orders = { new OrderExpression(LoyaltyTransaction.Fields.LoyaltyTransactionId, OrderType.Ascending) },
        };
        query.Criteria.AddCondition(LoyaltyTransaction.Fields.CustomerId, ConditionOperator.In, contactIds.Cast<object>().ToArray());
        return QueryPages.All(service, query)
            .Select(row => LedgerRows.FromRow(row))
            .Where(entry => entry is not null)
            .Select(entry => entry!)
            .GroupBy(entry => entry.CustomerId)
            .ToDictionary(group => group.Key, group => group.ToList());
    }

    private static BirthdayBonusResult Add(BirthdayBonusResult a, BirthdayBonusResult b) =>
        new(a.Granted + b.Granted, a.AlreadyGranted + b.AlreadyGranted, a.Refused + b.Refused);
}
