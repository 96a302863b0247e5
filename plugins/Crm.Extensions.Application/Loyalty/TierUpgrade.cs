using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Tiers;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Application.Loyalty;

/// <summary>
/// The real-time tier evaluation after the ledger changed (TierEvaluator, RealTime): an upgrade happens at once.
/// Spend and transaction count come from the member's purchase earnings (one lot per paid line, net of reversals),
/// so no query is needed; the latest detractor answer is read only when the evaluation would upgrade.
/// </summary>
public static class TierUpgrade
{
    /// <summary>The tier the member holds after the evaluation (written only if it changed).</summary>
    public static Guid? Apply(IOrganizationService service, LoyaltyProgramConfiguration program, MemberLedger member, DateTime asOf)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (program is null || program.Tiers.Count == 0 || member is null) return member?.TierId;
        return Apply(service, program, member, asOf, QualificationWindow.Measure(member.Entries, asOf,
            program.Settings.QualificationWindowMonths));
    }

    /// <summary>The evaluation on the window's <paramref name="measures"/> as kept (a payment reads no whole ledger).</summary>
    public static Guid? Apply(IOrganizationService service, LoyaltyProgramConfiguration program, MemberLedger member, DateTime asOf,
        QualificationMeasures measures)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (program is null || program.Tiers.Count == 0 || member is null) return member?.TierId;
        var tiers = new TierEvaluator(program.Settings, program.Tiers);
        var input = new TierEvaluationInput(new TierStanding(member.TierId, member.TierValidUntil, member.TierFloorId), measures, asOf);
        var decision = tiers.Evaluate(input, TierEvaluationMode.RealTime);
        if (Rank(tiers, decision.TierId) > Rank(tiers, member.TierId))
        {
            // Request, only when upgrading: the latest detractor answer, which may hold the upgrade back.
            decision = tiers.Evaluate(input with { LastDetractorOn = LastDetractorOn(service, member.Customer.Id) },
                TierEvaluationMode.RealTime);
        }

        if (decision.TierId == member.TierId && decision.ValidUntil == member.TierValidUntil && !decision.IsUpgradeBlocked)
            return member.TierId;
        TierChangeWriter.Apply(service, member, tiers.Find(member.TierId), tiers.Find(decision.TierId), decision,
            program.Settings.BasePriceListId, asOf, program.ListMemberTypes);
        return decision.TierId;
    }

    /// <summary>Paid purchases from the ledger: one per invoice, amount net of its reversed lines.</summary>
    public static IReadOnlyList<PurchaseActivity> Purchases(IEnumerable<LedgerEntry> ledger) => QualificationWindow.Purchases(ledger);

    private static int Rank(TierEvaluator tiers, Guid? tierId) => tiers.Find(tierId)?.Rank ?? int.MinValue;

    private static DateTime? LastDetractorOn(IOrganizationService service, Guid customerId)
    {
        var query = new QueryExpression(SatisfactionSurvey.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(SatisfactionSurvey.Fields.AnsweredOn),
            Criteria =
            {
                Conditions =
                {
                    new ConditionExpression(SatisfactionSurvey.Fields.CustomerId, ConditionOperator.Equal, customerId),
                    new ConditionExpression(SatisfactionSurvey.Fields.NpsCategory, ConditionOperator.Equal,
                        (int)SatisfactionSurvey.NpsCategoryChoice.Detractor),
                },
            },
            Orders = { new OrderExpression(SatisfactionSurvey.Fields.AnsweredOn, OrderType.Descending) },
            TopCount = 1,
        };
        return service.RetrieveMultiple(query).Entities.FirstOrDefault()
            ?.GetAttributeValue<DateTime?>(SatisfactionSurvey.Fields.AnsweredOn);
    }
}
