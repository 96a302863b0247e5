using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// The ledger rows of the tier window, read only when the oldest purchase kept in it has left it (<see cref="KeptMember"/>):
/// the earns on or after the window's start, then every earn and reversal of their invoices (an invoice counts in the
/// window by its first earn, and each earn net of its line's reversals, so an invoice is read whole). Bounded by the
/// purchases in the window, not by the member's history; key pages, so no row is skipped.
/// </summary>
public static class WindowLedgerReader
{
    /// <summary>At most this many invoice ids per In condition (the platform's guidance keeps In lists short).</summary>
    private const int IdsPerQuery = 500;

    public static IReadOnlyList<LedgerEntry> Read(IOrganizationService service, Guid customerId, DateTime windowStart)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var earns = Query(customerId);
        earns.Criteria.AddCondition(LoyaltyTransaction.Fields.EntryType, ConditionOperator.Equal, (int)GlobalChoices.LedgerEntryType.Earn);
        earns.Criteria.AddCondition(LoyaltyTransaction.Fields.EarnedOn, ConditionOperator.GreaterEqual, windowStart);
        earns.Criteria.AddCondition(LoyaltyTransaction.Fields.InvoiceId, ConditionOperator.NotNull);
        var invoices = QueryPages.AllByKey(service, earns, LoyaltyTransaction.Fields.LoyaltyTransactionId)
            .Select(row => row.GetAttributeValue<EntityReference>(LoyaltyTransaction.Fields.InvoiceId)!.Id)
            .Distinct()
            .ToList();
        var rows = new List<LedgerEntry>();
        for (var start = 0; start < invoices.Count; start += IdsPerQuery)
        {
            var whole = Query(customerId);
            whole.Criteria.AddCondition(LoyaltyTransaction.Fields.EntryType, ConditionOperator.In,
                (int)GlobalChoices.LedgerEntryType.Earn, (int)GlobalChoices.LedgerEntryType.Reverse);
            whole.Criteria.AddCondition(new ConditionExpression(LoyaltyTransaction.Fields.InvoiceId, ConditionOperator.In,
                invoices.Skip(start).Take(IdsPerQuery).Cast<object>().ToArray()));
            rows.AddRange(QueryPages.AllByKey(service, whole, LoyaltyTransaction.Fields.LoyaltyTransactionId)
                .Select(row => LedgerRows.FromRow(row)).Where(entry => entry is not null).Select(entry => entry!));
        }

        return rows;
    }

    private static QueryExpression Query(Guid customerId) => new(LoyaltyTransaction.EntityLogicalName)
    {
        ColumnSet = new ColumnSet(LedgerRows.Columns.Concat(new[] { LoyaltyTransaction.Fields.LoyaltyTransactionId }).ToArray()),
        Criteria = { Conditions = { new ConditionExpression(LoyaltyTransaction.Fields.CustomerId, ConditionOperator.Equal, customerId) } },
    };
}
