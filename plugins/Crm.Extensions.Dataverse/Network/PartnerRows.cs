using System;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Network;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Network;

/// <summary>Maps a cx_partnerrelationship row (written columns over the stored image) to the domain's relationship.</summary>
public static class PartnerRows
{
    /// <summary>The columns the health score reads: what an Update step filters on and its pre-image holds.</summary>
    public static readonly string[] HealthInputs =
    {
        PartnerRelationship.Fields.Criticality, PartnerRelationship.Fields.LastReviewOn, PartnerRelationship.Fields.PerformanceRating,
        PartnerRelationship.Fields.ReviewCadenceDays, PartnerRelationship.Fields.StateCode,
    };

    /// <summary>Cadence assumed when none is set: the yearly review.</summary>
    public const int DefaultCadenceDays = 365;

    private static readonly LocalizedText FutureReview = new(
        "The last review date cannot be in the future.",
        "La fecha de la última revisión no puede ser futura.");

    /// <summary>The row as it will be after the write: written columns win over the stored ones.</summary>
    public static PartnerRelationship Merged(Entity written, Entity? stored)
    {
        var merged = new PartnerRelationship();
        if (stored is not null)
        {
            foreach (var column in stored.Attributes) merged[column.Key] = column.Value;
        }

        foreach (var column in written.Attributes) merged[column.Key] = column.Value;
        return merged;
    }

    public static Partnership ToDomain(PartnerRelationship row, DateTime asOfUtc)
    {
        if (row is null) throw new ArgumentNullException(nameof(row));
        if (row.LastReviewOn is { } last && last.Date > asOfUtc.Date) throw new BusinessRuleException(FutureReview);

        var partner = row.PartnerAccountId ?? row.PartnerContactId ?? row.PartnerUserId;
        return new Partnership(
            row.Id,
            partner?.Id ?? Guid.Empty,
            row.PartnerContactId is not null ? PartnerKind.Contact : row.PartnerUserId is not null ? PartnerKind.User : PartnerKind.Account,
            TypeOf(row.PartnerType),
            CriticalityOf(row.Criticality),
            CadenceOf(row.ReviewCadenceDays ?? DefaultCadenceDays),
            row.LastReviewOn,
            row.PerformanceRating,
            (row.StateCode?.Value ?? 0) == 0,
            row.CustomerSegmentId?.Id);
    }

    /// <summary>The domain counts cadence in whole months: the nearest one not shorter than the days given.</summary>
    public static ReviewCadence CadenceOf(int days) =>
        days <= 31 ? ReviewCadence.Monthly : days <= 92 ? ReviewCadence.Quarterly : days <= 183
            ? ReviewCadence.HalfYearly : ReviewCadence.Yearly;

    /// <summary>High weighs like Medium: only Critical shortens the grace and counts for the gate and the KPI.</summary>
    public static Criticality CriticalityOf(PartnerRelationship.CriticalityChoice? choice) => choice switch
    {
        PartnerRelationship.CriticalityChoice.Critical => Criticality.Critical,
        PartnerRelationship.CriticalityChoice.High or PartnerRelationship.CriticalityChoice.Medium => Criticality.Medium,
        _ => Criticality.Low,
    };

    private static PartnerType TypeOf(GlobalChoices.PartnerType? type) => type switch
    {
        GlobalChoices.PartnerType.Supplier => PartnerType.Supplier,
        GlobalChoices.PartnerType.Investor => PartnerType.Investor,
        GlobalChoices.PartnerType.Distributor => PartnerType.Distributor,
        GlobalChoices.PartnerType.Employee => PartnerType.Employee,
        GlobalChoices.PartnerType.ServicePartner => PartnerType.ServicePartner,
        _ => PartnerType.Other,
    };
}
