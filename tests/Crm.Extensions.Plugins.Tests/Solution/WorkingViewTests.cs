using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Emulator;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Plugins.Tests.Solution;

/// <summary>
/// The working views of solution/src, run as committed (their FetchXML, through the emulator's query engine) on rows
/// that should and should not be listed. Relative date operators (next-x-days, this-month, yesterday, olderthan-x-days)
/// are described in https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/reference/operators.
/// </summary>
public sealed class WorkingViewTests
{
    private const int Active = 0;
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    private readonly DataverseEmulator _crm = ProductSolution.Start();

    public WorkingViewTests() => _crm.Clock.Set(Now);

    [Fact]
    public void Should_ListOnlyMyAtRiskContacts_When_RunningMyCustomersAtRisk()
    {
        var me = _crm.CreateUser("Marta Ruiz", isAdministrator: true);
        var colleague = _crm.CreateUser("Luis Gómez", isAdministrator: true);
        var mine = Seed("contact", ("lastname", "Mine at risk"), ("ownerid", Owner(me)), ("cx_lifecyclestage", Choice(586700005)));
        Seed("contact", ("lastname", "Mine loyal"), ("ownerid", Owner(me)), ("cx_lifecyclestage", Choice(586700003)));
        Seed("contact", ("lastname", "Colleague's at risk"), ("ownerid", Owner(colleague)), ("cx_lifecyclestage", Choice(586700005)));

        var rows = Run("contact", "My customers at risk", me);

        Assert.Equal([mine], rows);
    }

    [Fact]
    public void Should_ListAvailableLotsExpiringWithin30Days_SoonestFirst_When_RunningPointsExpiring()
    {
        var program = Seed("cx_loyaltyprogram", ("cx_name", "Club"), ("cx_pointspercurrencyunit", 1m));
        var customer = new EntityReference("contact", Seed("contact", ("lastname", "Member")));
        Guid Lot(int status, int remaining, int inDays) => Seed("cx_loyaltytransaction", ("cx_name", "Lot"), ("cx_customerid", customer),
            ("cx_loyaltyprogramid", new EntityReference("cx_loyaltyprogram", program)), ("cx_entrytype", Choice(586700000)),
            ("cx_entrystatus", Choice(status)), ("cx_points", 100), ("cx_remainingpoints", remaining), ("cx_reason", "Purchase"),
            ("cx_sourcekey", Guid.NewGuid().ToString()), ("cx_earnedon", Now.AddDays(-300)), ("cx_expireson", Now.AddDays(inDays)));
        var later = Lot(586700001, 40, 20);
        var sooner = Lot(586700001, 100, 3);
        Lot(586700001, 100, 45);
        Lot(586700001, 0, 5);
        Lot(586700000, 100, 5);

        var rows = Run("cx_loyaltytransaction", "Points expiring in 30 days");

        Assert.Equal([sooner, later], rows);
    }

    [Fact]
    public void Should_ListOpenOffersBestScoreFirst_When_RunningOpenCrossSellOffers()
    {
        var customer = new EntityReference("contact", Seed("contact", ("lastname", "Buyer")));
        var products = new DataProducer(_crm);
        Guid Offer(int status, decimal score) => Seed("cx_crossselloffer", ("cx_name", "Offer"), ("cx_customerid", customer),
            ("cx_productid", products.Product().ToEntityReference()), ("cx_offertype", Choice(586700001)),
            ("cx_offerstatus", Choice(status)),
            ("cx_score", score));
        var good = Offer(586700000, 10m);
        var best = Offer(586700000, 80m);
        Offer(586700001, 99m);

        var rows = Run("cx_crossselloffer", "Open cross-sell offers");

        Assert.Equal([best, good], rows);
    }

    [Fact]
    public void Should_ListDetractorsNobodyCalledBack_When_RunningDetractorsWithoutACallBack()
    {
        var customer = new EntityReference("contact", Seed("contact", ("lastname", "Unhappy")));
        Guid Survey(int category, DateTime? calledBackOn) => Seed("cx_satisfactionsurvey", ("cx_name", "Survey"),
            ("cx_customerid", customer),
            ("cx_surveystatus", Choice(586700001)), ("cx_npscategory", Choice(category)), ("cx_answeredon", Now.AddDays(-2)),
            ("cx_calledbackon", calledBackOn));
        var waiting = Survey(586700000, null);
        Survey(586700000, Now.AddDays(-1));
        Survey(586700002, null);

        var rows = Run("cx_satisfactionsurvey", "Detractors without a call-back");

        Assert.Equal([waiting], rows);
    }

    [Fact]
    public void Should_ListReviewsDueBeforeToday_When_RunningOverduePartnerReviews()
    {
        Guid Partner(DateTime nextReview) => Seed("cx_partnerrelationship", ("cx_name", "Partner"), ("cx_partnertype", Choice(586700000)),
            ("cx_criticality", Choice(586700002)), ("cx_nextreviewon", nextReview.Date));
        var yesterday = Partner(Now.AddDays(-1));
        var lastMonth = Partner(Now.AddDays(-30));
        Partner(Now);
        Partner(Now.AddDays(10));

        var rows = Run("cx_partnerrelationship", "Overdue partner reviews");

        Assert.Equal([lastMonth, yesterday], rows);
    }

    [Fact]
    public void Should_ListQueuedRunningAndPausedRuns_When_RunningAnalysesInProgress()
    {
        Guid Analysis(int status) => Seed("cx_portfolioanalysis", ("cx_name", "Run"), ("cx_analysisstatus", Choice(status)));
        var queued = Analysis(586700000);
        var running = Analysis(586700001);
        var paused = Analysis(586700005);
        Analysis(586700002);
        Analysis(586700003);

        var rows = Run("cx_portfolioanalysis", "Analyses in progress");

        Assert.Equal(new[] { queued, running, paused }.Order(), rows.Order());
    }

    [Fact]
    public void Should_ListIssuedVouchersOldestFirst_When_RunningRedemptionsToFulfil()
    {
        var program = Seed("cx_loyaltyprogram", ("cx_name", "Club"), ("cx_pointspercurrencyunit", 1m));
        var reward = Seed("cx_reward", ("cx_name", "Mug"), ("cx_loyaltyprogramid", new EntityReference("cx_loyaltyprogram", program)),
            ("cx_rewardtype", Choice(586700002)), ("cx_pointscost", 100));
        var customer = new EntityReference("contact", Seed("contact", ("lastname", "Member")));
        Guid Redemption(int status, int daysAgo) => Seed("cx_rewardredemption", ("cx_name", "Mug"), ("cx_customerid", customer),
            ("cx_rewardid", new EntityReference("cx_reward", reward)), ("cx_vouchercode", Guid.NewGuid().ToString("N")[..10]),
            ("cx_redemptionstatus", Choice(status)), ("cx_redeemedon", Now.AddDays(-daysAgo)));
        var recent = Redemption(586700000, 1);
        var old = Redemption(586700000, 9);
        Redemption(586700001, 20);

        var rows = Run("cx_rewardredemption", "Redemptions to fulfil");

        Assert.Equal([old, recent], rows);
    }

    [Fact]
    public void Should_ListMembersUpgradedThisMonth_LatestFirst_When_RunningTierUpgradesThisMonth()
    {
        var early = Seed("contact", ("lastname", "Early"), ("cx_tierupgradedon", new DateTime(2026, 6, 2, 9, 0, 0, DateTimeKind.Utc)));
        var late = Seed("contact", ("lastname", "Late"), ("cx_tierupgradedon", new DateTime(2026, 6, 14, 9, 0, 0, DateTimeKind.Utc)));
        Seed("contact", ("lastname", "Last month"), ("cx_tierupgradedon", new DateTime(2026, 5, 30, 9, 0, 0, DateTimeKind.Utc)));
        Seed("contact", ("lastname", "Never"));

        var rows = Run("contact", "Tier upgrades this month");

        Assert.Equal([late, early], rows);
    }

    private Guid Seed(string table, params (string Column, object? Value)[] values)
    {
        var row = new Entity(table) { ["statecode"] = new OptionSetValue(Active) };
        foreach (var (column, value) in values) row[column] = value;
        _crm.Seed(row);
        return row.Id;
    }

    private static OptionSetValue Choice(int value) => new(value);

    private static EntityReference Owner(Guid userId) => new("systemuser", userId);

    /// <summary>The committed view's FetchXML, found by its English name, run as the given user (the system user by default).</summary>
    private Guid[] Run(string table, string viewName, Guid? asUser = null)
    {
        var folder = Directory.GetDirectories(Path.Combine(ProductSolution.SolutionSource, "Entities"))
            .Single(d => Path.GetFileName(d).Equals(table, StringComparison.OrdinalIgnoreCase));
        var view = Directory.GetFiles(Path.Combine(folder, "SavedQueries"), "*.xml").Select(XElement.Load)
            .Select(file => file.Element("savedquery")!)
            .Single(
                q => q.Element("LocalizedNames")!.Elements()
                .Any(n => n.Attribute("languagecode")!.Value == "1033" && n.Attribute("description")!.Value == viewName));
        var fetch = view.Element("fetchxml")!.Elements().Single().ToString(SaveOptions.DisableFormatting);
        var service = _crm.ServiceAs(asUser ?? _crm.Users.SystemUserId);
        return service.RetrieveMultiple(new FetchExpression(fetch)).Entities.Select(e => e.Id).ToArray();
    }
}
