using System;
using System.Globalization;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using TransitionTable = Crm.Extensions.EarlyBound.LifecycleTransition;

namespace Crm.Extensions.Dataverse.Invoicing;

/// <summary>Writes a stage change: the customer's stage and the one <c>cx_lifecycletransition</c> that records it.</summary>
public static class LifecycleWriter
{
    /// <summary><paramref name="sourceKey"/> is the transition's alternate key: the same event never records twice.</summary>
    public static void Write(IOrganizationService service, EntityReference customer, StageChange transition, string sourceKey)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (customer is null) throw new ArgumentNullException(nameof(customer));
        var row = new Entity(customer.LogicalName, customer.Id);
        SetStage(row, transition);
        service.Update(row);
        Record(service, customer, transition, sourceKey);
    }

    /// <summary>Puts the new stage on a customer row the caller writes anyway (one Update for several facts).</summary>
    public static void SetStage(Entity customerRow, StageChange transition)
    {
        if (customerRow is null) throw new ArgumentNullException(nameof(customerRow));
        if (transition is null) throw new ArgumentNullException(nameof(transition));
        customerRow[Contact.Fields.LifecycleStage] = new OptionSetValue(CustomerLifecycleReader.OptionOf(transition.To));
        customerRow[Contact.Fields.LifecycleStageChangedOn] = transition.OccurredOnUtc;
    }

    /// <summary>
    /// Upserts the one <c>cx_lifecycletransition</c> of a change whose stage the caller wrote, by its source key (alternate
    /// key): the same event paid again after a cancellation (pay, cancel, pay) updates its row instead of failing on the key.
    /// </summary>
    public static void Record(IOrganizationService service, EntityReference customer, StageChange transition, string sourceKey)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var row = TransitionRow(customer, transition, sourceKey);
        var target = new Entity(TransitionTable.EntityLogicalName, TransitionTable.Fields.SourceKey, sourceKey);
        foreach (var column in row.Attributes) target[column.Key] = column.Value;
        service.Execute(new UpsertRequest { Target = target });
    }

    /// <summary>The <c>cx_lifecycletransition</c> row of a change, for callers that create it (or many) themselves.</summary>
    public static Entity TransitionRow(EntityReference customer, StageChange transition, string sourceKey)
    {
        if (transition is null) throw new ArgumentNullException(nameof(transition));
        return new Entity(TransitionTable.EntityLogicalName)
        {
            [TransitionTable.Fields.Name] = string.Format(CultureInfo.InvariantCulture, "{0} → {1}", transition.From, transition.To),
            [TransitionTable.Fields.CustomerId] = customer,
            [TransitionTable.Fields.FromStage] = new OptionSetValue(CustomerLifecycleReader.OptionOf(transition.From)),
            [TransitionTable.Fields.ToStage] = new OptionSetValue(CustomerLifecycleReader.OptionOf(transition.To)),
            [TransitionTable.Fields.Reason] = Truncate(transition.Reason.English, 400),
            [TransitionTable.Fields.Trigger] = new OptionSetValue((int)TriggerOf(transition.Trigger)),
            [TransitionTable.Fields.TransitionedOn] = transition.OccurredOnUtc,
            [TransitionTable.Fields.SourceKey] = sourceKey,
        };
    }

    private static TransitionTable.TriggerChoice TriggerOf(LifecycleTrigger trigger) => trigger switch
    {
        LifecycleTrigger.InvoicePaid => TransitionTable.TriggerChoice.InvoicePaid,
        LifecycleTrigger.InvoiceCancelled => TransitionTable.TriggerChoice.InvoiceCancelled,
        LifecycleTrigger.SurveyResponse => TransitionTable.TriggerChoice.Survey,
        _ => TransitionTable.TriggerChoice.BatchEvaluation,
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length);
}
