using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// What a writing unit needs to score one page of customers the way <see cref="PortfolioScorer"/> scored the whole base:
/// the R/F/M thresholds, the churn rate CLV uses, the target groups, and the window (later units run at a later time but
/// must measure recency against the same end). Small enough to persist in the analysis's cursor, so a later async
/// execution (or a resume) continues writing without reading the base again.
/// </summary>
public sealed class ScoringModel
{
    private readonly HashSet<SegmentGroup> _targets;

    public ScoringModel(
        AnalysisWindow window,
        QuintileThresholds recency,
        QuintileThresholds frequency,
        QuintileThresholds monetary,
        decimal churnRate,
        IEnumerable<SegmentGroup> targets,
        decimal totalRevenue,
        decimal totalProfit)
    {
        Window = window ?? throw new ArgumentNullException(nameof(window));
        Recency = recency ?? throw new ArgumentNullException(nameof(recency));
        Frequency = frequency ?? throw new ArgumentNullException(nameof(frequency));
        Monetary = monetary ?? throw new ArgumentNullException(nameof(monetary));
        if (churnRate <= 0m) throw new ArgumentOutOfRangeException(nameof(churnRate), churnRate, "Churn must be positive.");
        ChurnRate = churnRate;
        _targets = new HashSet<SegmentGroup>(targets ?? throw new ArgumentNullException(nameof(targets)));
        TotalRevenue = totalRevenue;
        TotalProfit = totalProfit;
    }

    public AnalysisWindow Window { get; }

    public QuintileThresholds Recency { get; }

    public QuintileThresholds Frequency { get; }

    public QuintileThresholds Monetary { get; }

    public decimal ChurnRate { get; }

    /// <summary>Target groups, ordered by type then segment.</summary>
    public IReadOnlyList<SegmentGroup> Targets => _targets.OrderBy(g => (int)g.Type).ThenBy(g => (int)g.Segment).ToList();

    /// <summary>Revenue and profit of the base when it was scored (the completed analysis shows them).</summary>
    public decimal TotalRevenue { get; }

    public decimal TotalProfit { get; }

    /// <summary>The model of a scored base: thresholds from the scores <see cref="PortfolioScorer"/> gave its buyers.</summary>
    public static ScoringModel From(PortfolioResult result, AnalysisWindow window)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        var buyers = result.Customers.Where(c => c.RecencyScore.HasValue).ToList();
        return new ScoringModel(
            window,
            QuintileThresholds.From(buyers.Select(b => (decimal)(b.RecencyDays ?? 0)).ToList(),
                buyers.Select(b => b.RecencyScore!.Value).ToList(), higherIsBetter: false),
            QuintileThresholds.From(buyers.Select(b => (decimal)b.Frequency).ToList(), buyers.Select(b => b.FrequencyScore!.Value).ToList(),
                higherIsBetter: true),
            QuintileThresholds.From(buyers.Select(b => b.Monetary).ToList(), buyers.Select(b => b.MonetaryScore!.Value).ToList(),
                higherIsBetter: true),
            result.ChurnRate,
            result.Groups.Where(g => g.IsTarget).Select(g => g.Group),
            result.Groups.Sum(g => g.Revenue),
            result.Groups.Sum(g => g.Profit));
    }

    /// <summary>One customer's result, exactly as <see cref="PortfolioScorer"/> gives it for a customer of the scored base.</summary>
    public CustomerPortfolioResult Score(CustomerMetrics metrics)
    {
        if (metrics is null) throw new ArgumentNullException(nameof(metrics));
        int? r = null, f = null, m = null;
        var segment = RfmSegment.Prospect;
        if (metrics.HasPurchases)
        {
            r = Recency.ScoreOf(metrics.RecencyDays ?? 0);
            f = Frequency.ScoreOf(metrics.Orders);
            m = Monetary.ScoreOf(metrics.Revenue);
            segment = RfGrid.SegmentFor(r.Value, f.Value);
        }

        return new CustomerPortfolioResult(
            metrics.Customer, metrics.RecencyDays, metrics.Orders, metrics.Revenue, metrics.Profit, r, f, m, segment,
            HistoricClv.For(metrics, ChurnRate), _targets.Contains(new SegmentGroup(metrics.Customer.Type, segment)));
    }

    /// <summary>
    /// "window start ticks;end ticks;churn;R;F;M;targets;revenue;profit", targets as "type:segment" joined by commas.
    /// No "|", so it fits inside the cursor's fields.
    /// </summary>
    public string ToText() => string.Join(";", new[]
    {
        Window.StartUtc.Ticks.ToString(CultureInfo.InvariantCulture),
        Window.EndUtc.Ticks.ToString(CultureInfo.InvariantCulture),
        ChurnRate.ToString(CultureInfo.InvariantCulture),
        Recency.ToText(),
        Frequency.ToText(),
        Monetary.ToText(),
        string.Join(",",
            Targets.Select(
                g => ((int)g.Type).ToString(CultureInfo.InvariantCulture) + ":" + ((int)g.Segment).ToString(CultureInfo.InvariantCulture))),
        TotalRevenue.ToString(CultureInfo.InvariantCulture),
        TotalProfit.ToString(CultureInfo.InvariantCulture),
    });

    /// <summary>The model written by <see cref="ToText"/>; null when the text is not one.</summary>
    public static ScoringModel? Parse(string? text)
    {
        var parts = text?.Split(';');
        if (parts is null || parts.Length != 9) return null;
        if (!long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var end)
            || end <= start || start < DateTime.MinValue.Ticks || end > DateTime.MaxValue.Ticks
            || !TryDecimal(parts[2], out var churn) || churn <= 0m
            || !TryDecimal(parts[7], out var revenue) || !TryDecimal(parts[8], out var profit))
        {
            return null;
        }

        var recency = QuintileThresholds.Parse(parts[3]);
        var frequency = QuintileThresholds.Parse(parts[4]);
        var monetary = QuintileThresholds.Parse(parts[5]);
        var targets = new List<SegmentGroup>();
        foreach (var pair in parts[6].Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var halves = pair.Split(':');
            if (halves.Length != 2
                || !int.TryParse(halves[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var type)
                    || !Enum.IsDefined(typeof(CustomerType), type)
                || !int.TryParse(halves[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var segment)
                    || !Enum.IsDefined(typeof(RfmSegment), segment))
            {
                return null;
            }

            targets.Add(new SegmentGroup((CustomerType)type, (RfmSegment)segment));
        }

        return recency is null || frequency is null || monetary is null
            ? null
            : new ScoringModel(
                new AnalysisWindow(new DateTime(start, DateTimeKind.Utc), new DateTime(end, DateTimeKind.Utc)),
                recency, frequency, monetary, churn, targets, revenue, profit);
    }

    private static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
}
