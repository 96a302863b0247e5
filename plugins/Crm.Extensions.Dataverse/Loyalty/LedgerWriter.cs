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
/// </summary>
public static class LedgerWriter
{
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
}
