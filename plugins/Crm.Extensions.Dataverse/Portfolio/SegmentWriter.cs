using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>
/// One cx_customersegment per customer type × segment of an analysis. Ids are deterministic (analysis, type, segment), so
/// customers can point at their segment as soon as it is written, and a resumed or replayed analysis updates the same rows
/// instead of adding new ones (the alternate key guards the same triple). Segments are written unflagged with the scores;
/// only when the analysis completes does <see cref="FlagTargets"/> hand the target base over from the previous analyses to
/// this one, so the strategy gates and the network KPI (which read every segment flagged as target) never see a half-done
/// or superseded target base. Names are English ("Champions (contacts)"): the job runs after the request, with no user language at hand.
/// </summary>
public static class SegmentWriter
{
    public static Guid IdOf(Guid analysisId, SegmentGroup group) =>
        DeterministicId.From(string.Format(CultureInfo.InvariantCulture, "portfolio:{0:D}:{1}:{2}", analysisId, (int)group.Type, (int)group.Segment));

    /// <summary>
    /// One read (this analysis's segments and every segment flagged as target), then one CreateMultiple for the new groups
    /// and, only when resuming, one UpdateMultiple for the groups already there. Returns the target segments of other analyses.
    /// </summary>
    public static IReadOnlyList<Guid> Write(IOrganizationService service, Guid analysisId, IReadOnlyList<SegmentGroupSummary> groups)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (groups is null) throw new ArgumentNullException(nameof(groups));

        var existing = Existing(service, analysisId);
        var previousTargets = existing.Where(e => e.GetAttributeValue<EntityReference>(CustomerSegment.Fields.PortfolioAnalysisId)?.Id != analysisId).Select(e => e.Id).ToList();
        var mine = new HashSet<Guid>(existing.Select(e => e.Id).Except(previousTargets));
        var created = new EntityCollection { EntityName = CustomerSegment.EntityLogicalName };
        var updated = new EntityCollection { EntityName = CustomerSegment.EntityLogicalName };
        foreach (var row in groups.Select(g => ToRow(analysisId, g))) (mine.Contains(row.Id) ? updated : created).Entities.Add(row);
        if (created.Entities.Count > 0) service.Execute(new CreateMultipleRequest { Targets = created });
        if (updated.Entities.Count > 0) service.Execute(new UpdateMultipleRequest { Targets = updated });
        return previousTargets;
    }

    /// <summary>One UpdateMultiple: this analysis's target groups become the target base, the previous target segments stop being it.</summary>
    public static void FlagTargets(IOrganizationService service, Guid analysisId, IReadOnlyList<SegmentGroupSummary> groups, IReadOnlyList<Guid> previousTargets)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (groups is null) throw new ArgumentNullException(nameof(groups));
        if (previousTargets is null) throw new ArgumentNullException(nameof(previousTargets));
        var flags = new EntityCollection { EntityName = CustomerSegment.EntityLogicalName };
        foreach (var group in groups.Where(g => g.IsTarget)) flags.Entities.Add(Flag(IdOf(analysisId, group.Group), true));
        foreach (var id in previousTargets) flags.Entities.Add(Flag(id, false));
        if (flags.Entities.Count > 0) service.Execute(new UpdateMultipleRequest { Targets = flags });
    }

    private static Entity Flag(Guid id, bool isTarget) => new(CustomerSegment.EntityLogicalName, id) { [CustomerSegment.Fields.IsTarget] = isTarget };

    private static IReadOnlyList<Entity> Existing(IOrganizationService service, Guid analysisId)
    {
        var query = new QueryExpression(CustomerSegment.EntityLogicalName) { ColumnSet = new ColumnSet(CustomerSegment.Fields.PortfolioAnalysisId) };
        query.Criteria.FilterOperator = LogicalOperator.Or;
        query.Criteria.AddCondition(CustomerSegment.Fields.PortfolioAnalysisId, ConditionOperator.Equal, analysisId);
        query.Criteria.AddCondition(CustomerSegment.Fields.IsTarget, ConditionOperator.Equal, true);
        return service.RetrieveMultiple(query).Entities;
    }

    private static Entity ToRow(Guid analysisId, SegmentGroupSummary group) => new(CustomerSegment.EntityLogicalName, IdOf(analysisId, group.Group))
    {
        [CustomerSegment.Fields.Name] = RfmSegmentNames.For(group.Group).English,
        [CustomerSegment.Fields.SegmentCode] = new OptionSetValue(PortfolioColumns.SegmentChoice(group.Group.Segment)),
        [CustomerSegment.Fields.CustomerType] = new OptionSetValue(PortfolioColumns.TypeChoice(group.Group.Type)),
        [CustomerSegment.Fields.PortfolioAnalysisId] = new EntityReference(PortfolioAnalysis.EntityLogicalName, analysisId),
        [CustomerSegment.Fields.CustomerCount] = group.Customers,
        [CustomerSegment.Fields.Revenue] = new Money(Math.Round(group.Revenue, 2, MidpointRounding.AwayFromZero)),
        [CustomerSegment.Fields.Profit] = new Money(Math.Round(group.Profit, 2, MidpointRounding.AwayFromZero)),
        [CustomerSegment.Fields.ProfitShare] = group.ProfitSharePercent,
        [CustomerSegment.Fields.IsTarget] = false,
    };
}
