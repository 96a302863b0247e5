using System;

namespace Crm.Extensions.Domain.Network;

/// <summary>One cx_partnerrelationship as the rules see it.</summary>
/// <param name="LastReviewRating">Outcome of the last review, 1 (poor) to 5 (excellent); null when not rated.</param>
public sealed record Partnership(
    Guid Id,
    Guid PartnerId,
    PartnerKind PartnerKind,
    PartnerType Type,
    Criticality Criticality,
    ReviewCadence Cadence,
    DateTime? LastReviewedOnUtc,
    int? LastReviewRating,
    bool IsActive,
    Guid? ServedSegmentId)
{
    public bool IsCritical => IsActive && Criticality == Criticality.Critical;
}
