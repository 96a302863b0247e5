using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Emulator;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Cli.Demo;

/// <summary>
/// Reads the figures off the emulator's rows (never off the simulation's own bookkeeping), so that what the report says is
/// what a user would find in the app; and counts the requests the plugins made per business event from the emulator's
/// counters and each step's trace line.
/// </summary>
public sealed partial class DemoObserver(DataverseEmulator crm)
{
    /// <summary>The paid-invoice budget of plugins/Crm.Extensions.Plugins/Invoicing/README.md.</summary>
    public const int InvoicePaidBudget = 4;

    public const string NoTier = "–";

    private readonly List<MonthClose> _closes = new();
    private readonly Dictionary<string, List<int>> _requestsPerEvent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Executions, int Requests)> _steps = new(StringComparer.Ordinal);
    private readonly List<(int Requests, long Budget)> _analyses = new();
    private Dictionary<Guid, int> _ranksAtLastClose = new();
    private readonly Dictionary<string, int> _refusedRedemptions = new(StringComparer.Ordinal);
    private string? _strategyBlockedBy;
    private long _requests;

    public int Events { get; set; }

    public const string FirstPurchase = "invoice paid (first purchase)";
    public const string ReturningPurchase = "invoice paid (returning customer)";

    /// <summary>A first purchase also creates the customer's stage, journey and transition, so it is counted apart.</summary>
    public void InvoicePaid(int pluginRequests, bool firstPurchase)
        => Record(firstPurchase ? FirstPurchase : ReturningPurchase, pluginRequests);

    public void ApiCall(string businessEvent, int pluginRequests) => Record(businessEvent, pluginRequests);

    public void Analysis(EntityReference analysis, int requests)
    {
        var row = crm.Get(PortfolioAnalysis.EntityLogicalName, analysis.Id);
        var customers = row?.GetAttributeValue<int?>(PortfolioAnalysis.Fields.CustomerCount) ?? 0;
        _analyses.Add((requests, RequestBudget.For(customers)));
    }

    public void StrategyBlocked(string message) => _strategyBlockedBy = message;

    /// <summary>Refusals by message, so the report can say why members could not redeem.</summary>
    public void RedemptionRefused(string message) => _refusedRedemptions[message] = _refusedRedemptions.GetValueOrDefault(message) + 1;

    /// <summary>
    /// The month's close: what only the close can see (tiers, stages and balances as they stand now). What flowed during the
    /// month (points, tasks, transitions, answers, the KPI snapshot) is never changed afterwards, so <see cref="Figures"/>
    /// reads it once from the final rows by creation month instead of scanning every table at every close.
    /// </summary>
    public void CloseMonth(string period)
    {
        var customers = Customers();
        var tiers = Tiers();
        var ranks = customers.ToDictionary(c => c.Id, c => TierOf(c, tiers)?.Rank ?? 0);
        _closes.Add(new MonthClose(
            period,
            CountBy(customers, c => TierOf(c, tiers)?.Name ?? NoTier),
            CountBy(customers, StageOf),
            Liability(customers),
            ranks.Count(r => r.Value > _ranksAtLastClose.GetValueOrDefault(r.Key)),
            ranks.Count(r => r.Value < _ranksAtLastClose.GetValueOrDefault(r.Key))));
        _ranksAtLastClose = ranks;
        Harvest();
    }

    private sealed record MonthClose(
        string Period, SortedDictionary<string, int> Tiers, SortedDictionary<string, int> Stages, long Liability, int Upgrades,
        int Downgrades);

    /// <summary>The closed months with what flowed in each, from one pass over each table's final rows.</summary>
    private List<DemoMonth> Months(IReadOnlyList<Entity> ledger)
    {
        var ledgerByMonth = ledger.ToLookup(row => MonthOf(row, "createdon"));
        var surveysByMonth = crm.All(SatisfactionSurvey.EntityLogicalName)
            .ToLookup(row => MonthOf(row, SatisfactionSurvey.Fields.AnsweredOn));
        var tasksByMonth = crm.All(Task.EntityLogicalName).ToLookup(row => MonthOf(row, "createdon"));
        var transitionsByMonth = crm.All(LifecycleTransition.EntityLogicalName).ToLookup(row => MonthOf(row, "createdon"));
        var snapshots = crm.All(KpiSnapshot.EntityLogicalName).ToLookup(row => row.GetAttributeValue<string>(KpiSnapshot.Fields.Period));
        return _closes.Select(close =>
        {
            var flows = ledgerByMonth[close.Period].ToList();
            var surveys = surveysByMonth[close.Period].ToList();
            var snapshot = snapshots[close.Period].FirstOrDefault();
            return new DemoMonth(
                close.Period,
                close.Tiers,
                close.Stages,
                Sum(flows, GlobalChoices.LedgerEntryType.Earn, GlobalChoices.LedgerEntryType.Bonus),
                Sum(flows, GlobalChoices.LedgerEntryType.Redeem),
                Sum(flows, GlobalChoices.LedgerEntryType.Expire),
                close.Liability,
                close.Upgrades,
                close.Downgrades,
                tasksByMonth[close.Period].Count(),
                transitionsByMonth[close.Period].Count(),
                surveys.Count,
                NpsOf(surveys),
                snapshot?.GetAttributeValue<int?>(KpiSnapshot.Fields.NewCustomers),
                snapshot?.GetAttributeValue<decimal?>(KpiSnapshot.Fields.RetentionRate),
                snapshot?.GetAttributeValue<decimal?>(KpiSnapshot.Fields.ChurnRate));
        }).ToList();
    }

    /// <summary>The yyyy-MM period a row's date column falls in, or null without a date.</summary>
    private static string? MonthOf(Entity row, string column) =>
        row.GetAttributeValue<DateTime?>(column) is { } on ? DemoSimulation.Period(on) : null;

    public DemoFigures Figures(DemoCompany company, int customerCount, int months, int seed)
    {
        Harvest();
        var customers = Customers();
        var ledger = crm.All(LoyaltyTransaction.EntityLogicalName);
        var strategy = crm.Get(CrmStrategy.EntityLogicalName, company.Strategy.Id)!;
        var step = strategy.GetAttributeValue<OptionSetValue>(CrmStrategy.Fields.CurrentStep)?.Value;
        return new DemoFigures(
            customerCount,
            months,
            seed,
            Months(ledger),
            RfmGrid(customers),
            Segments(customers),
            ParetoByDecile(customers),
            customers.Count(c => c.GetAttributeValue<bool?>(Contact.Fields.IsTarget) == true),
            Transitions(),
            Journeys(company),
            Sum(ledger, GlobalChoices.LedgerEntryType.Earn, GlobalChoices.LedgerEntryType.Bonus),
            Sum(ledger, GlobalChoices.LedgerEntryType.Redeem),
            Sum(ledger, GlobalChoices.LedgerEntryType.Expire),
            Liability(customers),
            crm.All(RewardRedemption.EntityLogicalName).Count,
            _refusedRedemptions.Values.Sum(),
            Costs(),
            _steps.OrderByDescending(s => s.Value.Requests).ThenBy(s => s.Key, StringComparer.Ordinal).Take(8)
                .Select(s => new DemoStepLoad(s.Key, s.Value.Executions, s.Value.Requests)).ToList(),
            step is { } value ? ((CrmStrategy.CurrentStepChoice)value).ToString() : "–",
            _strategyBlockedBy,
            Events,
            _requests);
    }

    /// <summary>Contacts and accounts that buy (partner accounts made for the network step have no stage and are left out).</summary>
    public IReadOnlyList<Entity> Customers() =>
        crm.All(Contact.EntityLogicalName).Concat(crm.All(Account.EntityLogicalName))
            .Where(c => c.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage) is not null)
            .ToList();

    public static long Liability(IEnumerable<Entity> customers) =>
        customers.Sum(
            c => (long)(c.GetAttributeValue<int?>(Contact.Fields.PointsBalance) ?? 0)
            + (c.GetAttributeValue<int?>(Contact.Fields.PendingPoints) ?? 0));

    public static long Sum(IEnumerable<Entity> ledger, params GlobalChoices.LedgerEntryType[] types) =>
        ledger.Where(e => types.Any(t => (int)t == e.GetAttributeValue<OptionSetValue>(LoyaltyTransaction.Fields.EntryType)?.Value))
            .Sum(e => (long)Math.Abs(e.GetAttributeValue<int?>(LoyaltyTransaction.Fields.Points) ?? 0));

    public static string StageOf(Entity customer) =>
        customer.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage) is { } stage
            ? ((GlobalChoices.LifecycleStage)stage.Value).ToString()
            : GlobalChoices.LifecycleStage.Prospect.ToString();

    private sealed record TierRow(Guid Id, string Name, int Rank);

    private Dictionary<Guid, TierRow> Tiers() => crm.All(LoyaltyTier.EntityLogicalName).ToDictionary(
        t => t.Id,
        t => new TierRow(t.Id, t.GetAttributeValue<string>(LoyaltyTier.Fields.Name),
            t.GetAttributeValue<int?>(LoyaltyTier.Fields.Rank) ?? 0));

    private static TierRow? TierOf(Entity customer, Dictionary<Guid, TierRow> tiers) =>
        customer.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId) is { } tier && tiers.TryGetValue(tier.Id, out var row)
            ? row : null;

    private static SortedDictionary<string, int> CountBy(IEnumerable<Entity> rows, Func<Entity, string> key)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var name = key(row);
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return counts;
    }

    /// <summary>NPS of the answers given in the month: % promoters (9–10) minus % detractors (0–6).</summary>
    public static decimal? NpsOf(IReadOnlyCollection<Entity> surveys)
    {
        var scores = surveys.Select(s => s.GetAttributeValue<int?>(SatisfactionSurvey.Fields.NpsScore)).OfType<int>().ToList();
        if (scores.Count == 0)
        {
            return null;
        }

        return decimal.Round(100m * (scores.Count(s => s >= 9) - scores.Count(s => s <= 6)) / scores.Count, 1);
    }

    /// <summary>Customers by recency score (rows, 5 = most recent) and frequency score (columns), both 1–5.</summary>
    private static int[,] RfmGrid(IEnumerable<Entity> customers)
    {
        var grid = new int[5, 5];
        foreach (var customer in customers)
        {
            if (customer.GetAttributeValue<int?>(Contact.Fields.RecencyScore) is { } r and >= 1 and <= 5
                && customer.GetAttributeValue<int?>(Contact.Fields.FrequencyScore) is { } f and >= 1 and <= 5)
            {
                grid[5 - r, f - 1]++;
            }
        }

        return grid;
    }

    private List<DemoSegment> Segments(IReadOnlyList<Entity> customers)
    {
        var clvBySegment = customers
            .Where(c => c.GetAttributeValue<EntityReference>(Contact.Fields.CustomerSegmentId) is not null)
            .GroupBy(c => c.GetAttributeValue<EntityReference>(Contact.Fields.CustomerSegmentId).Id)
            .ToDictionary(g => g.Key, g => g.Average(c => c.GetAttributeValue<Money>(Contact.Fields.Clv)?.Value ?? 0m));
        return crm.All(CustomerSegment.EntityLogicalName)
            .Where(s => clvBySegment.ContainsKey(s.Id))
            .Select(s => new DemoSegment(
                s.GetAttributeValue<string>(CustomerSegment.Fields.Name),
                s.GetAttributeValue<int?>(CustomerSegment.Fields.CustomerCount) ?? 0,
                s.GetAttributeValue<Money>(CustomerSegment.Fields.Profit)?.Value ?? 0m,
                s.GetAttributeValue<Money>(CustomerSegment.Fields.Revenue)?.Value ?? 0m,
                decimal.Round(clvBySegment[s.Id], 2),
                s.GetAttributeValue<bool?>(CustomerSegment.Fields.IsTarget) == true))
            .OrderByDescending(s => s.Profit).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Share of total profit made by the top 10%, 20%, … 100% of customers, ranked by their own profit.</summary>
    private static List<decimal> ParetoByDecile(IEnumerable<Entity> customers)
    {
        var profits = customers.Select(c => c.GetAttributeValue<Money>(Contact.Fields.TotalProfit)?.Value ?? 0m).Where(p => p > 0)
            .OrderByDescending(p => p).ToList();
        var total = profits.Sum();
        if (profits.Count == 0 || total <= 0)
        {
            return new List<decimal>();
        }

        return Enumerable.Range(1, 10)
            .Select(decile => decimal.Round(100m * profits.Take((int)Math.Ceiling(profits.Count * decile / 10.0)).Sum() / total, 1))
            .ToList();
    }

    private List<DemoTransition> Transitions() => crm.All(LifecycleTransition.EntityLogicalName)
        .GroupBy(t => (From: Stage(t, LifecycleTransition.Fields.FromStage), To: Stage(t, LifecycleTransition.Fields.ToStage)))
        .Select(g => new DemoTransition(g.Key.From, g.Key.To, g.Count()))
        .OrderByDescending(t => t.Count).ThenBy(t => t.From, StringComparer.Ordinal).ThenBy(t => t.To, StringComparer.Ordinal)
        .ToList();

    private static string Stage(Entity row, string column) =>
        row.GetAttributeValue<OptionSetValue>(column) is { } stage ? ((GlobalChoices.LifecycleStage)stage.Value).ToString() : NoTier;

    private List<DemoJourneys> Journeys(DemoCompany company)
    {
        var counts = crm.All(LoyaltyJourney.EntityLogicalName)
            .GroupBy(j => (Family: j.GetAttributeValue<EntityReference>(LoyaltyJourney.Fields.ProductFamilyId)?.Id,
                Phase: j.GetAttributeValue<OptionSetValue>(LoyaltyJourney.Fields.Phase)?.Value))
            .ToDictionary(g => g.Key, g => g.Count());
        int Count(DemoFamily family, GlobalChoices.LoyaltyPhase phase) => counts.GetValueOrDefault(
            ((Guid?)family.Row.Id, (int?)(int)phase));
        return company.Families.Select(family => new DemoJourneys(
            family.Name,
            Count(family, GlobalChoices.LoyaltyPhase.IKnowledge),
            Count(family, GlobalChoices.LoyaltyPhase.IIGrowth),
            Count(family, GlobalChoices.LoyaltyPhase.IIIRetention))).ToList();
    }

    private List<DemoCost> Costs()
    {
        var costs = _requestsPerEvent.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new DemoCost(
            e.Key, e.Value.Count, e.Value.Max(), decimal.Round((decimal)e.Value.Average(), 2),
            e.Key == ReturningPurchase ? InvoicePaidBudget : null)).ToList();
        if (_analyses.Count > 0)
        {
            costs.Add(new DemoCost("portfolio analysis (RequestBudget)", _analyses.Count, _analyses.Max(a => a.Requests),
                decimal.Round((decimal)_analyses.Average(a => a.Requests), 2), (int)_analyses.Max(a => a.Budget)));
        }

        return costs;
    }

    private void Record(string businessEvent, int pluginRequests)
    {
        if (!_requestsPerEvent.TryGetValue(businessEvent, out var list))
        {
            _requestsPerEvent[businessEvent] = list = new List<int>();
        }

        list.Add(pluginRequests);
    }

    /// <summary>Folds the step trace lines and request counters into the run's totals, then clears them to keep memory flat.</summary>
    private void Harvest()
    {
        foreach (var trace in crm.Traces)
        {
            var line = StageLine().Match(trace.Text);
            if (!line.Success)
            {
                continue;
            }

            var name = trace.Step.PluginType[(trace.Step.PluginType.LastIndexOf('.') + 1)..] + " (" + trace.Step.Message + " "
                + trace.Step.PrimaryEntity + ")";
            var (executions, requests) = _steps.GetValueOrDefault(name);
            _steps[name] = (executions + 1, requests + int.Parse(line.Groups["requests"].Value, CultureInfo.InvariantCulture));
        }

        _requests += crm.Requests.CallerTotal + crm.Requests.PluginTotal;
        crm.ResetObservations();
    }

    public long RequestsSoFar => _requests + crm.Requests.CallerTotal + crm.Requests.PluginTotal;

    [GeneratedRegex(@"\] (done|refused|failed): (?<requests>\d+) requests?")]
    private static partial Regex StageLine();
}
