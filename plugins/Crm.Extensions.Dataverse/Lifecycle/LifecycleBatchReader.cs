using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Lifecycle;

/// <summary>One page of aging customers with their facts, and where the next page starts.</summary>
public sealed record LifecyclePage(IReadOnlyList<CustomerLifecycle> Customers, Guid? LastId, bool MoreRecords);

/// <summary>
/// The scheduled evaluation's reader: one page of the aging customers (<see cref="LifecycleCandidates"/>) of one table after a
/// key cursor (ids greater than the last one read, ordered by id: the evaluation moves customers out of the selection, so
/// a page number or a cookie the platform may not honour would skip the rows behind them), and for that page ONE facts
/// query (paid invoices of the page's customers ⟕ their answered surveys), itself paged by 5,000 rows. Requests per page =
/// 1 + ceil(invoice rows of the page / 5,000), never one query per customer.
/// </summary>
public static class LifecycleBatchReader
{
    public const int PageSize = 5000;
    private const string SurveyAlias = "answer";

    public static LifecyclePage ReadPage(IOrganizationService service, DateTime asOf, LifecycleThresholds thresholds, string table,
        Guid? after, int pageSize = PageSize)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (thresholds is null) throw new ArgumentNullException(nameof(thresholds));
        var page = QueryPages.ByKey(service, LifecycleCandidates.Query(table), LifecycleCandidates.PrimaryKey(table), after, pageSize);
        var customers = page.Rows.Count == 0 ? Array.Empty<CustomerLifecycle>() : WithFacts(service, page.Rows, asOf, thresholds);
        return new LifecyclePage(customers, page.LastId, page.MoreRecords);
    }

    private static IReadOnlyList<CustomerLifecycle> WithFacts(IOrganizationService service, IReadOnlyList<Entity> customers, DateTime asOf,
        LifecycleThresholds thresholds)
    {
        var invoices = PaidInvoices(service, customers.Select(c => c.Id).ToList(), asOf);
        var windowStart = asOf.AddMonths(-thresholds.LoyalWindowMonths);
        return customers.Select(row =>
        {
            var rows = invoices.TryGetValue(row.Id, out var found) ? found : new List<PaidInvoice>();
            var mine = rows.GroupBy(invoice => invoice.InvoiceId).Select(group => group.First()).ToList();
            var facts = new CustomerLifecycleFacts(
                mine.Count,
                mine.Count(invoice => invoice.PaidOn >= windowStart && invoice.PaidOn <= asOf),
                mine.Count == 0 ? null : mine.Max(invoice => invoice.PaidOn),
                rows.Where(invoice => invoice.Nps is not null).OrderByDescending(invoice => invoice.AnsweredOn ?? DateTime.MinValue)
                    .Select(invoice => invoice.Nps).FirstOrDefault());
            var stage = CustomerLifecycleReader.StageFrom(row.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value);
            return new CustomerLifecycle(row.ToEntityReference(), stage, facts);
        }).ToList();
    }

    /// <summary>
    /// One row per paid invoice and answered survey (an invoice without an answer gives one row). A paid invoice's last modification is its
    /// payment date (paid invoices are read-only), as the single reader has it.
    /// </summary>
    private static Dictionary<Guid, List<PaidInvoice>> PaidInvoices(IOrganizationService service, IReadOnlyList<Guid> customerIds,
        DateTime asOf)
    {
        var query = new QueryExpression(Invoice.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(Invoice.Fields.CustomerId, Invoice.Fields.ModifiedOn),
            Orders = { new OrderExpression(Invoice.Fields.InvoiceId, OrderType.Ascending) },
        };
        query.Criteria.AddCondition(Invoice.Fields.StateCode, ConditionOperator.Equal, InvoiceStates.Paid);
        query.Criteria.AddCondition(Invoice.Fields.CustomerId, ConditionOperator.In, customerIds.Cast<object>().ToArray());
        var answers = query.AddLink(SatisfactionSurvey.EntityLogicalName, Invoice.Fields.InvoiceId, SatisfactionSurvey.Fields.InvoiceId,
            JoinOperator.LeftOuter);
        answers.EntityAlias = SurveyAlias;
        answers.Columns = new ColumnSet(SatisfactionSurvey.Fields.NpsScore, SatisfactionSurvey.Fields.AnsweredOn);
        answers.LinkCriteria.AddCondition(SatisfactionSurvey.Fields.NpsScore, ConditionOperator.NotNull);

        var byCustomer = new Dictionary<Guid, List<PaidInvoice>>();
        foreach (var row in QueryPages.All(service, query))
        {
            var invoice = row.ToEntity<Invoice>();
            if (invoice.CustomerId is not { } customer) continue;
            if (!byCustomer.TryGetValue(customer.Id, out var list)) byCustomer[customer.Id] = list = new List<PaidInvoice>();
            list.Add(new PaidInvoice(
                invoice.Id,
                invoice.ModifiedOn ?? asOf,
                Linked<int?>(row, SatisfactionSurvey.Fields.NpsScore),
                Linked<DateTime?>(row, SatisfactionSurvey.Fields.AnsweredOn)));
        }

        return byCustomer;
    }

    private static T? Linked<T>(Entity row, string column) =>
        row.GetAttributeValue<AliasedValue>(SurveyAlias + "." + column) is { Value: T value } ? value : default;

    private sealed record PaidInvoice(Guid InvoiceId, DateTime PaidOn, int? Nps, DateTime? AnsweredOn);
}
