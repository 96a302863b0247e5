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
/// instead of adding new ones (the alternate key guards the same triple). One read of the analysis's existing segments,
/// then one CreateMultiple for the new groups and, only when resuming, one UpdateMultiple for the groups already there.
/// Names are English ("Champions (contacts)"): the job runs after the request, with no user language at hand.
/// </summary>
public static class SegmentWriter
{
    public static Guid IdOf(Guid analysisId, SegmentGroup group) =>
        DeterministicId.From(string.Format(CultureInfo.InvariantCulture, "portfolio:{0:D}:{1}:{2}", analysisId, (int)group.Type, (int)group.Segment));

    public static void Write(IOrganizationService service, Guid analysisId, IReadOnlyList<SegmentGroupSummary> groups)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (groups is null) throw new ArgumentNullException(nameof(groups));
        if (groups.Count == 0) return;

        var existing = ExistingIds(service, analysisId);
        var rows = groups.Select(g => ToRow(analysisId, g)).ToList();
        var created = new EntityCollection { EntityName = CustomerSegment.EntityLogicalName };
        var updated = new EntityCollection { EntityName = CustomerSegment.EntityLogicalName };
        foreach (var row in rows) (existing.Contains(row.Id) ? updated : created).Entities.Add(row);
        if (created.Entities.Count > 0) service.Execute(new CreateMultipleRequest { Targets = created });
        if (updated.Entities.Count > 0) service.Execute(new UpdateMultipleRequest { Targets = updated });
    }

    /// <summary>The segment rows this analysis already wrote (none, unless it is being resumed).</summary>
    private static HashSet<Guid> ExistingIds(IOrganizationService service, Guid analysisId)
    {
        var query = new QueryExpression(CustomerSegment.EntityLogicalName) { ColumnSet = new ColumnSet(CustomerSegment.Fields.CustomerSegmentId) };
        query.Criteria.AddCondition(CustomerSegment.Fields.PortfolioAnalysisId, ConditionOperator.Equal, analysisId);
        return new HashSet<Guid>(service.RetrieveMultiple(query).Entities.Select(e => e.Id));
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
        [CustomerSegment.Fields.IsTarget] = group.IsTarget,
    };
}
