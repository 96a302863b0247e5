using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>A loyalty member (contact or account) as last read: its RowVersion, tier standing and whole ledger.</summary>
public sealed record MemberLedger(EntityReference Customer, string? RowVersion, Guid? TierId, IReadOnlyList<LedgerEntry> Entries)
{
    public DateTime? TierValidUntil { get; init; }

    public Guid? TierFloorId { get; init; }

    /// <summary>The customer sits in the target base of the latest portfolio analysis (product requirement: five-step process).</summary>
    public bool InTargetBase { get; init; }

    /// <summary>No recorded marketing consent (cx_consentmarketing not yes): the member never joins a marketing list.</summary>
    public bool OptedOutOfMarketing { get; init; }

    /// <summary>cx_loyaltyblocked: the customer earns and redeems no points.</summary>
    public bool IsBlocked { get; init; }

    /// <summary>The contact or account is deactivated (statecode 1): it earns and redeems no points.</summary>
    public bool IsInactive { get; init; }

    /// <summary>Neither blocked nor deactivated.</summary>
    public bool MayEarnAndRedeem => !IsBlocked && !IsInactive;
}

/// <summary>
/// Reads a member and its ledger in one request: the customer row left-joined to its <c>cx_loyaltytransaction</c> rows.
/// Contact and account carry the loyalty columns under the same logical names (Contact.Fields = Account.Fields).
/// </summary>
public static class MemberLedgerReader
{
    private const string LedgerAlias = "ledger";

    public static MemberLedger Read(IOrganizationService service, EntityReference customer)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (customer is null) throw new ArgumentNullException(nameof(customer));
        var primaryKey = customer.LogicalName == Account.EntityLogicalName ? Account.Fields.AccountId : Contact.Fields.ContactId;
        var query = new QueryExpression(customer.LogicalName)
        {
            ColumnSet = new ColumnSet(
                Contact.Fields.LoyaltyTierId, Contact.Fields.TierValidUntil, Contact.Fields.TierFloorId, Contact.Fields.IsTarget,
                Contact.Fields.ConsentMarketing,
                Contact.Fields.LoyaltyBlocked, Contact.Fields.StateCode),
            Criteria = { Conditions = { new ConditionExpression(primaryKey, ConditionOperator.Equal, customer.Id) } },
        };
        var ledger = query.AddLink(LoyaltyTransaction.EntityLogicalName, primaryKey, LoyaltyTransaction.Fields.CustomerId,
            JoinOperator.LeftOuter);
        ledger.EntityAlias = LedgerAlias;
        ledger.Columns = new ColumnSet(LedgerRows.Columns.Concat(new[] { LoyaltyTransaction.Fields.LoyaltyTransactionId }).ToArray());

        var joined = service.RetrieveMultiple(query);
        var rows = joined.Entities;
        if (rows.Count == 0)
        {
            throw new BusinessRuleException(new LocalizedText(
                $"The customer ({customer.LogicalName} {customer.Id}) does not exist.",
                $"El cliente ({customer.LogicalName} {customer.Id}) no existe."));
        }

        var first = rows[0];
        var entries = joined.MoreRecords
            ? WholeLedger(service, customer.Id)
            : rows.Select(row => LedgerRows.FromRow(row, LedgerAlias)).Where(entry => entry is not null).Select(entry => entry!).ToList();
        return new MemberLedger(customer, first.RowVersion, first.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId)?.Id,
            entries)
        {
            TierValidUntil = first.GetAttributeValue<DateTime?>(Contact.Fields.TierValidUntil),
            TierFloorId = first.GetAttributeValue<EntityReference>(Contact.Fields.TierFloorId)?.Id,
            InTargetBase = first.GetAttributeValue<bool?>(Contact.Fields.IsTarget) ?? false,
            OptedOutOfMarketing = first.GetAttributeValue<bool?>(Contact.Fields.ConsentMarketing) != true,
            IsBlocked = first.GetAttributeValue<bool?>(Contact.Fields.LoyaltyBlocked) == true,
            IsInactive = (first.GetAttributeValue<OptionSetValue>(Contact.Fields.StateCode)?.Value ?? 0) != 0,
        };
    }

    /// <summary>
    /// A ledger longer than one page (5,000 joined rows) is read again on its own, in pages with paging cookies: paging a
    /// query whose rows repeat the customer through a one-to-many join is not reliable, and one page would silently
    /// drop entries (wrong balances). The common case stays one request.
    /// </summary>
    private static List<LedgerEntry> WholeLedger(IOrganizationService service, Guid customerId)
    {
        var query = new QueryExpression(LoyaltyTransaction.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(LedgerRows.Columns),
            Criteria = {
                Conditions = { new ConditionExpression(LoyaltyTransaction.Fields.CustomerId, ConditionOperator.Equal, customerId) } },
            Orders = { new OrderExpression(LoyaltyTransaction.Fields.LoyaltyTransactionId, OrderType.Ascending) },
        };
        return QueryPages.All(service, query).Select(row => LedgerRows.FromRow(row)).Where(entry => entry is not null)
            .Select(entry => entry!).ToList();
    }
}
