using System;
using System.Collections.Generic;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>The whole ledger, for the period runs (ledger processing and tier evaluation).</summary>
public static class LedgerReader
{
    /// <summary>
    /// Every ledger row, in 5,000-row pages; <paramref name="customers"/> collects each member's reference. With
    /// <paramref name="unreadable"/>, a row that cannot be read sets its member aside (with the reason) instead of failing.
    /// </summary>
    public static List<LedgerEntry> ReadAll(
        IOrganizationService service, Dictionary<Guid, EntityReference> customers, Dictionary<Guid, LocalizedText>? unreadable = null)
    {
        var query = new QueryExpression(LoyaltyTransaction.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(LedgerRows.Columns),
            Orders = { new OrderExpression(LoyaltyTransaction.Fields.LoyaltyTransactionId, OrderType.Ascending) },
        };
        var entries = new List<LedgerEntry>();
        foreach (var row in QueryPages.AllByKey(service, query, LoyaltyTransaction.Fields.LoyaltyTransactionId))
        {
            var customer = row.GetAttributeValue<EntityReference>(LoyaltyTransaction.Fields.CustomerId);
            if (customer is not null) customers[customer.Id] = customer;
            try
            {
                if (LedgerRows.FromRow(row) is { } entry) entries.Add(entry);
            }
            catch (BusinessRuleException refusal) when (unreadable is not null && customer is not null)
            {
                unreadable[customer.Id] = refusal.Text;
            }
        }

        return entries;
    }
}
