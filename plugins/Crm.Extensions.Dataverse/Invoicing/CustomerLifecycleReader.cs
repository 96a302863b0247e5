using System;
using System.Linq;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Invoicing;

/// <summary>A customer's current stage and the purchase facts the lifecycle rules need.</summary>
public sealed record CustomerLifecycle(EntityReference Customer, LifecycleStage Stage, CustomerLifecycleFacts Facts);

/// <summary>
/// Reads the facts of one customer in one request: the customer row (its stage) ⟕ its paid invoices ⟕ their answered
/// surveys with an NPS score. A paid invoice's last modification is its payment date: paid invoices are read-only.
/// </summary>
public static class CustomerLifecycleReader
{
    private const string InvoiceAlias = "paid";
    private const string SurveyAlias = "answer";

    public static CustomerLifecycle Read(IOrganizationService service, EntityReference customer, DateTime asOf, LifecycleThresholds thresholds)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (customer is null) throw new ArgumentNullException(nameof(customer));
        if (thresholds is null) throw new ArgumentNullException(nameof(thresholds));
        var primaryKey = customer.LogicalName == Account.EntityLogicalName ? Account.Fields.AccountId : Contact.Fields.ContactId;
        var query = new QueryExpression(customer.LogicalName)
        {
            ColumnSet = new ColumnSet(Contact.Fields.LifecycleStage),
            Criteria = { Conditions = { new ConditionExpression(primaryKey, ConditionOperator.Equal, customer.Id) } },
        };
        var paid = query.AddLink(Invoice.EntityLogicalName, primaryKey, Invoice.Fields.CustomerId, JoinOperator.LeftOuter);
        paid.EntityAlias = InvoiceAlias;
        paid.Columns = new ColumnSet(Invoice.Fields.InvoiceId, Invoice.Fields.ModifiedOn);
        paid.LinkCriteria.AddCondition(Invoice.Fields.StateCode, ConditionOperator.Equal, InvoiceStates.Paid);
        var answers = paid.AddLink(SatisfactionSurvey.EntityLogicalName, Invoice.Fields.InvoiceId, SatisfactionSurvey.Fields.InvoiceId, JoinOperator.LeftOuter);
        answers.EntityAlias = SurveyAlias;
        answers.Columns = new ColumnSet(SatisfactionSurvey.Fields.NpsScore, SatisfactionSurvey.Fields.AnsweredOn);
        answers.LinkCriteria.AddCondition(SatisfactionSurvey.Fields.NpsScore, ConditionOperator.NotNull);

        var rows = service.RetrieveMultiple(query).Entities;
        var stage = StageFrom(rows.FirstOrDefault()?.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value);
        var invoices = rows
            .Select(row => new { Id = Linked<Guid?>(row, InvoiceAlias, Invoice.Fields.InvoiceId), On = Linked<DateTime?>(row, InvoiceAlias, Invoice.Fields.ModifiedOn) })
            .Where(invoice => invoice.Id is not null)
            .GroupBy(invoice => invoice.Id)
            .Select(group => group.First().On ?? asOf)
            .ToList();
        var windowStart = asOf.AddMonths(-thresholds.LoyalWindowMonths);
        var latestNps = rows
            .Where(row => Linked<int?>(row, SurveyAlias, SatisfactionSurvey.Fields.NpsScore) is not null)
            .OrderByDescending(row => Linked<DateTime?>(row, SurveyAlias, SatisfactionSurvey.Fields.AnsweredOn) ?? DateTime.MinValue)
            .Select(row => Linked<int?>(row, SurveyAlias, SatisfactionSurvey.Fields.NpsScore))
            .FirstOrDefault();
        var facts = new CustomerLifecycleFacts(
            invoices.Count,
            invoices.Count(on => on >= windowStart && on <= asOf),
            invoices.Count == 0 ? null : invoices.Max(),
            latestNps);
        return new CustomerLifecycle(customer, stage, facts);
    }

    public static LifecycleStage StageFrom(int? value) => value is { } option && option >= (int)GlobalChoices.LifecycleStage.Prospect
        ? (LifecycleStage)(option - (int)GlobalChoices.LifecycleStage.Prospect + (int)LifecycleStage.Prospect)
        : LifecycleStage.Prospect;

    public static int OptionOf(LifecycleStage stage) => (int)GlobalChoices.LifecycleStage.Prospect + ((int)stage - (int)LifecycleStage.Prospect);

    private static T? Linked<T>(Entity row, string alias, string column) =>
        row.GetAttributeValue<AliasedValue>(alias + "." + column) is { Value: T value } ? value : default;
}
