using System;
using Crm.Extensions.EarlyBound;

namespace Crm.Extensions.Plugins.Tests.Infrastructure;

public sealed partial class DataProducer
{
    /// <summary>
    /// An unsaved critical supplier relationship, reviewed <paramref name="reviewedDaysAgo"/> days ago, quarterly, rated 4.
    /// </summary>
    public PartnerRelationship NewPartner(int reviewedDaysAgo = 10, Action<PartnerRelationship>? with = null)
    {
        var partner = new PartnerRelationship
        {
            Name = "Supplier " + Guid.NewGuid().ToString("N")[..6],
            PartnerAccountId = Account().ToEntityReference(),
            PartnerType = GlobalChoices.PartnerType.Supplier,
            Criticality = PartnerRelationship.CriticalityChoice.Critical,
            ReviewCadenceDays = 90,
            LastReviewOn = Crm.Clock.UtcNow.Date.AddDays(-reviewedDaysAgo),
            PerformanceRating = 4,
        };
        with?.Invoke(partner);
        return partner;
    }
}
