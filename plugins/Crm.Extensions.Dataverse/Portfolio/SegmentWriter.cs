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
/// One cx_customersegment per customer type × segment, kept across analyses: its id is deterministic (type, segment), so
/// value propositions and partners linked to "Champions (contacts)" stay linked, and a customer whose segment did not change
/// is not rewritten. Each analysis refreshes the counts, revenue, profit and share of every row and points it at itself
/// (a resumed or replayed analysis updates the same rows). Target flags are left as they are while scoring; only when the
/// analysis completes does <see cref="FlagTargets"/> set the new target base, so the strategy gates and the network KPI
/// (which read every segment flagged as target) never see a half-done one. Names are English ("Champions (contacts)"):
/// the job runs after the request, with no user language at hand.
/// </summary>
public static class SegmentWriter
{
    public static Guid IdOf(SegmentGroup group) =>
        DeterministicId.From(string.Format(CultureInfo.InvariantCulture, "portfolio-segment:{0}:{1}", (int)group.Type, (int)group.Segment));

    /// <summary>
    /// One read (every segment row: at most one per type × segment), then one CreateMultiple for groups seen for the first
    /// time and one UpdateMultiple for the rows already there; a row with no customer this time is emptied, not deleted,
    /// so what links to it survives. Returns the segments flagged as target before this analysis.
    /// </summary>
    public static IReadOnlyList<Guid> Write(IOrganizationService service, Guid analysisId, IReadOnlyList<SegmentGroupSummary> groups)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (groups is null) throw new ArgumentNullException(nameof(groups));

        var existing = Existing(service);
        var created = new EntityCollection { EntityName = CustomerSegment.EntityLogicalName };
        var updated = new EntityCollection { EntityName = CustomerSegment.EntityLogicalName };
        foreach (var group in groups)
        {
            var row = Scores(IdOf(group.Group), analysisId, group.Customers, group.Revenue, group.Profit, group.ProfitSharePercent);
            if (existing.ContainsKey(row.Id)) updated.Entities.Add(row);
            else created.Entities.Add(WithName(row, group.Group));
        }

        var seen = new HashSet<Guid>(groups.Select(g => IdOf(g.Group)));
        foreach (var empty in existing.Values.Where(row => !seen.Contains(row.Id)))
        {
            updated.Entities.Add(Scores(empty.Id, analysisId, 0, 0m, 0m, 0m));
        }

        if (created.Entities.Count > 0) service.Execute(new CreateMultipleRequest { Targets = created });
        if (updated.Entities.Count > 0) service.Execute(new UpdateMultipleRequest { Targets = updated });
        return existing.Values.Where(row => row.GetAttributeValue<bool?>(CustomerSegment.Fields.IsTarget) == true).Select(row => row.Id)
            .ToList();
    }

    /// <summary>
    /// At most one UpdateMultiple, of the flags that change: new target groups become target, dropped ones stop being it.
    /// </summary>
    public static void FlagTargets(IOrganizationService service, IEnumerable<SegmentGroup> targetGroups,
        IReadOnlyList<Guid> previousTargets)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (targetGroups is null) throw new ArgumentNullException(nameof(targetGroups));
        if (previousTargets is null) throw new ArgumentNullException(nameof(previousTargets));
        var targets = new HashSet<Guid>(targetGroups.Select(IdOf));
        var flags = new EntityCollection { EntityName = CustomerSegment.EntityLogicalName };
        foreach (var id in targets.Where(id => !previousTargets.Contains(id))) flags.Entities.Add(Flag(id, true));
        foreach (var id in previousTargets.Where(id => !targets.Contains(id))) flags.Entities.Add(Flag(id, false));
        if (flags.Entities.Count > 0) service.Execute(new UpdateMultipleRequest { Targets = flags });
    }

    private static Entity Flag(Guid id, bool isTarget)
        => new(CustomerSegment.EntityLogicalName, id) { [CustomerSegment.Fields.IsTarget] = isTarget };

    private static Dictionary<Guid, Entity> Existing(IOrganizationService service)
    {
        var query = new QueryExpression(CustomerSegment.EntityLogicalName) { ColumnSet = new ColumnSet(CustomerSegment.Fields.IsTarget) };
        return service.RetrieveMultiple(query).Entities.ToDictionary(row => row.Id);
    }

    private static Entity WithName(Entity row, SegmentGroup group)
    {
        row[CustomerSegment.Fields.Name] = RfmSegmentNames.For(group).English;
        row[CustomerSegment.Fields.SegmentCode] = new OptionSetValue(PortfolioColumns.SegmentChoice(group.Segment));
        row[CustomerSegment.Fields.CustomerType] = new OptionSetValue(PortfolioColumns.TypeChoice(group.Type));
        row[CustomerSegment.Fields.IsTarget] = false;
        return row;
    }

    private static Entity Scores(Guid id, Guid analysisId, int customers, decimal revenue, decimal profit, decimal share) =>
        new(CustomerSegment.EntityLogicalName, id)
        {
            [CustomerSegment.Fields.PortfolioAnalysisId] = new EntityReference(PortfolioAnalysis.EntityLogicalName, analysisId),
            [CustomerSegment.Fields.CustomerCount] = customers,
            [CustomerSegment.Fields.Revenue] = new Money(Math.Round(revenue, 2, MidpointRounding.AwayFromZero)),
            [CustomerSegment.Fields.Profit] = new Money(Math.Round(profit, 2, MidpointRounding.AwayFromZero)),
            [CustomerSegment.Fields.ProfitShare] = share,
        };
}
