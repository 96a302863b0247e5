using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Strategy;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Strategy;

/// <summary>The gate facts and the latest KPI snapshot (by period end), which the strategy record points to.</summary>
public sealed record StrategyReading(StrategyFacts Facts, EntityReference? LatestKpiSnapshot);

/// <summary>
/// Gathers what the strategy gates look at: target segments with their critical partners and active propositions,
/// target customers and their profile completeness, a completed analysis and the latest KPI snapshot. One query each,
/// every one read in 5,000-row pages (<see cref="QueryPages"/>) except the two that ask for a single row.
/// </summary>
public static class StrategyFactsReader
{
    public static StrategyFacts Read(IOrganizationService service) => ReadWithLatestSnapshot(service).Facts;

    public static StrategyReading ReadWithLatestSnapshot(IOrganizationService service)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var segments = Rows(service, CustomerSegment.EntityLogicalName,
            q => q.Criteria.AddCondition(CustomerSegment.Fields.IsTarget, ConditionOperator.Equal, true), CustomerSegment.Fields.Name);
        var ids = segments.Select(s => (object)s.Id).ToArray();
        var partnered = ids.Length == 0
            ? new HashSet<Guid>()
            : SegmentsOf(service, PartnerRelationship.EntityLogicalName, PartnerRelationship.Fields.CustomerSegmentId, ids, q =>
        {
            q.Criteria.AddCondition(PartnerRelationship.Fields.Criticality, ConditionOperator.Equal,
                (int)PartnerRelationship.CriticalityChoice.Critical);
            q.Criteria.AddCondition(PartnerRelationship.Fields.StateCode, ConditionOperator.Equal, 0);
        });
        var proposed = ids.Length == 0
            ? new HashSet<Guid>()
            : SegmentsOf(service, ValueProposition.EntityLogicalName, ValueProposition.Fields.CustomerSegmentId, ids, q =>
            q.Criteria.AddCondition(ValueProposition.Fields.PropositionStatus, ConditionOperator.Equal,
                (int)ValueProposition.PropositionStatusChoice.Active));
        var completeness = TargetCompleteness(service, Contact.EntityLogicalName)
            .Concat(TargetCompleteness(service, Account.EntityLogicalName)).ToList();
        var analysed = First(service, PortfolioAnalysis.EntityLogicalName,
            q => q.Criteria.AddCondition(PortfolioAnalysis.Fields.AnalysisStatus, ConditionOperator.Equal,
                (int)PortfolioAnalysis.AnalysisStatusChoice.Completed)) is not null;
        var snapshot = First(service, KpiSnapshot.EntityLogicalName, q => q.AddOrder(KpiSnapshot.Fields.PeriodEnd, OrderType.Descending));

        var facts = new StrategyFacts(
            analysed && segments.Count > 0,
            completeness.Count,
            completeness.Count(c => c >= StrategyGate.ProfileCompletenessMinimum),
            segments.Select(s => s.ToEntity<CustomerSegment>())
                .Select(s => new TargetSegmentFacts(s.Id, s.Name ?? string.Empty, partnered.Contains(s.Id), proposed.Contains(s.Id)))
                    .ToList(),
            snapshot is not null);
        return new StrategyReading(facts, snapshot?.ToEntityReference());
    }

    private static IEnumerable<int> TargetCompleteness(IOrganizationService service, string table) =>
        Rows(service, table, q => q.Criteria.AddCondition(Contact.Fields.IsTarget, ConditionOperator.Equal, true),
            Contact.Fields.ProfileCompleteness)
            .Select(r => r.GetAttributeValue<int?>(Contact.Fields.ProfileCompleteness) ?? 0);

    private static HashSet<Guid> SegmentsOf(IOrganizationService service, string table, string segmentColumn, object[] segmentIds,
        Action<QueryExpression> filter) =>
        new(
            Rows(service, table, q => { q.Criteria.AddCondition(segmentColumn, ConditionOperator.In, segmentIds); filter(q); },
                segmentColumn)
            .Select(r => r.GetAttributeValue<EntityReference>(segmentColumn).Id));

    private static IReadOnlyList<Entity> Rows(IOrganizationService service, string table, Action<QueryExpression> filter, string column)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(column) };
        filter(query);
        return QueryPages.All(service, query).ToList();
    }

    /// <summary>One row (the first by the filter's order) or null: existence checks need no more.</summary>
    private static Entity? First(IOrganizationService service, string table, Action<QueryExpression> filter)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
        filter(query);
        return service.RetrieveMultiple(query).Entities.FirstOrDefault();
    }
}
