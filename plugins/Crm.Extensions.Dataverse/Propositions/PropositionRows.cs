using System;
using Crm.Extensions.Domain.Propositions;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Propositions;

/// <summary>Maps cx_valueproposition rows to the domain's value proposition.</summary>
public static class PropositionRows
{
    public static readonly string[] Columns =
    {
        ValueProposition.Fields.Name, ValueProposition.Fields.CustomerBenefit, ValueProposition.Fields.CompanyMargin,
        ValueProposition.Fields.PropositionStatus, ValueProposition.Fields.CustomerSegmentId, ValueProposition.Fields.ProductId,
        ValueProposition.Fields.OfferText,
    };

    /// <summary>The row as it will be after the write: written columns win over the stored ones.</summary>
    public static ValueProposition Merged(Entity written, Entity? stored)
    {
        var merged = new ValueProposition(written.Id);
        if (stored is not null)
        {
            foreach (var column in stored.Attributes) merged[column.Key] = column.Value;
        }

        foreach (var column in written.Attributes) merged[column.Key] = column.Value;
        return merged;
    }

    public static Proposition ToDomain(ValueProposition row) => new(
        row.Id,
        row.CustomerSegmentId?.Id ?? Guid.Empty,
        row.Name ?? string.Empty,
        row.CustomerBenefit,
        row.CompanyMargin,
        row.PropositionStatus == ValueProposition.PropositionStatusChoice.Active,
        row.ProductId?.Id);
}
