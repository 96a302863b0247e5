using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Propositions;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Propositions;

/// <summary>
/// What the next best offer needs about one customer: segment, active propositions of it, products already bought. Three reads.
/// </summary>
public sealed class OfferCandidates
{
    /// <summary>invoice.statecode Paid.</summary>
    public const int PaidInvoiceState = 2;

    private OfferCandidates(Guid? segmentId, IReadOnlyList<ValueProposition> propositions, IReadOnlyList<Guid> productsBought)
    {
        SegmentId = segmentId;
        Propositions = propositions;
        ProductsBought = productsBought;
    }

    public Guid? SegmentId { get; }

    public IReadOnlyList<ValueProposition> Propositions { get; }

    public IReadOnlyList<Guid> ProductsBought { get; }

    public IEnumerable<Proposition> ForDomain => Propositions.Select(PropositionRows.ToDomain);

    public static OfferCandidates For(IOrganizationService service, EntityReference customer)
    {
        var segment = service.Retrieve(customer.LogicalName, customer.Id, new ColumnSet(Contact.Fields.CustomerSegmentId))
            .GetAttributeValue<EntityReference>(Contact.Fields.CustomerSegmentId);
        if (segment is null) return new OfferCandidates(null, Array.Empty<ValueProposition>(), Array.Empty<Guid>());

        return new OfferCandidates(segment.Id, ActivePropositions(service, segment.Id), ProductsBoughtBy(service, customer.Id));
    }

    private static IReadOnlyList<ValueProposition> ActivePropositions(IOrganizationService service, Guid segmentId)
    {
        var query = new QueryExpression(ValueProposition.EntityLogicalName) { ColumnSet = new ColumnSet(PropositionRows.Columns) };
        query.Criteria.AddCondition(ValueProposition.Fields.CustomerSegmentId, ConditionOperator.Equal, segmentId);
        query.Criteria.AddCondition(ValueProposition.Fields.PropositionStatus, ConditionOperator.Equal,
            (int)ValueProposition.PropositionStatusChoice.Active);
        return service.RetrieveMultiple(query).Entities.Select(e => e.ToEntity<ValueProposition>()).ToList();
    }

    private static IReadOnlyList<Guid> ProductsBoughtBy(IOrganizationService service, Guid customerId)
    {
        var query = new QueryExpression(InvoiceDetail.EntityLogicalName) { ColumnSet = new ColumnSet(InvoiceDetail.Fields.ProductId),
            Distinct = true };
        var invoice = query.AddLink(Invoice.EntityLogicalName, InvoiceDetail.Fields.InvoiceId, Invoice.Fields.InvoiceId);
        invoice.LinkCriteria.AddCondition(Invoice.Fields.CustomerId, ConditionOperator.Equal, customerId);
        invoice.LinkCriteria.AddCondition(Invoice.Fields.StateCode, ConditionOperator.Equal, PaidInvoiceState);
        return service.RetrieveMultiple(query).Entities
            .Select(e => e.ToEntity<InvoiceDetail>().ProductId?.Id)
            .Where(id => id.HasValue)
            .Select(id => id!.Value)
            .ToList();
    }
}
