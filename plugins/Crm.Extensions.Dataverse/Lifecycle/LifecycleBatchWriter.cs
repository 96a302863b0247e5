using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Crm.Extensions.Dataverse.Lifecycle;

/// <summary>A stage change to write, with the transition's alternate key.</summary>
public sealed record PlannedTransition(EntityReference Customer, StageChange Transition, string SourceKey);

/// <summary>
/// Writes many stage changes in batches of 1,000: UpdateMultiple of the customers' stage per table and CreateMultiple of
/// the cx_lifecycletransition rows (same columns as <see cref="LifecycleWriter"/>, which writes one event's change). The
/// transition's alternate key (cx_sourcekey) still refuses a second record of the same change.
/// </summary>
public static class LifecycleBatchWriter
{
    public const int BatchSize = 1000;

    public static void Write(IOrganizationService service, IReadOnlyList<PlannedTransition> changes)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (changes is null) throw new ArgumentNullException(nameof(changes));
        foreach (var table in changes.GroupBy(change => change.Customer.LogicalName))
        {
            foreach (var batch in InBatches(table.ToList()))
            {
                var rows = new EntityCollection(batch.Select(StageUpdate).ToList()) { EntityName = table.Key };
                service.Execute(new UpdateMultipleRequest { Targets = rows });
            }
        }

        foreach (var batch in InBatches(changes))
        {
            var rows = new EntityCollection(batch.Select(TransitionRow).ToList()) { EntityName = LifecycleTransition.EntityLogicalName };
            service.Execute(new CreateMultipleRequest { Targets = rows });
        }
    }

    /// <summary>The customer's new stage, written through its own table's early-bound class (contact or account).</summary>
    private static Entity StageUpdate(PlannedTransition change)
    {
        var stage = (GlobalChoices.LifecycleStage)CustomerLifecycleReader.OptionOf(change.Transition.To);
        var on = change.Transition.OccurredOnUtc;
        return change.Customer.LogicalName == Account.EntityLogicalName
            ? new Account(change.Customer.Id) { LifecycleStage = stage, LifecycleStageChangedOn = on }
            : new Contact(change.Customer.Id) { LifecycleStage = stage, LifecycleStageChangedOn = on };
    }

    private static Entity TransitionRow(PlannedTransition change)
        => LifecycleWriter.TransitionRow(change.Customer, change.Transition, change.SourceKey);

    private static IEnumerable<List<PlannedTransition>> InBatches(IReadOnlyList<PlannedTransition> changes)
    {
        for (var start = 0; start < changes.Count; start += BatchSize) yield return changes.Skip(start).Take(BatchSize).ToList();
    }
}
