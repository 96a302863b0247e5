using System;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using DomainProposition = Crm.Extensions.Domain.Propositions.ValueProposition;
using PropositionRow = Crm.Extensions.EarlyBound.ValueProposition;

namespace Crm.Extensions.Dataverse.Propositions;

/// <summary>Maps cx_valueproposition rows to the domain's value proposition.</summary>
public static class PropositionRows
{
    public static readonly string[] Columns =
    {
        PropositionRow.Fields.Name, PropositionRow.Fields.CustomerBenefit, PropositionRow.Fields.CompanyMargin,
        PropositionRow.Fields.PropositionStatus, PropositionRow.Fields.CustomerSegmentId, PropositionRow.Fields.ProductId,
        PropositionRow.Fields.OfferText,
    };

    /// <summary>The row as it will be after the write: written columns win over the stored ones.</summary>
    public static PropositionRow Merged(Entity written, Entity? stored)
    {
        var merged = new PropositionRow(written.Id);
        if (stored is not null)
        {
            foreach (var column in stored.Attributes) merged[column.Key] = column.Value;
        }

        foreach (var column in written.Attributes) merged[column.Key] = column.Value;
        return merged;
    }

    public static DomainProposition ToDomain(PropositionRow row) => new(
        row.Id,
        row.CustomerSegmentId?.Id ?? Guid.Empty,
        row.Name ?? string.Empty,
        row.CustomerBenefit,
        row.CompanyMargin,
        row.PropositionStatus == PropositionRow.PropositionStatusChoice.Active,
        row.ProductId?.Id);
}
