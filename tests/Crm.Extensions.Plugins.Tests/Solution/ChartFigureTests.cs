using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Domain.Lifecycle;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Emulator;
using Crm.Extensions.Plugins.Lifecycle;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Crm.Extensions.Plugins.Tests.Portfolio;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Plugins.Tests.Solution;

/// <summary>
/// Every chart of solution/src, its FetchXML run as committed through the emulator's aggregate engine, on data the product
/// wrote through its own entry points (paid invoices, cx_ProcessLoyaltyLedger, cx_RedeemReward, cx_EvaluateLifecycle,
/// cx_SnapshotKpis, a portfolio analysis), and compared with the figures the product and its domain compute. A chart's
/// data description pairs an aggregate fetch with a category (the group-by alias) and a measure (the aggregate alias):
/// https://learn.microsoft.com/power-apps/developer/model-driven-apps/understand-charts-underlying-data-chart-representation
/// and https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data (group-by rows, one per value,
/// including the empty one; count, sum, avg).
/// </summary>
public sealed class ChartFigureTests
{
    private static readonly DateTime Now = new(2026, 11, 15, 12, 0, 0, DateTimeKind.Utc);

    private readonly DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;

    public ChartFigureTests()
    {
        _data = new DataProducer(_crm);
        _crm.Clock.Set(Now);
    }

    [Fact]
    public void Should_AddUpToThePointsLiability_When_ChartingPointsEarnedRedeemedAndExpired()
    {
        var members = LoyaltyYear();

        var bars = Chart("cx_loyaltytransaction", "Points earned, redeemed and expired");

        var liability = members.Select(Stored).Sum(m => (m.GetAttributeValue<int?>(Contact.Fields.PointsBalance) ?? 0)
            + (m.GetAttributeValue<int?>(Contact.Fields.PendingPoints) ?? 0));
        Assert.Equal(liability, bars.Values.Sum());
        Assert.Equal(1_500m, bars[(int)GlobalChoices.LedgerEntryType.Earn]);
        Assert.Equal(-600m, bars[(int)GlobalChoices.LedgerEntryType.Redeem]);
        Assert.Equal(-80m, bars[(int)GlobalChoices.LedgerEntryType.Expire]);
    }

    [Fact]
    public void Should_CountTheMembersOfEachTier_When_ChartingTheTierDistribution()
    {
        var members = LoyaltyYear();

        var bars = Chart("contact", "Tier distribution");

        var perTier = members.Select(Stored).GroupBy(m => (object?)m.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId)?.Id)
            .ToDictionary(g => g.Key ?? NoValue, g => (decimal)g.Count());
        Assert.Equal(perTier, bars);
        Assert.Equal(2m, bars[_gold!.Id]);
        Assert.Equal(1m, bars[_silver!.Id]);
    }

    [Fact]
    public void Should_CountEveryIssuedVoucher_When_ChartingRedemptionsByStatus()
    {
        LoyaltyYear();

        var bars = Chart("cx_rewardredemption", "Redemptions by status");

        Assert.Equal(new Dictionary<object, decimal> { [(int)RewardRedemption.RedemptionStatusChoice.Issued] = _redeemed }, bars);
    }

    [Fact]
    public void Should_CountOneJourneyPerMemberAndFamily_When_ChartingTheLoyaltyPhaseFunnel()
    {
        var members = LoyaltyYear();

        var bars = Chart("cx_loyaltyjourney", "Loyalty phase funnel");

        var journeys = _crm.All(LoyaltyJourney.EntityLogicalName)
            .GroupBy(j => (object)j.GetAttributeValue<OptionSetValue>(LoyaltyJourney.Fields.Phase).Value)
            .ToDictionary(g => g.Key, g => (decimal)g.Count());
        Assert.Equal(journeys, bars);
        Assert.Equal(members.Count, bars.Values.Sum());
    }

    [Fact]
    public void Should_MatchTheDomainsStageOfEveryContact_When_ChartingTheLifecycleFunnel()
    {
        var histories = LifecycleBase();

        _crm.Service.Execute(new OrganizationRequest(EvaluateLifecycle.ApiName));
        var bars = Chart("contact", "Lifecycle stage funnel");

        var expected = histories.Values.GroupBy(DomainStage).ToDictionary(g => (object)g.Key, g => (decimal)g.Count());
        Assert.Equal(expected, bars);
    }

    [Fact]
    public void Should_CountTheTransitionsTheEvaluationReported_When_ChartingTransitionsByNewStage()
    {
        var histories = LifecycleBase();

        var reported = (int)_crm.Service.Execute(new OrganizationRequest(EvaluateLifecycle.ApiName))[EvaluateLifecycle.TransitionsOutput];
        var bars = Chart("cx_lifecycletransition", "Lifecycle transitions by new stage");

        var moved = histories.Where(h => DomainStage(h.Value) != (int)GlobalChoices.LifecycleStage.Repeat)
            .GroupBy(h => DomainStage(h.Value)).ToDictionary(g => (object)g.Key, g => (decimal)g.Count());
        Assert.Equal(moved, bars);
        Assert.Equal(reported, bars.Values.Sum());
    }

    [Fact]
    public void Should_ShowEachPeriodsNetPromoterScore_When_ChartingNpsPerPeriod()
    {
        var answers = KpiMonths();

        var bars = Chart("cx_kpisnapshot", "NPS per period");

        Assert.Equal(NetPromoterScore.Calculate(answers["2026-10"]), bars["2026-10"]);
        Assert.Equal(NetPromoterScore.Calculate(answers["2026-11"]), bars["2026-11"]);
        Assert.Equal(40m, bars["2026-11"]);
    }

    [Fact]
    public void Should_ShowEachPeriodsRetention_When_ChartingRetentionPerPeriod()
    {
        KpiMonths();

        var bars = Chart("cx_kpisnapshot", "Retention rate per period");

        var stored = _crm.All(KpiSnapshot.EntityLogicalName).ToDictionary(
            s => (object)s.GetAttributeValue<string>(KpiSnapshot.Fields.Period),
            s => s.GetAttributeValue<decimal?>(KpiSnapshot.Fields.RetentionRate));
        Assert.Equal(stored["2026-11"], bars["2026-11"]);
        Assert.Equal(stored["2026-10"], bars["2026-10"]);
        Assert.Equal(2, bars.Count);
    }

    [Fact]
    public void Should_AddUpToTheAnalysedBase_When_ChartingTheSegmentDistribution()
    {
        var portfolio = new PortfolioScenario(_crm);
        var analysis = portfolio.Analyse();

        var bars = Chart("cx_customersegment", "Segment distribution");

        Assert.Equal((decimal?)analysis.CustomerCount, bars.Values.Sum());
        var champions = (object)(int)GlobalChoices.RFMSegment.Champions;
        Assert.Equal(1m, bars[champions]);
    }

    [Fact]
    public void Should_AddUpToTheAnalysisProfit_When_ChartingProfitBySegment()
    {
        var portfolio = new PortfolioScenario(_crm);
        var analysis = portfolio.Analyse();

        var bars = Chart("cx_customersegment", "Profit by segment");

        Assert.Equal(analysis.TotalProfit!.Value, bars.Values.Sum());
        Assert.Equal(2_400m, bars[(int)GlobalChoices.RFMSegment.Champions]);
        Assert.Equal(600m, bars[(int)GlobalChoices.RFMSegment.AtRisk]);
    }

    /// <summary>The key of the bar for rows without a value (the chart's empty category).</summary>
    private static readonly object NoValue = "(empty)";

    private LoyaltyTier? _silver;
    private LoyaltyTier? _gold;
    private decimal _redeemed;

    /// <summary>
    /// Four members pay 50, 150, 600 and 700 (1 point per unit, 14 pending days) in one family; Silver needs 100
    /// qualifying points, Gold 500. A lapsed 80-point bonus lot expires when cx_ProcessLoyaltyLedger runs 15 days later
    /// (and vests the earnings); the two Gold members then redeem a 300-point reward each through cx_RedeemReward.
    /// </summary>
    private List<Contact> LoyaltyYear()
    {
        var program = _data.Program();
        _silver = _data.Tier(program, t => t[LoyaltyTier.Fields.MinQualifyingPoints] = 100);
        _gold = _data.Tier(program, t =>
        {
            t[LoyaltyTier.Fields.Name] = "Gold";
            t[LoyaltyTier.Fields.Rank] = 2;
            t[LoyaltyTier.Fields.MinQualifyingPoints] = 500;
        });
        var family = _data.Product();
        var members = new[] { 50m, 150m, 600m, 700m }.Select(amount =>
        {
            var member = _data.Contact();
            var invoice = _data.Invoice(member);
            _data.Line(invoice, _data.ProductIn(family), amount);
            _data.Pay(invoice);
            return member;
        }).ToList();
        _crm.DrainAsyncJobs();
        _data.AvailablePoints(members[0], program, 80, l => l[LoyaltyTransaction.Fields.ExpiresOn] = Now.AddDays(10));

        _crm.Clock.Set(Now.AddDays(15));
        _crm.Service.Execute(new OrganizationRequest(ProcessLoyaltyLedger.Api));
        var reward = _data.Reward(program, pointsCost: 300);
        foreach (var member in members.Skip(2))
        {
            _crm.Service.Execute(new OrganizationRequest(RedeemReward.Api)
            {
                ["Customer"] = member.ToEntityReference(),
                ["Reward"] = reward.ToEntityReference(),
            });
            _redeemed++;
        }

        _crm.DrainAsyncJobs();
        return members;
    }

    private Contact Stored(Contact member) => _crm.Get(Contact.EntityLogicalName, member.Id)!.ToEntity<Contact>();

    /// <summary>
    /// Six repeat buyers (two paid invoices each, stage Repeat) whose last purchase was 10, 100, 200, 250, 400 and 500 days
    /// ago: by the default thresholds (at risk after 180 days, lapsed after 365) two stay Repeat, two become At risk, two Lapsed.
    /// </summary>
    private Dictionary<Guid, DateTime[]> LifecycleBase() => new[] { 10, 100, 200, 250, 400, 500 }.ToDictionary(
        _ => Guid.NewGuid(),
        daysAgo => new[] { Now.AddDays(-daysAgo - 30), Now.AddDays(-daysAgo) })
        .Select(h =>
        {
            var repeat = new OptionSetValue((int)GlobalChoices.LifecycleStage.Repeat);
            var contact = _data.Contact(c => c[Contact.Fields.LifecycleStage] = repeat);
            foreach (var paidOn in h.Value) _data.PaidInvoiceOn(contact, paidOn);
            return (contact.Id, h.Value);
        })
        .ToDictionary(h => h.Id, h => h.Value);

    /// <summary>The stage the domain gives a customer with these paid invoices and no NPS answer, as the choice value.</summary>
    private static int DomainStage(DateTime[] paid)
    {
        var thresholds = LifecycleThresholds.Default;
        var facts = PurchaseFacts.FromHistory(paid.Select(on => new PaidPurchase(Guid.NewGuid(), on)), null, Now, thresholds);
        var stage = LifecycleRules.Classify(facts.ToLifecycleFacts(Now, thresholds), Now, thresholds).Stage;
        return (int)Enum.Parse<GlobalChoices.LifecycleStage>(stage.ToString());
    }

    /// <summary>
    /// October and November 2026, snapshot through cx_SnapshotKpis. Two customers bought in September and October, one of them
    /// again in November. NPS answers: October 10, 9, 7; November 10, 9, 9, 6, 8 (3 promoters and 1 detractor of 5: 40).
    /// </summary>
    private Dictionary<string, int[]> KpiMonths()
    {
        var loyal = _data.Contact();
        var leaving = _data.Contact();
        foreach (var buyer in new[] { loyal, leaving })
        {
            _data.PaidInvoiceOn(buyer, new DateTime(2026, 9, 20, 12, 0, 0, DateTimeKind.Utc));
            _data.PaidInvoiceOn(buyer, new DateTime(2026, 10, 20, 12, 0, 0, DateTimeKind.Utc));
        }

        _data.PaidInvoiceOn(loyal, new DateTime(2026, 11, 5, 12, 0, 0, DateTimeKind.Utc));
        var answers = new Dictionary<string, int[]> { ["2026-10"] = [10, 9, 7], ["2026-11"] = [10, 9, 9, 6, 8] };
        foreach (var (period, scores) in answers)
        {
            var month = DateTime.ParseExact(period + "-10", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            foreach (var score in scores) Answered(loyal, score, month);
        }

        _crm.Clock.Set(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc));
        foreach (var period in answers.Keys)
        {
            _crm.Service.Execute(new OrganizationRequest(SnapshotKpis.ApiName) { [SnapshotKpis.PeriodParameter] = period });
        }

        return answers;
    }

    private void Answered(Contact customer, int score, DateTime on) =>
        _crm.Seed(new Entity(SatisfactionSurvey.EntityLogicalName, Guid.NewGuid())
    {
        [SatisfactionSurvey.Fields.Name] = "Post-sale survey",
        [SatisfactionSurvey.Fields.CustomerId] = customer.ToEntityReference(),
        [SatisfactionSurvey.Fields.SurveyStatus] = new OptionSetValue((int)SatisfactionSurvey.SurveyStatusChoice.Answered),
        [SatisfactionSurvey.Fields.NpsScore] = score,
        [SatisfactionSurvey.Fields.AnsweredOn] = on,
    });

    /// <summary>
    /// The committed chart, found by its English title, run as committed: one bar per group-by value (a choice's value, a
    /// lookup's id, a text) with its measure.
    /// </summary>
    private Dictionary<object, decimal> Chart(string table, string title)
    {
        var folder = Directory.GetDirectories(Path.Combine(ProductSolution.SolutionSource, "Entities"))
            .Single(d => Path.GetFileName(d).Equals(table, StringComparison.OrdinalIgnoreCase));
        var chart = Directory.GetFiles(Path.Combine(folder, "Visualizations"), "*.xml").Select(XElement.Load)
            .Single(c => c.Element("LocalizedNames")!.Elements()
                .Any(n => n.Attribute("languagecode")!.Value == "1033" && n.Attribute("description")!.Value == title));
        var definition = chart.Element("datadescription")!.Element("datadefinition")!;
        var fetch = definition.Descendants("fetch").Single();
        var category = fetch.Descendants("attribute").Single(a => a.Attribute("groupby")?.Value == "true").Attribute("alias")!.Value;
        var measure = definition.Descendants("measure").Single().Attribute("alias")!.Value;

        var rows = _crm.Service.RetrieveMultiple(new FetchExpression(fetch.ToString(SaveOptions.DisableFormatting))).Entities;
        return rows.ToDictionary(
            row => Key(row.GetAttributeValue<AliasedValue>(category)?.Value),
            row => Convert.ToDecimal(row.GetAttributeValue<AliasedValue>(measure)?.Value switch
            {
                Money money => money.Value,
                { } number => number,
                null => 0m,
            }, CultureInfo.InvariantCulture));
    }

    private static object Key(object? value) => value switch
    {
        null => NoValue,
        OptionSetValue choice => choice.Value,
        EntityReference reference => reference.Id,
        _ => value,
    };
}
