using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Journeys;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Surveys;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using JourneyTable = Crm.Extensions.EarlyBound.LoyaltyJourney;

namespace Crm.Extensions.Dataverse.Invoicing;

/// <summary>One line of a paid invoice with its product family resolved.</summary>
public sealed record PurchaseLine(Guid LineId, Guid ProductId, Guid FamilyId, decimal Amount);

/// <summary>
/// The customer of a paid invoice as read with it: stage, kept purchase facts (null before the first), stored balances, the
/// kept ledger figures (null for a member never kept) and the ledger rows read: this invoice's rows and the lots whose
/// vesting or expiry has come (<see cref="InvoicePurchaseReader"/>); the whole ledger only for a member never kept.
/// </summary>
public sealed record PurchaseCustomer(LifecycleStage Stage, PurchaseFacts? Facts, MemberBalances Stored, MemberLedger Member)
{
    public MemberFigures? Kept { get; init; }
}

/// <summary>
/// Everything the invoice-paid event needs, from one query: the lines with their families, the customer's journeys of
/// those families, whether the invoice's survey was already requested, and the customer with its ledger.
/// </summary>
public sealed record InvoicePurchase(IReadOnlyList<PurchaseLine> Lines, IReadOnlyList<FamilyJourney> Journeys, bool JourneysComplete,
    bool SurveyRequested, PurchaseCustomer Customer);

/// <summary>
/// Reads a paid invoice in one request: invoice ⟕ lines ⟕ product ⟕ parent ⟕ grandparent (the family is the
/// top-level parent), each product level ⟕ the customer's journey of that product (customer + family is the journey's
/// alternate key, so these links never multiply rows), invoice ⟕ its survey request (by request key), and invoice ⟕ the
/// customer (stage, RowVersion through <c>versionnumber</c>, tier standing, kept figures, purchase facts) ⟕ the ledger rows
/// a payment needs on kept state (<see cref="KeptMember"/>): this invoice's own rows, the lots stored pending whose vesting
/// date has come and the lots with points whose expiry has come. Rows are lines × those rows, whatever the history; a member
/// never kept is read with its whole ledger. Beyond one page of 5,000 the invoice is read again without its ledger and the
/// ledger on its own in cookie pages (paging cookies page by root row, and here there is one). A product tree deeper than the
/// join is finished one Retrieve per level, and its families' journeys are then read by the caller
/// (<see cref="InvoicePurchase.JourneysComplete"/> false): neither happens for trees of up to three levels.
/// </summary>
public static class InvoicePurchaseReader
{
    private const int JoinedLevels = 3;
    private const int PageSize = 5000;
    private const string LineAlias = "line";
    private const string SurveyAlias = "survey";
    private const string CustomerAlias = "customer";
    private const string LedgerAlias = "ledger";

    private static readonly string[] CustomerColumns =
    {
        Contact.Fields.LifecycleStage, Contact.Fields.VersionNumber, Contact.Fields.LoyaltyTierId, Contact.Fields.TierValidUntil,
        Contact.Fields.TierFloorId, Contact.Fields.IsTarget, Contact.Fields.ConsentMarketing, Contact.Fields.PointsBalance,
        Contact.Fields.LoyaltyBlocked, Contact.Fields.StateCode,
    };

    public static InvoicePurchase Read(IOrganizationService service, Guid invoiceId, EntityReference customer, DateTime asOf)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (customer is null) throw new ArgumentNullException(nameof(customer));
        var page = service.RetrieveMultiple(Query(invoiceId, customer, asOf, withLedger: true));
        var rows = page.Entities.ToList();
        IReadOnlyList<LedgerEntry>? ledger = null;
        var whole = false;
        if (page.MoreRecords)
        {
            // Lines × ledger rows passed one page. A paging cookie pages by root row (the one invoice), so it cannot
            // split these rows: read the invoice without its ledger, and the ledger rows on their own in cookie pages
            // (the whole ledger for a member never kept).
            rows = service.RetrieveMultiple(Query(invoiceId, customer, asOf, withLedger: false)).Entities.ToList();
            whole = Customer(rows, customer, Array.Empty<LedgerEntry>()).Kept is null;
            ledger = LedgerOf(service, customer, whole ? null : Needed(invoiceId, asOf));
        }

        var buyer = Customer(rows, customer, ledger);
        if (!whole && buyer.Kept is null && buyer.Member.Entries.Count == 0)
        {
            // Never kept and no row at all (every row written since the kept figures carries its remaining points, and every
            // writer of rows keeps the figures): a new member, whose kept state is empty.
            buyer = buyer with { Kept = MemberFigures.Empty };
        }
        else if (!whole && buyer.Kept is null)
        {
            // A member never kept (its rows predate the kept figures): its whole ledger, once; the payment then keeps it.
            buyer = buyer with { Member = buyer.Member with { Entries = LedgerOf(service, customer, null) } };
        }

        var lineRows = rows.Where(row => Linked<Guid?>(row, LineAlias, InvoiceDetail.Fields.InvoiceDetailId) is not null).ToList();
        var parentOf = new Dictionary<Guid, Guid?>();
        foreach (var row in lineRows)
        {
            var current = Linked<EntityReference>(row, LineAlias, InvoiceDetail.Fields.ProductId)?.Id;
            for (var level = 0; level < JoinedLevels && current is { } productId; level++)
            {
                var parent = Linked<EntityReference>(row, "p" + level, Product.Fields.ParentProductId)?.Id;
                parentOf[productId] = parent;
                current = parent;
            }
        }

        var complete = !CompleteDeepTrees(service, parentOf);
        var lines = lineRows.GroupBy(row => Linked<Guid?>(row, LineAlias, InvoiceDetail.Fields.InvoiceDetailId))
            .Select(group => group.First())
            .Where(row => Linked<EntityReference>(row, LineAlias, InvoiceDetail.Fields.ProductId) is not null)
            .Select(row =>
            {
                var productId = Linked<EntityReference>(row, LineAlias, InvoiceDetail.Fields.ProductId)!.Id;
                return new PurchaseLine(Linked<Guid?>(row, LineAlias, InvoiceDetail.Fields.InvoiceDetailId)!.Value, productId,
                    Domain.Loyalty.Journeys.ProductFamilies.FamilyOf(productId, parentOf),
                    Linked<Money>(row, LineAlias, InvoiceDetail.Fields.ExtendedAmount)?.Value ?? 0m);
            })
            .ToList();
        var journeys = Enumerable.Range(0, JoinedLevels)
            .SelectMany(level => lineRows.Select(row => Unaliased(row, "j" + level)))
            .Where(journey => journey.Contains(JourneyTable.Fields.LoyaltyJourneyId))
            .GroupBy(journey => journey.GetAttributeValue<Guid>(JourneyTable.Fields.LoyaltyJourneyId))
            .Select(group => JourneyRows.FromRow(group.First()))
            .ToList();
        var requested = rows.Any(
            row => Linked<string>(row, SurveyAlias, SatisfactionSurvey.Fields.RequestKey) == SurveyLoop.RequestKey(invoiceId));
        return new InvoicePurchase(lines, journeys, complete, requested, buyer);
    }

    private static QueryExpression Query(Guid invoiceId, EntityReference customer, DateTime asOf, bool withLedger)
    {
        var query = new QueryExpression(Invoice.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(Invoice.Fields.InvoiceId),
            Criteria = { Conditions = { new ConditionExpression(Invoice.Fields.InvoiceId, ConditionOperator.Equal, invoiceId) } },
            PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 },
        };
        var lines = query.AddLink(InvoiceDetail.EntityLogicalName, Invoice.Fields.InvoiceId, InvoiceDetail.Fields.InvoiceId,
            JoinOperator.LeftOuter);
        lines.EntityAlias = LineAlias;
        lines.Columns = new ColumnSet(InvoiceDetail.Fields.InvoiceDetailId, InvoiceDetail.Fields.ProductId,
            InvoiceDetail.Fields.ExtendedAmount);
        var from = lines;
        var fromColumn = InvoiceDetail.Fields.ProductId;
        for (var level = 0; level < JoinedLevels; level++)
        {
            var product = from.AddLink(Product.EntityLogicalName, fromColumn, Product.Fields.ProductId, JoinOperator.LeftOuter);
            product.EntityAlias = "p" + level;
            product.Columns = new ColumnSet(Product.Fields.ParentProductId);
            var journey = product.AddLink(JourneyTable.EntityLogicalName, Product.Fields.ProductId, JourneyTable.Fields.ProductFamilyId,
                JoinOperator.LeftOuter);
            journey.EntityAlias = "j" + level;
            journey.Columns = new ColumnSet(JourneyRows.Columns.Concat(new[] { JourneyTable.Fields.LoyaltyJourneyId }).ToArray());
            journey.LinkCriteria.AddCondition(JourneyTable.Fields.CustomerId, ConditionOperator.Equal, customer.Id);
            from = product;
            fromColumn = Product.Fields.ParentProductId;
        }

        var survey = query.AddLink(SatisfactionSurvey.EntityLogicalName, Invoice.Fields.InvoiceId, SatisfactionSurvey.Fields.InvoiceId,
            JoinOperator.LeftOuter);
        survey.EntityAlias = SurveyAlias;
        survey.Columns = new ColumnSet(SatisfactionSurvey.Fields.RequestKey);
        survey.LinkCriteria.AddCondition(SatisfactionSurvey.Fields.RequestKey, ConditionOperator.Equal, SurveyLoop.RequestKey(invoiceId));

        var primaryKey = customer.LogicalName == Account.EntityLogicalName ? Account.Fields.AccountId : Contact.Fields.ContactId;
        var buyer = query.AddLink(customer.LogicalName, Invoice.Fields.CustomerId, primaryKey, JoinOperator.LeftOuter);
        buyer.EntityAlias = CustomerAlias;
        buyer.Columns = new ColumnSet(CustomerColumns.Concat(MemberFiguresColumns.Columns).Concat(PurchaseFactsColumns.Columns).ToArray());
        if (!withLedger) return query;
        var ledger = buyer.AddLink(LoyaltyTransaction.EntityLogicalName, primaryKey, LoyaltyTransaction.Fields.CustomerId,
            JoinOperator.LeftOuter);
        ledger.EntityAlias = LedgerAlias;
        ledger.Columns = new ColumnSet(LedgerRows.Columns.Concat(new[] { LoyaltyTransaction.Fields.LoyaltyTransactionId }).ToArray());
        ledger.LinkCriteria = Needed(invoiceId, asOf);
        return query;
    }

    /// <summary>
    /// The ledger rows a payment on kept state needs: this invoice's own rows (which lines already earned, and the invoice's
    /// part of the window), lots stored pending whose vesting date has come, and lots with points whose expiry has come.
    /// </summary>
    private static FilterExpression Needed(Guid invoiceId, DateTime asOf)
    {
        var pending = (int)GlobalChoices.LedgerEntryStatus.Pending;
        var available = (int)GlobalChoices.LedgerEntryStatus.Available;
        var needed = new FilterExpression(LogicalOperator.Or);
        needed.AddCondition(LoyaltyTransaction.Fields.InvoiceId, ConditionOperator.Equal, invoiceId);
        // Rows written before the ledger kept remaining points: a member never kept is then read whole (once); a kept member's
        // untouched legacy lots come along until the ledger run fills them in.
        needed.AddCondition(LoyaltyTransaction.Fields.RemainingPoints, ConditionOperator.Null);
        var vesting = needed.AddFilter(LogicalOperator.And);
        vesting.AddCondition(LoyaltyTransaction.Fields.EntryStatus, ConditionOperator.Equal, pending);
        vesting.AddCondition(LoyaltyTransaction.Fields.AvailableOn, ConditionOperator.LessEqual, asOf);
        var expiring = needed.AddFilter(LogicalOperator.And);
        expiring.AddCondition(LoyaltyTransaction.Fields.EntryStatus, ConditionOperator.In, pending, available);
        expiring.AddCondition(LoyaltyTransaction.Fields.ExpiresOn, ConditionOperator.LessEqual, asOf);
        return needed;
    }

    /// <summary>The customer's ledger rows (all, or those <paramref name="needed"/>) in 5,000-row cookie pages.</summary>
    private static IReadOnlyList<LedgerEntry> LedgerOf(IOrganizationService service, EntityReference customer, FilterExpression? needed)
    {
        var query = new QueryExpression(LoyaltyTransaction.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(LedgerRows.Columns.Concat(new[] { LoyaltyTransaction.Fields.LoyaltyTransactionId }).ToArray()),
            Criteria = {
                Conditions = { new ConditionExpression(LoyaltyTransaction.Fields.CustomerId, ConditionOperator.Equal, customer.Id) } },
            Orders = { new OrderExpression(LoyaltyTransaction.Fields.LoyaltyTransactionId, OrderType.Ascending) },
            PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 },
        };
        if (needed is not null) query.Criteria.AddFilter(needed);
        var entries = new List<LedgerEntry>();
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            entries.AddRange(
                page.Entities.Select(row => LedgerRows.FromRow(row)).Where(entry => entry is not null).Select(entry => entry!));
            if (!page.MoreRecords) return entries;
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }

    private static PurchaseCustomer Customer(IReadOnlyList<Entity> rows, EntityReference customer, IReadOnlyList<LedgerEntry>? ledger)
    {
        var first = rows.FirstOrDefault(row => Linked<long?>(row, CustomerAlias, Contact.Fields.VersionNumber) is not null)
            ?? throw new BusinessRuleException(new LocalizedText(
                $"The invoice's customer ({customer.LogicalName} {customer.Id}) does not exist.",
                $"El cliente de la factura ({customer.LogicalName} {customer.Id}) no existe."));
        T? Column<T>(string column) => Linked<T>(first, CustomerAlias, column);
        var entries = ledger
            ?? rows.Select(row => LedgerRows.FromRow(row, LedgerAlias)).Where(entry => entry is not null).Select(entry => entry!)
            .GroupBy(entry => entry.Id).Select(group => group.First()).ToList();
        var member = new MemberLedger(customer, Column<long?>(Contact.Fields.VersionNumber)!.Value.ToString(CultureInfo.InvariantCulture),
            Column<EntityReference>(Contact.Fields.LoyaltyTierId)?.Id, entries)
        {
            TierValidUntil = Column<DateTime?>(Contact.Fields.TierValidUntil),
            TierFloorId = Column<EntityReference>(Contact.Fields.TierFloorId)?.Id,
            InTargetBase = Column<bool?>(Contact.Fields.IsTarget) ?? false,
            OptedOutOfMarketing = Column<bool?>(Contact.Fields.ConsentMarketing) != true,
            IsBlocked = Column<bool?>(Contact.Fields.LoyaltyBlocked) == true,
            IsInactive = (Column<OptionSetValue>(Contact.Fields.StateCode)?.Value ?? 0) != 0,
        };
        var stored = new MemberBalances(Column<int?>(Contact.Fields.PointsBalance) ?? 0,
            Column<int?>(Contact.Fields.PendingPoints) ?? 0, Column<int?>(Contact.Fields.QualifyingPoints) ?? 0,
            Column<int?>(Contact.Fields.PointsDebt) ?? 0);
        object? Raw(string column) => first.GetAttributeValue<AliasedValue>(CustomerAlias + "." + column)?.Value;
        var facts = PurchaseFactsColumns.From(Raw);
        return new PurchaseCustomer(CustomerLifecycleReader.StageFrom(Column<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value),
            facts, stored, member)
        {
            Kept = MemberFiguresColumns.From(Raw),
        };
    }

    /// <summary>
    /// A parent the join did not reach (a tree deeper than <see cref="JoinedLevels"/>): read upwards until the root. True when it had to.
    /// </summary>
    private static bool CompleteDeepTrees(IOrganizationService service, Dictionary<Guid, Guid?> parentOf)
    {
        var open = parentOf.Values.Where(parent => parent is { } id && !parentOf.ContainsKey(id)).Select(parent => parent!.Value).Distinct()
            .ToList();
        var deep = open.Count > 0;
        while (open.Count > 0)
        {
            var next = new List<Guid>();
            foreach (var productId in open)
            {
                var parent = service.Retrieve(Product.EntityLogicalName, productId, new ColumnSet(Product.Fields.ParentProductId))
                    .GetAttributeValue<EntityReference>(Product.Fields.ParentProductId)?.Id;
                parentOf[productId] = parent;
                if (parent is { } id && !parentOf.ContainsKey(id)) next.Add(id);
            }

            open = next.Distinct().ToList();
        }

        return deep;
    }

    private static Entity Unaliased(Entity row, string alias)
    {
        var entity = new Entity(JourneyTable.EntityLogicalName);
        foreach (var attribute in row.Attributes)
        {
            if (attribute.Key.StartsWith(alias + ".", StringComparison.Ordinal) && attribute.Value is AliasedValue aliased)
            {
                entity[attribute.Key.Substring(alias.Length + 1)] = aliased.Value;
            }
        }

        return entity;
    }

    private static T? Linked<T>(Entity row, string alias, string column) =>
        row.GetAttributeValue<AliasedValue>(alias + "." + column) is { Value: T value } ? value : default;
}
