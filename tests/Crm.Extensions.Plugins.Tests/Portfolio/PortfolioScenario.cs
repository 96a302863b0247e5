using System;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Emulator;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Portfolio;

/// <summary>
/// A small base with hand-computed results (now = 15 Nov 2026, 24-month window, Pareto 80%):
/// <list type="bullet">
/// <item>Champion (contact): 3 invoices of 1,000 (2 × cost 100), last 5 days ago: R5 F5 M5, profit 2,400.</item>
/// <item>Newcomer (contact): 1 invoice of 100 (cost 40), 10 days ago: R4 F2 M1, Potential loyalists, profit 60.</item>
/// <item>Sleeper (contact): 1 invoice of 200 (cost 50), 600 days ago: R1 F2 M2, Hibernating, profit 150.</item>
/// <item>Stranger (contact): no invoice: Prospect, no scores.</item>
/// <item>Company (account): 2 invoices of 400 (cost 100), last 30 days ago: R2 F4 M4, At risk, profit 600.</item>
/// </list>
/// Positive profit 3,210; the bar is 2,568: Champions (contacts) 2,400 then At risk (accounts) 600 make the target base.
/// Repeat rate 2/4, churn 0.5, so CLV = profit ÷ 0.5.
/// </summary>
public sealed class PortfolioScenario
{
    public static readonly DateTime Now = new(2026, 11, 15, 12, 0, 0, DateTimeKind.Utc);

    public PortfolioScenario(DataverseEmulator crm)
    {
        Crm = crm;
        Data = new DataProducer(crm);
        crm.Clock.Set(Now);
        Cheap = Data.CostedProduct(40m);
        var standard = Data.CostedProduct(50m);
        var premium = Data.CostedProduct(100m);
        Champion = Data.Contact();
        Newcomer = Data.Contact();
        Sleeper = Data.Contact();
        Stranger = Data.Contact();
        Company = Data.Account();
        for (var i = 0; i < 3; i++) Data.PaidPurchase(Champion, Now.AddDays(-5 - (30 * i)), premium, 1000m, 2m);
        Data.PaidPurchase(Newcomer, Now.AddDays(-10), Cheap, 100m);
        Data.PaidPurchase(Sleeper, Now.AddDays(-600), standard, 200m);
        Data.PaidPurchase(Company, Now.AddDays(-30), premium, 400m);
        Data.PaidPurchase(Company, Now.AddDays(-90), premium, 400m);
        Data.PaidPurchase(Stranger, Now.AddMonths(-30), premium, 5000m); // outside the 24-month window: still a prospect
    }

    public DataverseEmulator Crm { get; }

    public DataProducer Data { get; }

    /// <summary>The product the newcomer bought (cost 40).</summary>
    public Product Cheap { get; }

    public Contact Champion { get; }

    public Contact Newcomer { get; }

    public Contact Sleeper { get; }

    public Contact Stranger { get; }

    public Account Company { get; }

    /// <summary>Creates an analysis as a user would (the async step queues) and runs the queued jobs.</summary>
    public PortfolioAnalysis Analyse()
    {
        var id = Crm.Service.Create(new PortfolioAnalysis { Name = "Q4", AnalysisStatus = PortfolioAnalysis.AnalysisStatusChoice.Queued });
        Crm.DrainAsyncJobs();
        return Analysis(id);
    }

    public PortfolioAnalysis Analysis(Guid id) => Crm.Get(PortfolioAnalysis.EntityLogicalName, id)!.ToEntity<PortfolioAnalysis>();

    public Contact Stored(Contact contact) => Crm.Get(Contact.EntityLogicalName, contact.Id)!.ToEntity<Contact>();

    public Account Stored(Account account) => Crm.Get(Account.EntityLogicalName, account.Id)!.ToEntity<Account>();

    public CustomerSegment Segment(CustomerType type, RfmSegment segment) =>
        Crm.Get(CustomerSegment.EntityLogicalName, SegmentWriter.IdOf(new SegmentGroup(type, segment)))!.ToEntity<CustomerSegment>();
}
