using System;
using System.Collections.Generic;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Tiers;
using static Crm.Extensions.Domain.Tests.Loyalty.LoyaltyFixture;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class TierEvaluatorTests
{
    private static readonly TierDefinition Silver = new(new Guid("a0000000-0000-0000-0000-000000000001"), "Silver", 1)
    {
        Paths = new[] { new QualificationPath(QualificationMeasure.Spend, 1_000m),
            new QualificationPath(QualificationMeasure.TransactionCount, 20m) },
    };

    private static readonly TierDefinition Gold = new(new Guid("a0000000-0000-0000-0000-000000000002"), "Gold", 2)
    {
        Paths = new[] { new QualificationPath(QualificationMeasure.Spend, 5_000m),
            new QualificationPath(QualificationMeasure.QualifyingPoints, 5_000m) },
        PointsMultiplier = 1.5m,
    };

    private static readonly TierDefinition Platinum = new(new Guid("a0000000-0000-0000-0000-000000000003"), "Platinum", 3)
    {
        Paths = new[] { new QualificationPath(QualificationMeasure.Spend, 20_000m) },
        IsVip = true,
    };

    private static readonly TierEvaluator Evaluator = new(new ProgramSettings(), new[] { Platinum, Silver, Gold });

    private static readonly DateTime Now = Day(2025, 6, 1);

    [Fact]
    public void Should_UpgradeAtOnceForOneWindow_When_AnyOnePathQualifies()
    {
        var decision = Evaluator.Evaluate(Input(TierStanding.None, transactions: 20), TierEvaluationMode.RealTime);

        Assert.Equal(Silver.Id, decision.TierId);
        Assert.Equal(TierChangeReason.Upgraded, decision.Reason);
        Assert.Equal(Day(2026, 6, 1), decision.ValidUntil);
    }

    [Fact]
    public void Should_PickTheHighestQualifiedTier_When_SeveralTiersQualify()
    {
        var decision = Evaluator.Evaluate(Input(new TierStanding(Silver.Id, Day(2026, 1, 1), null), spend: 6_000m),
            TierEvaluationMode.RealTime);

        Assert.Equal(Gold.Id, decision.TierId);
    }

    [Fact]
    public void Should_NeverDowngrade_When_EvaluatedInRealTime()
    {
        var standing = new TierStanding(Gold.Id, Day(2025, 1, 1), null);

        var decision = Evaluator.Evaluate(Input(standing), TierEvaluationMode.RealTime);

        Assert.Equal(Gold.Id, decision.TierId);
        Assert.Equal(TierChangeReason.Unchanged, decision.Reason);
    }

    [Fact]
    public void Should_HoldTheTierOneTickBeforeTheGraceEnds_When_TheCustomerNoLongerQualifies()
    {
        var standing = new TierStanding(Gold.Id, Day(2025, 6, 1), null);

        var decision = Evaluator.Evaluate(Input(standing, spend: 1_500m, asOf: Day(2025, 7, 1).AddTicks(-1)), TierEvaluationMode.PeriodEnd);

        Assert.Equal(Gold.Id, decision.TierId);
        Assert.Equal(TierChangeReason.HeldInGrace, decision.Reason);
    }

    [Fact]
    public void Should_DowngradeToWhatStillQualifies_When_EvaluatedOnExactlyTheGraceDay()
    {
        var standing = new TierStanding(Gold.Id, Day(2025, 6, 1), null);

        var decision = Evaluator.Evaluate(Input(standing, spend: 1_500m, asOf: Day(2025, 7, 1)), TierEvaluationMode.PeriodEnd);

        Assert.Equal(Silver.Id, decision.TierId);
        Assert.Equal(TierChangeReason.Downgraded, decision.Reason);
        Assert.Equal(Day(2026, 7, 1), decision.ValidUntil);
    }

    [Fact]
    public void Should_DropToNoTier_When_NothingQualifiesAfterTheGrace()
    {
        var decision = Evaluator.Evaluate(Input(new TierStanding(Silver.Id, Day(2025, 1, 1), null)), TierEvaluationMode.PeriodEnd);

        Assert.Null(decision.TierId);
        Assert.Null(decision.ValidUntil);
    }

    [Fact]
    public void Should_KeepTheTierUntouched_When_ItIsStillValid()
    {
        var standing = new TierStanding(Gold.Id, Day(2025, 6, 2), null);

        var decision = Evaluator.Evaluate(Input(standing), TierEvaluationMode.PeriodEnd);

        Assert.Equal(standing.TierId, decision.TierId);
        Assert.Equal(TierChangeReason.Unchanged, decision.Reason);
    }

    [Fact]
    public void Should_ExtendValidityByOneWindow_When_TheCustomerRequalifiesAtTheEndOfTheTerm()
    {
        var standing = new TierStanding(Gold.Id, Day(2025, 6, 1), null);

        var decision = Evaluator.Evaluate(Input(standing, spend: 5_000m), TierEvaluationMode.PeriodEnd);

        Assert.Equal(Gold.Id, decision.TierId);
        Assert.Equal(TierChangeReason.Requalified, decision.Reason);
        Assert.Equal(Day(2026, 6, 1), decision.ValidUntil);
    }

    [Fact]
    public void Should_AddWholeWindowsUntilTheFuture_When_TheRequalifyingBatchRunsLate()
    {
        var standing = new TierStanding(Gold.Id, Day(2024, 1, 1), null);

        var decision = Evaluator.Evaluate(Input(standing, points: 5_000), TierEvaluationMode.PeriodEnd);

        Assert.Equal(Day(2026, 1, 1), decision.ValidUntil);
        Assert.Equal(TierChangeReason.Requalified, decision.Reason);
    }

    [Fact]
    public void Should_HoldBackTheTopProfitGuaranteeToo_When_ADetractorAnsweredRecently()
    {
        var input = Input(new TierStanding(Silver.Id, Day(2026, 1, 1), null), spend: 1_500m) with { InTopProfitShare = true,
            LastDetractorOn = Now.AddDays(-1) };

        var decision = Evaluator.Evaluate(input, TierEvaluationMode.RealTime);

        Assert.Equal(Silver.Id, decision.TierId);
        Assert.Contains("Upgrade to Platinum is on hold", decision.BlockReason!.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RespectTheManualFloor_When_ADetractorBlockIsActive()
    {
        var input = Input(new TierStanding(null, null, Gold.Id)) with { LastDetractorOn = Now.AddDays(-1) };

        var decision = Evaluator.Evaluate(input, TierEvaluationMode.RealTime);

        Assert.Equal(Gold.Id, decision.TierId);
        Assert.Equal(TierChangeReason.ManualFloor, decision.Reason);
    }

    [Fact]
    public void Should_NotDropBelowTheManualFloor_When_TheCustomerStopsQualifying()
    {
        var standing = new TierStanding(Gold.Id, Day(2025, 1, 1), Gold.Id);

        var decision = Evaluator.Evaluate(Input(standing, spend: 1_500m), TierEvaluationMode.PeriodEnd);

        Assert.Equal(Gold.Id, decision.TierId);
        Assert.Equal(TierChangeReason.ManualFloor, decision.Reason);
    }

    [Fact]
    public void Should_GrantAtLeastTheVipTier_When_TheCustomerIsInTheTopProfitShare()
    {
        var decision = Evaluator.Evaluate(Input(TierStanding.None, spend: 1_500m) with { InTopProfitShare = true },
            TierEvaluationMode.RealTime);

        Assert.Equal(Platinum.Id, decision.TierId);
        Assert.Equal(TierChangeReason.TopProfitGuarantee, decision.Reason);
        Assert.True(Evaluator.HoldsVip(decision.TierId));
    }

    [Fact]
    public void Should_HoldBackTheUpgradeVisibly_When_ADetractorAnsweredWithinNinetyDays()
    {
        var standing = new TierStanding(Silver.Id, Day(2026, 1, 1), null);
        var input = Input(standing, spend: 6_000m) with { LastDetractorOn = Now.AddDays(-89) };

        var decision = Evaluator.Evaluate(input, TierEvaluationMode.RealTime);

        Assert.Equal(Silver.Id, decision.TierId);
        Assert.True(decision.IsUpgradeBlocked);
        Assert.Contains("Upgrade to Gold is on hold", decision.BlockReason!.English, StringComparison.Ordinal);
        Assert.Contains("La subida a Gold está en espera", decision.BlockReason.Spanish, StringComparison.Ordinal);
        Assert.Contains("2025-06-02", decision.BlockReason.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_UpgradeAgain_When_TheDetractorAnswerIsExactlyNinetyDaysOld()
    {
        var input = Input(new TierStanding(Silver.Id, Day(2026, 1, 1), null), spend: 6_000m) with { LastDetractorOn = Now.AddDays(-90) };

        var decision = Evaluator.Evaluate(input, TierEvaluationMode.RealTime);

        Assert.Equal(Gold.Id, decision.TierId);
        Assert.False(decision.IsUpgradeBlocked);
    }

    [Fact]
    public void Should_StillDowngrade_When_ADetractorBlockIsActive()
    {
        var input = Input(new TierStanding(Gold.Id, Day(2025, 1, 1), null), spend: 1_500m) with { LastDetractorOn = Now.AddDays(-10) };

        var decision = Evaluator.Evaluate(input, TierEvaluationMode.PeriodEnd);

        Assert.Equal(Silver.Id, decision.TierId);
        Assert.False(decision.IsUpgradeBlocked);
    }

    [Fact]
    public void Should_NameTheTopShareRoundedUpAmongProfitableCustomers_When_SelectingTheVipGuarantee()
    {
        var customers = new List<CustomerProfit>();
        for (var i = 1; i <= 21; i++)
        {
            customers.Add(new CustomerProfit(new Guid(i, 0, 0, new byte[8]), i * 100m));
        }

        var top = TopProfitShare.Select(customers, 0.05m);

        Assert.Equal(2, top.Count);                                                     // ceil(21 × 5%) = 2
        Assert.Contains(new Guid(21, 0, 0, new byte[8]), top);
        Assert.Contains(new Guid(20, 0, 0, new byte[8]), top);
        Assert.Empty(TopProfitShare.Select(new[] { new CustomerProfit(Guid.NewGuid(), -5m) }, 0.05m));
    }

    private static TierEvaluationInput Input(TierStanding standing, decimal spend = 0m, int transactions = 0, int points = 0,
        DateTime? asOf = null) =>
        new(standing, new QualificationMeasures(spend, points, transactions), asOf ?? Now);
}
