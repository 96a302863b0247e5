using System;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Lifecycle;

/// <summary>
/// The customers the scheduled evaluation looks at: those whose stage time can still move (New, Repeat, Loyal, Advocate,
/// At risk). A Prospect has no purchase to age and a Lapsed customer leaves only by buying, which is an invoice event.
/// <see cref="LifecycleBatchReader"/> pages through this query by its primary id.
/// </summary>
public static class LifecycleCandidates
{
    private static readonly object[] AgingStages =
    {
        (int)GlobalChoices.LifecycleStage.New, (int)GlobalChoices.LifecycleStage.Repeat, (int)GlobalChoices.LifecycleStage.Loyal,
        (int)GlobalChoices.LifecycleStage.Advocate, (int)GlobalChoices.LifecycleStage.AtRisk,
    };

    /// <summary>
    /// Aging customers of <paramref name="table"/> (contact or account; they share the cx_ column names), by id for stable paging.
    /// </summary>
    public static QueryExpression Query(string table)
    {
        var query = new QueryExpression(table)
        {
            ColumnSet = new ColumnSet(Contact.Fields.LifecycleStage),
            Orders = { new OrderExpression(PrimaryKey(table), OrderType.Ascending) },
        };
        query.Criteria.AddCondition(Contact.Fields.LifecycleStage, ConditionOperator.In, AgingStages);
        return query;
    }

    public static string PrimaryKey(string table) => table switch
    {
        Contact.EntityLogicalName => Contact.Fields.ContactId,
        Account.EntityLogicalName => Account.Fields.AccountId,
        _ => throw new ArgumentException("Customers are contacts or accounts.", nameof(table)),
    };
}
