using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Domain.Common;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>The scoring of a whole base from its summary: the model the writing units use, and the segment totals.</summary>
public sealed record PortfolioScoring(ScoringModel Model, IReadOnlyList<SegmentGroupSummary> Groups);

/// <summary>
/// What the reading units know of the whole base, built page by page in two passes and small enough to be saved with the
/// cursor between units, so no execution holds more than one page of customers. The result is exactly what
/// <see cref="PortfolioScorer"/> gives over the whole base at once:
/// <list type="bullet">
/// <item>first pass (<see cref="AddFirstPass"/>): exact counts of every recency and frequency value, the monetary
/// <see cref="BucketCounts"/>, and the counts of buyers and repeat buyers (the churn rate CLV uses);</item>
/// <item>second pass (<see cref="AddSecondPass"/>): with R and F final, each customer's segment is known (it depends on
/// R and F only), so the segment totals are summed; and the exact monetary values inside the candidate buckets are
/// counted (<see cref="QuintileSummary"/>);</item>
/// <item><see cref="Score"/>: the M thresholds, the group totals, the Pareto target base and the model.</item>
/// </list>
/// Its size depends on the number of distinct values (days of the window, order counts, buckets, amounts inside at most
/// eight candidate buckets), not on the number of customers.
/// </summary>
public sealed class PortfolioSummary
{
    private const string Version = "s1";
    private readonly ValueCounts _recency = new();
    private readonly ValueCounts _frequency = new();
    private readonly BucketCounts _monetary = new();
    private readonly ValueCounts _candidates = new();
    private readonly SortedDictionary<SegmentGroup, Totals> _groups = new(Comparer<SegmentGroup>.Create(
        (a, b) => a.Type != b.Type ? ((int)a.Type).CompareTo((int)b.Type) : ((int)a.Segment).CompareTo((int)b.Segment)));

    private FirstPass? _first;

    public PortfolioSummary(AnalysisWindow window, decimal paretoThresholdPercent, decimal minimumChurnRate)
    {
        Window = window ?? throw new ArgumentNullException(nameof(window));
        new PortfolioSettings { ParetoThresholdPercent = paretoThresholdPercent, MinimumChurnRate = minimumChurnRate }.Validate();
        ParetoThresholdPercent = paretoThresholdPercent;
        MinimumChurnRate = minimumChurnRate;
    }

    /// <summary>The window every unit measures against (later units run later but keep the first unit's end).</summary>
    public AnalysisWindow Window { get; }

    public decimal ParetoThresholdPercent { get; }

    public decimal MinimumChurnRate { get; }

    /// <summary>Customers with a paid invoice in the window, seen by the first pass.</summary>
    public long Buyers { get; private set; }

    /// <summary>Buyers with more than one order.</summary>
    public long Repeaters { get; private set; }

    /// <summary>Customers of <paramref name="type"/> seen by the second pass (buyers and prospects).</summary>
    public int CustomersOf(CustomerType type) => _groups.Where(g => g.Key.Type == type).Sum(g => g.Value.Count);

    /// <summary>
    /// Distinct values held (recency, frequency, monetary buckets, monetary candidates) and groups: what the text grows with.
    /// </summary>
    public int Entries => _recency.Distinct + _frequency.Distinct + _monetary.Ascending.Count() + _candidates.Distinct + _groups.Count;

    public void AddFirstPass(CustomerMetrics customer)
    {
        if (customer is null) throw new ArgumentNullException(nameof(customer));
        if (_first is not null) throw new InvalidOperationException("The first pass is over: its thresholds are in use.");
        if (!customer.HasPurchases) return;
        Buyers++;
        if (customer.Orders > 1) Repeaters++;
        _recency.Add(customer.RecencyDays ?? 0);
        _frequency.Add(customer.Orders);
        _monetary.Add(customer.Revenue);
    }

    public void AddSecondPass(CustomerMetrics customer)
    {
        if (customer is null) throw new ArgumentNullException(nameof(customer));
        var first = First();
        var segment = RfmSegment.Prospect;
        if (customer.HasPurchases)
        {
            segment = RfGrid.SegmentFor(first.Recency.ScoreOf(customer.RecencyDays ?? 0), first.Frequency.ScoreOf(customer.Orders));
            if (first.Candidates.Contains(BucketCounts.BucketOf(customer.Revenue))) _candidates.Add(customer.Revenue);
        }

        var group = new SegmentGroup(customer.Customer.Type, segment);
        if (!_groups.TryGetValue(group, out var totals)) _groups.Add(group, totals = new Totals());
        totals.Count++;
        totals.Revenue += customer.Revenue;
        totals.Profit += customer.Profit;
    }

    /// <summary>The model and the segment totals, as <see cref="PortfolioScorer"/> and <see cref="ScoringModel.From"/> give them.</summary>
    public PortfolioScoring Score()
    {
        var first = First();
        var monetary = QuintileSummary.Thresholds(_monetary, _candidates, higherIsBetter: true);
        var targets = new HashSet<SegmentGroup>(TargetBaseSelector.Select(
            _groups.Select(g => new GroupProfit(g.Key, g.Value.Profit)), ParetoThresholdPercent));
        var positiveProfit = _groups.Values.Where(g => g.Profit > 0m).Sum(g => g.Profit);
        var groups = _groups
            .Select(g => new SegmentGroupSummary(
                g.Key, g.Value.Count, g.Value.Revenue, g.Value.Profit, Percent.Round(Percent.Of(g.Value.Profit, positiveProfit)),
                targets.Contains(g.Key)))
            .ToList();
        var model = new ScoringModel(
            Window, first.Recency, first.Frequency, monetary, HistoricClv.ChurnRate(Buyers, Repeaters, MinimumChurnRate), targets,
            groups.Sum(g => g.Revenue), groups.Sum(g => g.Profit));
        return new PortfolioScoring(model, groups);
    }

    /// <summary>
    /// "s1;start ticks;end ticks;pareto;minimum churn;buyers;repeaters;R;F;M buckets;M candidates;groups": counts as
    /// "value:count" joined by commas, groups as "type:segment:count:revenue:profit". No "|", so it fits a cursor field.
    /// </summary>
    public string ToText() => string.Join(";", new[]
    {
        Version, Number(Window.StartUtc.Ticks), Number(Window.EndUtc.Ticks), Number(ParetoThresholdPercent), Number(MinimumChurnRate),
        Number(Buyers), Number(Repeaters), Counts(_recency), Counts(_frequency),
        string.Join(",", _monetary.Ascending.Select(p => Number(p.Key) + ":" + Number(p.Value))), Counts(_candidates),
        string.Join(",", _groups.Select(g => string.Join(":", new[]
        {
            Number((int)g.Key.Type), Number((int)g.Key.Segment), Number(g.Value.Count), Number(g.Value.Revenue), Number(g.Value.Profit),
        }))),
    });

    /// <summary>The summary written by <see cref="ToText"/>; null when the text is not one.</summary>
    public static PortfolioSummary? Parse(string? text)
    {
        var parts = text?.Split(';');
        if (parts is null || parts.Length != 12 || parts[0] != Version) return null;
        if (!long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var end)
            || start < DateTime.MinValue.Ticks || end > DateTime.MaxValue.Ticks || end <= start
            || !TryDecimal(parts[3], out var pareto) || pareto <= 0m || pareto > 100m
            || !TryDecimal(parts[4], out var churn) || churn <= 0m || churn > 1m
            || !long.TryParse(parts[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out var buyers) || buyers < 0
            || !long.TryParse(parts[6], NumberStyles.Integer, CultureInfo.InvariantCulture, out var repeaters)
            || repeaters < 0 || repeaters > buyers)
        {
            return null;
        }

        var summary = new PortfolioSummary(
            new AnalysisWindow(new DateTime(start, DateTimeKind.Utc), new DateTime(end, DateTimeKind.Utc)), pareto, churn)
        {
            Buyers = buyers,
            Repeaters = repeaters,
        };
        if (!ReadCounts(parts[7], summary._recency) || !ReadCounts(parts[8], summary._frequency)
            || !ReadCounts(parts[10], summary._candidates))
        {
            return null;
        }

        foreach (var pair in Items(parts[9]))
        {
            var halves = pair.Split(':');
            if (halves.Length != 2 || !int.TryParse(halves[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var bucket)
                || !long.TryParse(halves[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count <= 0)
            {
                return null;
            }

            summary._monetary.AddBucket(bucket, count);
        }

        foreach (var item in Items(parts[11]))
        {
            var fields = item.Split(':');
            if (fields.Length != 5
                || !int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var type)
                || !Enum.IsDefined(typeof(CustomerType), type)
                || !int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var segment)
                || !Enum.IsDefined(typeof(RfmSegment), segment)
                || !int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var customers) || customers <= 0
                || !TryDecimal(fields[3], out var revenue) || !TryDecimal(fields[4], out var profit))
            {
                return null;
            }

            summary._groups[new SegmentGroup((CustomerType)type, (RfmSegment)segment)] =
                new Totals { Count = customers, Revenue = revenue, Profit = profit };
        }

        var consistent = summary.Buyers == summary._recency.Total && summary.Buyers == summary._frequency.Total
            && summary.Buyers == summary._monetary.Total;
        return consistent
            ? summary
            : null;
    }

    /// <summary>The R and F thresholds and the monetary candidate buckets: final once the first pass is over.</summary>
    private FirstPass First() => _first ??= new FirstPass(
        QuintileSummary.Thresholds(_recency, higherIsBetter: false),
        QuintileSummary.Thresholds(_frequency, higherIsBetter: true),
        new HashSet<int>(_monetary.Candidates(higherIsBetter: true)));

    private static string Counts(ValueCounts counts) =>
        string.Join(",", counts.Ascending.Select(p => Number(p.Key) + ":" + Number(p.Value)));

    private static bool ReadCounts(string text, ValueCounts counts)
    {
        foreach (var pair in Items(text))
        {
            var halves = pair.Split(':');
            if (halves.Length != 2 || !TryDecimal(halves[0], out var value)
                || !long.TryParse(halves[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count <= 0)
            {
                return false;
            }

            counts.Add(value, count);
        }

        return true;
    }

    private static string[] Items(string text) => text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    private sealed record FirstPass(QuintileThresholds Recency, QuintileThresholds Frequency, HashSet<int> Candidates);

    private sealed class Totals
    {
        public int Count { get; set; }

        public decimal Revenue { get; set; }

        public decimal Profit { get; set; }
    }
}
