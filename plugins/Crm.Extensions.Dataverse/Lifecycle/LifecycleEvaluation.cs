using System;
using System.Collections.Generic;
using System.Globalization;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Domain.Lifecycle;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Lifecycle;

/// <summary>
/// The scheduled evaluation (cx_EvaluateLifecycle): each page of aging customers is read with its facts, evaluated by the
/// domain engine and its changes written in batches before the next page is read. Each change is keyed per customer and
/// day, so a re-run the same day records nothing twice (and finds nothing to change anyway).
/// </summary>
public static class LifecycleEvaluation
{
    /// <summary>Every aging customer. Returns the number of transitions written.</summary>
    public static int EvaluateAll(IOrganizationService service, DateTime now, LifecycleThresholds thresholds)
    {
        var written = 0;
        LifecycleBatchReader.ForEachPage(service, now, thresholds, page =>
        {
            var changes = new List<PlannedTransition>();
            foreach (var customer in page)
            {
                if (Plan(customer, now, thresholds) is { } change) changes.Add(change);
            }

            LifecycleBatchWriter.Write(service, changes);
            written += changes.Count;
        });
        return written;
    }

    /// <summary>One customer (the API's Customer parameter): the single-customer reader and writer of the invoice event.</summary>
    public static int EvaluateOne(IOrganizationService service, EntityReference customer, DateTime now, LifecycleThresholds thresholds) =>
        EvaluateCustomer(service, customer, now, thresholds).Changed ? 1 : 0;

    /// <summary>One customer: its facts in one query; on a change, an Update of the customer and a Create of the transition.</summary>
    public static StageEvaluation EvaluateCustomer(IOrganizationService service, EntityReference customer, DateTime now, LifecycleThresholds thresholds)
    {
        var current = CustomerLifecycleReader.Read(service, customer, now, thresholds);
        var change = Plan(current, now, thresholds);
        if (change is null) return new StageEvaluation(current.Stage, changed: false);
        LifecycleWriter.Write(service, change.Customer, change.Transition, change.SourceKey);
        return new StageEvaluation(change.Transition.To, changed: true);
    }

    private static PlannedTransition? Plan(CustomerLifecycle current, DateTime now, LifecycleThresholds thresholds)
    {
        var transition = LifecycleEngine.Evaluate(current.Stage, current.Facts, LifecycleTrigger.ScheduledEvaluation, now, thresholds);
        return transition is null ? null : new PlannedTransition(current.Customer, transition, SourceKey(current.Customer, now));
    }

    private static string SourceKey(EntityReference customer, DateTime now) => SourceKey(customer.Id, now);

    /// <summary>The transition's alternate key: one scheduled transition per customer and day.</summary>
    public static string SourceKey(Guid customerId, DateTime now) =>
        string.Format(CultureInfo.InvariantCulture, "lifecycle:{0}:{1:D}:{2:yyyy-MM-dd}", LifecycleTrigger.ScheduledEvaluation, customerId, now);
}
