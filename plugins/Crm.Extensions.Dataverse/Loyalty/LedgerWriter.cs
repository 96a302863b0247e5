using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Writes planned ledger entries. The planners already leave out every source key the member's ledger holds, so only new
/// entries arrive here; they go in one CreateMultiple (one request for any number of invoice lines). Idempotency rests on
/// the alternate key on <c>cx_sourcekey</c> and the deterministic row id: a racing replay of the same event fails the
/// whole batch on the key (nothing half-written), and its retry reads the ledger, plans nothing and writes nothing.
/// With the member's ledger as read, the entries carry their kept status and remaining points (<see cref="LedgerKeeping"/>)
/// and the older lots whose state moved are rewritten in one UpdateMultiple (a request only when one moved).
/// </summary>
public static class LedgerWriter
{
    /// <summary>The platform's limit of rows per bulk request.</summary>
    public const int BatchSize = 1000;

    public static void Write(IOrganizationService service, IReadOnlyList<LedgerEntry> entries, EntityReference customer, Guid programId)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (entries is null || entries.Count == 0) return;
        var rows = new EntityCollection(entries.Select(entry => (Entity)LedgerRows.ToRow(entry, customer, programId)).ToList())
        {
            EntityName = LoyaltyTransaction.EntityLogicalName,
        };
        service.Execute(new CreateMultipleRequest { Targets = rows });
    }

    /// <summary>
    /// Writes <paramref name="added"/> to the member's <paramref name="ledger"/> (as read, before them) at
    /// <paramref name="asOf"/>, keeping every lot's status and remaining points true. Returns the kept rows.
    /// </summary>
    public static KeptLedger Write(
        IOrganizationService service, IReadOnlyList<LedgerEntry> added, EntityReference customer, Guid programId,
        IReadOnlyList<LedgerEntry> ledger, DateTime asOf)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var kept = LedgerKeeping.Keep(ledger, added ?? Array.Empty<LedgerEntry>(), asOf);
        Write(service, kept.Added, customer, programId);
        WriteLots(service, kept.Changed);
        return kept;
    }

    /// <summary>
    /// New entries and moved lots of one member in one request: UpsertMultiple creates the new rows (deterministic ids) and
    /// updates only the status and remaining points of the moved ones; with nothing moved, the plain CreateMultiple.
    /// A racing replay of the same event upserts the same rows, and its member Update under the same RowVersion fails,
    /// which rolls the step back with it (the paid step runs in the payment's transaction).
    /// </summary>
    public static void Write(IOrganizationService service, KeptLedger kept, EntityReference customer, Guid programId)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (kept is null) throw new ArgumentNullException(nameof(kept));
        if (kept.Changed.Count == 0 || kept.Added.Count == 0 || kept.Added.Count + kept.Changed.Count > BatchSize)
        {
            Write(service, kept.Added, customer, programId);
            WriteLots(service, kept.Changed);
            return;
        }

        var rows = kept.Added.Select(entry => (Entity)LedgerRows.ToRow(entry, customer,
            programId)).Concat(kept.Changed.Select(LotRow)).ToList();
        // The message by name: the typed UpsertMultipleRequest is not in every SDK version the deployables build against.
        service.Execute(new OrganizationRequest("UpsertMultiple")
        {
            ["Targets"] = new EntityCollection(rows) { EntityName = LoyaltyTransaction.EntityLogicalName },
        });
    }

    /// <summary>Lots whose status or remaining points moved, in UpdateMultiple batches of at most 1,000 rows.</summary>
    public static void WriteLots(IOrganizationService service, IReadOnlyList<LotStatusChange> changes)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (changes is null) return;
        for (var start = 0; start < changes.Count; start += BatchSize)
        {
            var rows = changes.Skip(start).Take(BatchSize).Select(LotRow).ToList();
            var targets = new EntityCollection(rows) { EntityName = LoyaltyTransaction.EntityLogicalName };
            service.Execute(new UpdateMultipleRequest { Targets = targets });
        }
    }

    private static Entity LotRow(LotStatusChange change) => new(LoyaltyTransaction.EntityLogicalName, change.EntryId)
    {
        [LoyaltyTransaction.Fields.EntryStatus] = new OptionSetValue((int)LedgerRows.StoredStatus(change.To)),
        [LoyaltyTransaction.Fields.RemainingPoints] = change.Remaining,
    };
}
