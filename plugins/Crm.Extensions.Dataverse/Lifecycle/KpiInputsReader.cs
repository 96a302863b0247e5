using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Lifecycle;

/// <summary>
/// Gathers one period's KPI inputs from paid invoices (a paid invoice's last modification is its payment date, as in
/// <see cref="CustomerLifecycleReader"/>), answered surveys and the customers' CLV and target flag. A customer is active on
/// a date when they bought in the <see cref="LifecycleThresholds.LapsedAfterDays"/> before it.
/// Every query is read in 5,000-row pages with paging cookies (<see cref="QueryPages"/>), so no row past the first page is lost.
/// </summary>
public static class KpiInputsReader
{
    public static KpiInputs Read(IOrganizationService service, KpiPeriod period, LifecycleThresholds thresholds)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (period is null) throw new ArgumentNullException(nameof(period));
        if (thresholds is null) throw new ArgumentNullException(nameof(thresholds));

        var paid = Query(service, Invoice.EntityLogicalName,
            q => q.Criteria.AddCondition(Invoice.Fields.StateCode, ConditionOperator.Equal, InvoiceStates.Paid),
                Invoice.Fields.CustomerId, Invoice.Fields.TotalAmount, Invoice.Fields.ModifiedOn)
            .Select(r => r.ToEntity<Invoice>())
            .Where(invoice => invoice.CustomerId is not null)
            .Select(invoice => new Purchase(invoice.CustomerId!.Id, invoice.ModifiedOn ?? default, invoice.TotalAmount?.Value ?? 0m))
            .ToList();
        var byCustomer = paid.GroupBy(p => p.CustomerId).ToList();
        var lapse = TimeSpan.FromDays(thresholds.LapsedAfterDays);
        var activeAtStart = byCustomer.Where(g => g.Any(p => p.On >= period.StartUtc - lapse && p.On < period.StartUtc)).ToList();
        var inPeriod = paid.Where(p => p.On >= period.StartUtc && p.On < period.EndUtc).ToList();
        var customers = Contacts(service).Concat(Accounts(service)).ToList();
        var targets = new HashSet<Guid>(customers.Where(c => c.IsTarget).Select(c => c.Id));
        var buyers = new HashSet<Guid>(byCustomer.Select(g => g.Key));

        return new KpiInputs(
            byCustomer.Count(g => g.Min(p => p.On) >= period.StartUtc && g.Min(p => p.On) < period.EndUtc),
            activeAtStart.Count,
            activeAtStart.Count(g => g.Any(p => p.On >= period.EndUtc - lapse && p.On < period.EndUtc)),
            customers.Where(c => buyers.Contains(c.Id) && c.Clv is not null).Select(c => c.Clv!.Value).ToList(),
            NpsScores(service, period),
            inPeriod.Sum(p => p.Amount),
            inPeriod.Where(p => targets.Contains(p.CustomerId)).Sum(p => p.Amount))
        {
            ActiveCustomers = inPeriod.Select(p => p.CustomerId).Distinct().Count(),
        };
    }

    private static IReadOnlyCollection<int> NpsScores(IOrganizationService service, KpiPeriod period) =>
        Query(service, SatisfactionSurvey.EntityLogicalName, q =>
            {
                q.Criteria.AddCondition(SatisfactionSurvey.Fields.NpsScore, ConditionOperator.NotNull);
                q.Criteria.AddCondition(SatisfactionSurvey.Fields.AnsweredOn, ConditionOperator.GreaterEqual, period.StartUtc);
                q.Criteria.AddCondition(SatisfactionSurvey.Fields.AnsweredOn, ConditionOperator.LessThan, period.EndUtc);
            },
            SatisfactionSurvey.Fields.NpsScore)
        .Select(r => r.ToEntity<SatisfactionSurvey>().NpsScore ?? 0)
        .ToList();

    private static IEnumerable<CustomerRow> Contacts(IOrganizationService service) =>
        Query(service, Contact.EntityLogicalName, _ => { }, Contact.Fields.Clv, Contact.Fields.IsTarget)
            .Select(r => r.ToEntity<Contact>())
            .Select(contact => new CustomerRow(contact.Id, contact.IsTarget == true, contact.Clv?.Value));

    private static IEnumerable<CustomerRow> Accounts(IOrganizationService service) =>
        Query(service, Account.EntityLogicalName, _ => { }, Account.Fields.Clv, Account.Fields.IsTarget)
            .Select(r => r.ToEntity<Account>())
            .Select(account => new CustomerRow(account.Id, account.IsTarget == true, account.Clv?.Value));

    private static IEnumerable<Entity> Query(IOrganizationService service, string table, Action<QueryExpression> filter,
        params string[] columns)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(columns) };
        filter(query);
        return QueryPages.All(service, query);
    }

    private sealed record Purchase(Guid CustomerId, DateTime On, decimal Amount);

    private sealed record CustomerRow(Guid Id, bool IsTarget, decimal? Clv);
}
