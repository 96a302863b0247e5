using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Crm.Extensions.Cli.Demo;

/// <summary>
/// data/*.csv: the report's figures for Excel users. Comma-separated, invariant numbers, UTF-8 with a byte order mark
/// (Excel reads accents correctly only with it), one header row, CRLF as RFC 4180 writes it.
/// </summary>
public static class DemoCsv
{
    public static IReadOnlyList<string> Write(DemoFigures figures, string folder)
    {
        Directory.CreateDirectory(folder);
        var stages = new[] { "Prospect", "New", "Repeat", "Loyal", "Advocate", "AtRisk", "Lapsed" };
        var tiers = figures.MonthsClosed.SelectMany(m => m.MembersPerTier.Keys).Distinct().OrderBy(t => t, StringComparer.Ordinal).ToList();
        var files = new List<string>
        {
            File(folder, "months.csv",
                new[] { "period", "points_earned", "points_redeemed", "points_expired", "liability", "upgrades", "downgrades",
                    "tasks_opened",
                    "transitions", "surveys_answered", "nps", "new_customers", "retention_rate", "churn_rate" }
                    .Concat(stages.Select(s => "stage_" + s)).Concat(tiers.Select(t => "tier_" + t)),
                figures.MonthsClosed.Select(m => new object?[]
                {
                    m.Period, m.PointsEarned, m.PointsRedeemed, m.PointsExpired, m.Liability, m.Upgrades, m.Downgrades, m.TasksOpened,
                    m.Transitions, m.SurveysAnswered, m.Nps, m.NewCustomers, m.RetentionRate, m.ChurnRate,
                }.Concat(stages.Select(s => (object?)m.Stages.GetValueOrDefault(s)))
                    .Concat(tiers.Select(t => (object?)m.MembersPerTier.GetValueOrDefault(t))))),
            File(folder, "segments.csv", new[] { "segment", "customers", "revenue", "profit", "average_clv", "is_target" },
                figures.Segments.Select(s => new object?[] { s.Name, s.Customers, s.Revenue, s.Profit, s.AverageClv, s.IsTarget })),
            File(folder, "rfm.csv", new[] { "recency", "frequency", "customers" },
                Enumerable.Range(0, 5)
                    .SelectMany(r => Enumerable.Range(0, 5).Select(f => new object?[] { 5 - r, f + 1, figures.RfmGrid[r, f] }))),
            File(folder, "pareto.csv", new[] { "top_customers_percent", "profit_share_percent" },
                figures.ParetoProfitShareByDecile.Select((share, i) => new object?[] { (i + 1) * 10, share })),
            File(folder, "transitions.csv", new[] { "from_stage", "to_stage", "count" },
                figures.Transitions.Select(t => new object?[] { t.From, t.To, t.Count })),
            File(folder, "journeys.csv", new[] { "product_family", "knowledge", "growth", "retention" },
                figures.Journeys.Select(j => new object?[] { j.ProductLine, j.Knowledge, j.Growth, j.Retention })),
            File(folder, "requests.csv", new[] { "business_event", "count", "mean_requests", "max_requests", "budget" },
                figures.Costs.Select(c => new object?[] { c.Event, c.Count, c.MeanRequests, c.MaxRequests, c.Budget })),
        };
        return files;
    }

    private static string File(string folder, string name, IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", header.Select(Cell))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(",", row.Select(Cell))).Append("\r\n");
        }

        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            bool flag => flag ? "true" : "false",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        return text.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
