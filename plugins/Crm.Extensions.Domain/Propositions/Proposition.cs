using System;

namespace Crm.Extensions.Domain.Propositions;

/// <summary>One cx_valueproposition as the rules see it.</summary>
/// <param name="CompanyMarginPercent">What the company keeps, in percent of the price; null when not stated.</param>
/// <param name="ProductId">The product offered; null for an offer that is not a product (service, terms).</param>
public sealed record Proposition(
    Guid Id,
    Guid SegmentId,
    string Name,
    string? CustomerBenefit,
    decimal? CompanyMarginPercent,
    bool IsActive,
    Guid? ProductId);
