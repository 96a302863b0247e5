using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Lifecycle;

/// <summary>
/// The customers the scheduled evaluation looks at: those whose stage time can still move (New, Repeat, Loyal, Advocate,
/// At risk). A Prospect has no purchase to age and a Lapsed customer leaves only by buying, which is an invoice event.
/// One query per customer table, one page (up to 5,000 rows); paging is left for the batch work of issue #5 item 1.
/// </summary>
public static class LifecycleCandidates
{
    private static readonly object[] AgingStages =
    {
        (int)GlobalChoices.LifecycleStage.New, (int)GlobalChoices.LifecycleStage.Repeat, (int)GlobalChoices.LifecycleStage.Loyal,
        (int)GlobalChoices.LifecycleStage.Advocate, (int)GlobalChoices.LifecycleStage.AtRisk,
    };

    public static IReadOnlyList<EntityReference> Read(IOrganizationService service)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        return Of(service, Contact.EntityLogicalName).Concat(Of(service, Account.EntityLogicalName)).ToList();
    }

    private static IEnumerable<EntityReference> Of(IOrganizationService service, string table)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(Contact.Fields.LifecycleStage) };
        query.Criteria.AddCondition(Contact.Fields.LifecycleStage, ConditionOperator.In, AgingStages);
        return service.RetrieveMultiple(query).Entities.Select(e => e.ToEntityReference());
    }
}
