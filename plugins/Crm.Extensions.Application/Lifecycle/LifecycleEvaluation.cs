using System;
using System.Collections.Generic;
using System.Globalization;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Dataverse.Lifecycle;
using Crm.Extensions.Domain.Lifecycle;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Application.Lifecycle;

/// <summary>What one unit of the scheduled evaluation did, and where the next unit starts (null: the evaluation is done).</summary>
public sealed record LifecycleUnitResult(int Transitions, int Customers, LifecycleCursor? Next);

/// <summary>
/// The scheduled evaluation (cx_EvaluateLifecycle), in bounded units: each unit reads one page of aging customers after the
/// cursor with their facts, has the domain engine evaluate them and writes the changes in batches, then returns the cursor of
/// the next page. A unit is at most one page of 5,000 customers: one page read, its facts pages, and at most 5 UpdateMultiple
/// and 5 CreateMultiple, whatever the size of the base; the caller calls again with the cursor while there is more. Each
/// change is keyed per customer and day, so a re-run the same day records nothing twice (and finds nothing to change anyway).
/// </summary>
public static class LifecycleEvaluation
{
    /// <summary>
    /// One unit: up to <paramref name="pageSize"/> customers after <paramref name="cursor"/>. When a table ends with room
    /// left in the unit, the next table's first customers fill it (so a small base is done in one call); at most one page
    /// and one facts query per table.
    /// </summary>
    public static LifecycleUnitResult EvaluateUnit(
        IOrganizationService service, DateTime now, LifecycleThresholds thresholds, LifecycleCursor cursor, int pageSize = LifecycleBatchReader.PageSize)
    {
        if (cursor is null) throw new ArgumentNullException(nameof(cursor));
        var changes = new List<PlannedTransition>();
        var customers = 0;
        LifecycleCursor? next = cursor;
        while (next is not null && customers < pageSize)
        {
            var page = LifecycleBatchReader.ReadPage(service, now, thresholds, next.Table, next.After, pageSize - customers);
            foreach (var customer in page.Customers)
            {
                if (Plan(customer, now, thresholds) is { } change) changes.Add(change);
            }

            customers += page.Customers.Count;
            next = page.MoreRecords ? next with { After = page.LastId } : next.NextTable();
        }

        LifecycleBatchWriter.Write(service, changes);
        return new LifecycleUnitResult(changes.Count, customers, next);
    }

    /// <summary>Every aging customer, unit after unit in one caller (tests and the benchmark). Returns the transitions written.</summary>
    public static int EvaluateAll(IOrganizationService service, DateTime now, LifecycleThresholds thresholds, int pageSize = LifecycleBatchReader.PageSize)
    {
        var written = 0;
        for (var cursor = LifecycleCursor.Start; cursor is not null;)
        {
            var unit = EvaluateUnit(service, now, thresholds, cursor, pageSize);
            written += unit.Transitions;
            cursor = unit.Next;
        }

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
