using System;
using System.Linq;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Invoicing;

/// <summary>A customer's current stage and the purchase facts the lifecycle rules need.</summary>
public sealed record CustomerLifecycle(EntityReference Customer, LifecycleStage Stage, CustomerLifecycleFacts Facts);

/// <summary>A customer's stage and purchase facts as the invoices give them, with the customer row's RowVersion.</summary>
public sealed record CustomerPurchaseHistory(LifecycleStage Stage, string? RowVersion, PurchaseFacts Facts);

/// <summary>
/// Reads the facts of one customer in one request: the customer row (its stage) ⟕ its paid invoices ⟕ their answered
/// surveys with an NPS score. A paid invoice's last modification is its payment date: paid invoices are read-only.
/// </summary>
public static class CustomerLifecycleReader
{
    private const string InvoiceAlias = "paid";
    private const string SurveyAlias = "answer";

    public static CustomerLifecycle Read(IOrganizationService service, EntityReference customer, DateTime asOf,
        LifecycleThresholds thresholds)
    {
        var history = History(service, customer, asOf, thresholds);
        return new CustomerLifecycle(customer, history.Stage, history.Facts.ToLifecycleFacts(asOf, thresholds));
    }

    /// <summary>
    /// The customer's stage, RowVersion and purchase facts from the invoices themselves (the source of truth): the
    /// invoice steps use it to (re)build the facts kept on the customer (<see cref="PurchaseFacts"/>).
    /// </summary>
    public static CustomerPurchaseHistory History(IOrganizationService service, EntityReference customer, DateTime asOf,
        LifecycleThresholds thresholds)
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
        var answers = paid.AddLink(SatisfactionSurvey.EntityLogicalName, Invoice.Fields.InvoiceId, SatisfactionSurvey.Fields.InvoiceId,
            JoinOperator.LeftOuter);
        answers.EntityAlias = SurveyAlias;
        answers.Columns = new ColumnSet(SatisfactionSurvey.Fields.NpsScore, SatisfactionSurvey.Fields.AnsweredOn);
        answers.LinkCriteria.AddCondition(SatisfactionSurvey.Fields.NpsScore, ConditionOperator.NotNull);

        var rows = service.RetrieveMultiple(query).Entities;
        var first = rows.FirstOrDefault();
        var stage = StageFrom(first?.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage)?.Value);
        var invoices = rows
            .Where(row => Linked<Guid?>(row, InvoiceAlias, Invoice.Fields.InvoiceId) is not null)
            .Select(
                row => new PaidPurchase(Linked<Guid?>(row, InvoiceAlias, Invoice.Fields.InvoiceId)!.Value,
                    Linked<DateTime?>(row, InvoiceAlias, Invoice.Fields.ModifiedOn) ?? asOf))
            .ToList();
        var latestNps = rows
            .Where(row => Linked<int?>(row, SurveyAlias, SatisfactionSurvey.Fields.NpsScore) is not null)
            .OrderByDescending(row => Linked<DateTime?>(row, SurveyAlias, SatisfactionSurvey.Fields.AnsweredOn) ?? DateTime.MinValue)
            .Select(row => Linked<int?>(row, SurveyAlias, SatisfactionSurvey.Fields.NpsScore))
            .FirstOrDefault();
        return new CustomerPurchaseHistory(stage, first?.RowVersion, PurchaseFacts.FromHistory(invoices, latestNps, asOf, thresholds));
    }

    public static LifecycleStage StageFrom(int? value) => value is { } option && option >= (int)GlobalChoices.LifecycleStage.Prospect
        ? (LifecycleStage)(option - (int)GlobalChoices.LifecycleStage.Prospect + (int)LifecycleStage.Prospect)
        : LifecycleStage.Prospect;

    public static int OptionOf(LifecycleStage stage)
        => (int)GlobalChoices.LifecycleStage.Prospect + ((int)stage - (int)LifecycleStage.Prospect);

    private static T? Linked<T>(Entity row, string alias, string column) =>
        row.GetAttributeValue<AliasedValue>(alias + "." + column) is { Value: T value } ? value : default;
}
