using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Configuration;

namespace Crm.Extensions.Domain.Loyalty.Tiers;

/// <summary>
/// Tier rules: upgrade at once when any path qualifies; downgrade only at period end once
/// <c>ValidUntil + grace</c> is reached (the grace end is exclusive: on exactly the grace day the downgrade happens);
/// requalifying when validity ends extends it by one window; the manual floor and the top-profit VIP guarantee
/// are lower bounds; a detractor survey in the last N days holds back every automatic upgrade, visibly.
/// </summary>
public sealed class TierEvaluator
{
    private readonly ProgramSettings program;
    private readonly IReadOnlyList<TierDefinition> tiers;

    public TierEvaluator(ProgramSettings program, IEnumerable<TierDefinition> tiers)
    {
        this.program = program ?? throw new ArgumentNullException(nameof(program));
        this.tiers = (tiers ?? throw new ArgumentNullException(nameof(tiers))).OrderBy(tier => tier.Rank).ToList();
    }

    /// <summary>The lowest-ranked VIP tier: what the top-profit share is guaranteed and what phase III requires.</summary>
    public TierDefinition? VipTier => tiers.FirstOrDefault(tier => tier.IsVip);

    public TierDefinition? Find(Guid? tierId) => tierId is { } id ? tiers.FirstOrDefault(tier => tier.Id == id) : null;

    public TierDefinition? HighestQualified(QualificationMeasures measures) => tiers.LastOrDefault(tier => tier.IsQualifiedBy(measures));

    public bool HoldsVip(Guid? tierId) => VipTier is { } vip && Rank(Find(tierId)) >= vip.Rank;

    public bool IsUpgradeBlocked(DateTime? lastDetractorOn, DateTime asOf) =>
        lastDetractorOn is { } on && on <= asOf && asOf < on.AddDays(program.DetractorUpgradeBlockDays);

    public TierDecision Evaluate(TierEvaluationInput input, TierEvaluationMode mode)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        var current = Find(input.Standing.TierId);
        var earned = HighestQualified(input.Measures);
        var guaranteed = input.InTopProfitShare ? VipTier : null;
        LocalizedText? block = null;
        if (IsUpgradeBlocked(input.LastDetractorOn, input.AsOf) && Rank(Best(earned, guaranteed)) > Rank(current))
        {
            block = BlockText(Best(earned, guaranteed)!, input.LastDetractorOn.GetValueOrDefault());
            earned = Rank(earned) > Rank(current) ? current : earned;
            guaranteed = Rank(guaranteed) > Rank(current) ? null : guaranteed;
        }

        var decision = Earned(input, mode, current, earned) with { BlockReason = block };
        if (guaranteed is not null && Rank(Find(decision.TierId)) < guaranteed.Rank)
        {
            decision = decision with { TierId = guaranteed.Id, ValidUntil = EndOfWindow(input.AsOf),
                Reason = TierChangeReason.TopProfitGuarantee };
        }

        var floor = Find(input.Standing.ManualFloorTierId);
        if (floor is not null && Rank(Find(decision.TierId)) < floor.Rank)
        {
            decision = decision with { TierId = floor.Id, ValidUntil = null, Reason = TierChangeReason.ManualFloor };
        }

        return decision;
    }

    private TierDecision Earned(TierEvaluationInput input, TierEvaluationMode mode, TierDefinition? current, TierDefinition? earned)
    {
        var asOf = input.AsOf;
        var validUntil = input.Standing.ValidUntil;
        var unchanged = new TierDecision(current?.Id, validUntil, TierChangeReason.Unchanged, null);
        if (earned is not null && Rank(earned) > Rank(current))
        {
            return new TierDecision(earned.Id, EndOfWindow(asOf), TierChangeReason.Upgraded, null);
        }

        if (earned is not null && earned.Id == current?.Id)
        {
            return validUntil is { } until && asOf < until
                ? unchanged
                : unchanged with { ValidUntil = Extend(validUntil, asOf), Reason = TierChangeReason.Requalified };
        }

        if (current is null || mode == TierEvaluationMode.RealTime || (validUntil is { } valid && asOf < valid))
        {
            return unchanged;
        }

        if (validUntil is { } lapsed && asOf < lapsed.AddDays(program.DowngradeGraceDays))
        {
            return unchanged with { Reason = TierChangeReason.HeldInGrace };
        }

        return new TierDecision(earned?.Id, earned is null ? null : EndOfWindow(asOf), TierChangeReason.Downgraded, null);
    }

    /// <summary>Adds whole windows to the old validity until it lies in the future, so a late batch does not shorten the term.</summary>
    private DateTime Extend(DateTime? validUntil, DateTime asOf)
    {
        if (validUntil is not { } until)
        {
            return EndOfWindow(asOf);
        }

        do
        {
            until = until.AddMonths(program.QualificationWindowMonths);
        }
        while (until <= asOf);

        return until;
    }

    private DateTime EndOfWindow(DateTime from) => from.AddMonths(program.QualificationWindowMonths);

    private LocalizedText BlockText(TierDefinition heldBack, DateTime detractorOn)
    {
        var resumes = LoyaltyText.Date(detractorOn.AddDays(program.DetractorUpgradeBlockDays));
        return new LocalizedText(
            $"Upgrade to {heldBack.Name} is on hold: the customer gave a detractor answer in a survey on " +
            $"{LoyaltyText.Date(detractorOn)}. Resolve the retention task; upgrades resume on {resumes}.",
            $"La subida a {heldBack.Name} está en espera: el cliente respondió como detractor en una encuesta el " +
            $"{LoyaltyText.Date(detractorOn)}. Resuelva la tarea de retención; las subidas se reanudan el {resumes}.");
    }

    private static TierDefinition? Best(TierDefinition? first, TierDefinition? second) => Rank(first) >= Rank(second) ? first : second;

    private static int Rank(TierDefinition? tier) => tier?.Rank ?? int.MinValue;
}
