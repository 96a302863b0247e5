using System;
using System.Linq;
using Crm.Extensions.Domain.Network;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Network;

/// <summary>The network KPI on a date: target segments (one query) and the partners serving them (one query).</summary>
public static class NetworkCoverageReader
{
    private static readonly string[] PartnerColumns = PartnerRows.HealthInputs
        .Concat(
            new[] { PartnerRelationship.Fields.CustomerSegmentId, PartnerRelationship.Fields.PartnerType,
                PartnerRelationship.Fields.PartnerAccountId, PartnerRelationship.Fields.PartnerContactId,
                PartnerRelationship.Fields.PartnerUserId })
        .ToArray();

    public static NetworkCoverageResult Read(IOrganizationService service, DateTime asOfUtc)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var segments = new QueryExpression(CustomerSegment.EntityLogicalName) {
            ColumnSet = new ColumnSet(CustomerSegment.Fields.IsTarget) };
        segments.Criteria.AddCondition(CustomerSegment.Fields.IsTarget, ConditionOperator.Equal, true);
        var targets = service.RetrieveMultiple(segments).Entities.Select(e => e.Id).ToList();
        if (targets.Count == 0) return NetworkCoverage.Calculate(targets, Array.Empty<Partnership>(), asOfUtc);

        var partners = new QueryExpression(PartnerRelationship.EntityLogicalName) { ColumnSet = new ColumnSet(PartnerColumns) };
        var segmentIds = targets.Cast<object>().ToArray();
        partners.Criteria.AddCondition(PartnerRelationship.Fields.CustomerSegmentId, ConditionOperator.In, segmentIds);
        var rows = service.RetrieveMultiple(partners).Entities
            .Select(e => e.ToEntity<PartnerRelationship>())
            .Where(r => r.LastReviewOn is null || r.LastReviewOn.Value.Date <= asOfUtc.Date)
            .Select(r => PartnerRows.ToDomain(r, asOfUtc));
        return NetworkCoverage.Calculate(targets, rows, asOfUtc);
    }
}
