using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using static Crm.Extensions.Cli.Demo.Svg;

namespace Crm.Extensions.Cli.Demo;

/// <summary>
/// report.html: one self-contained page (inline CSS and SVG, no script, no external URL) that reads offline, in English or
/// Spanish. Everything in it comes from <see cref="DemoFigures"/>, and nothing from the clock, so one seed gives one file.
/// </summary>
public static class DemoReport
{
    private const string Style =
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 " +
        "auto;max-width:980px;padding:16px;color:#18181b;background:#fff}"
        + "h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:2px solid #1f5fa8;padding-bottom:4px;margin-top:2rem}h3{font-size:1.05rem}"
        + "svg{width:100%;height:auto;font-size:11px;fill:#3f3f46}figure{margin:0 0 1rem}figcaption{font-size:.85rem}"
        + ".key{margin-right:12px;white-space:nowrap}.swatch{display:inline-block;width:10px;height:10px;margin-right:4px}"
        + "table{border-collapse:collapse;margin:0 0 1rem;font-size:.9rem}th,td{border:1px solid #d4d4d8;padding:4px 8px;text-align:right}"
        + "th:first-child,td:first-child{text-align:left}.facts{display:flex;flex-wrap:wrap;gap:12px;padding:0;list-style:none}"
        + ".facts li{border:1px solid #d4d4d8;padding:8px 12px}.facts b{display:block;font-size:1.3rem}"
        + ".scroll{overflow-x:auto;max-width:100%}"
        + "@media (max-width:500px){body{padding:8px}table{font-size:.8rem}}";

    public static string Write(DemoFigures figures, DemoLabels l)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(l.Language).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Text(l["Crm.Extensions demo"])).Append("</title><style>").Append(Style)
                .Append("</style></head><body><main>")
            .Append("<h1>").Append(Text(l["Crm.Extensions demo"])).Append("</h1><p>")
            .Append(Text(l["A synthetic company lived through the product's real entry points on the emulator."])).Append("</p>");
        Facts(html, (l["customers"], figures.Customers), (l["months"], figures.Months), (l["seed"], figures.Seed),
            (l["business events"], figures.Events), (l["requests"], figures.Requests));
        Strategy(html, figures, l);
        Portfolio(html, figures, l);
        Lifecycle(html, figures, l);
        Loyalty(html, figures, l);
        PostSale(html, figures, l);
        PlatformCost(html, figures, l);
        return html.Append("</main></body></html>\n").ToString();
    }

    private static void Strategy(StringBuilder html, DemoFigures figures, DemoLabels l)
    {
        html.Append("<h2>").Append(Text(l["CRM strategy"])).Append("</h2><p>").Append(Text(l["Current step"])).Append(": <strong>")
            .Append(Text(l[figures.StrategyStep])).Append("</strong></p>");
        if (figures.StrategyBlockedBy is { } blocker)
        {
            html.Append("<p>").Append(Text(l["Blocked by"])).Append(": ").Append(Text(blocker)).Append("</p>");
        }
    }

    private static void Portfolio(StringBuilder html, DemoFigures figures, DemoLabels l)
    {
        html.Append("<h2>").Append(Text(l["1. Portfolio analysis"])).Append("</h2>");
        Facts(html, (l["Target base"], figures.TargetBase));
        html.Append("<h3>").Append(Text(l["RFM grid: customers by recency (rows, 5 = most recent) and frequency (columns)"]))
            .Append("</h3>");
        var max = Math.Max(1, figures.RfmGrid.Cast<int>().Max());
        html.Append("<table data-chart=\"rfm\" data-points=\"")
            .Append(figures.RfmGrid.Cast<int>().Count(v => v > 0).ToString(CultureInfo.InvariantCulture))
            .Append("\"><tr><th scope=\"col\">").Append(Text(l["Recency"])).Append(" \\ ").Append(Text(l["Frequency"])).Append("</th>");
        for (var f = 1; f <= 5; f++)
        {
            html.Append("<th scope=\"col\">").Append(f).Append("</th>");
        }

        html.Append("</tr>");
        for (var row = 0; row < 5; row++)
        {
            html.Append("<tr><th scope=\"row\">").Append(5 - row).Append("</th>");
            for (var f = 0; f < 5; f++)
            {
                var count = figures.RfmGrid[row, f];
                // Light blue to mid blue only, so that the dark text stays readable on every cell.
                var lightness = 96 - (count * 36 / max);
                html.Append("<td style=\"background:hsl(212,70%,").Append(lightness.ToString(CultureInfo.InvariantCulture)).Append("%)\">")
                    .Append(count.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
        var segments = figures.Segments;
        Chart(html, l, l["Profit by customer segment"], segments.Count,
            () => HorizontalBars(l["Profit by customer segment"], segments.Select(s => s.Name).ToList(),
            segments.Select(s => s.Profit).ToList()));
        Chart(html, l, l["Pareto curve: share of profit made by the top customers"], figures.ParetoProfitShareByDecile.Count, () => Lines(
            l["Pareto curve: share of profit made by the top customers"],
            Enumerable.Range(1, figures.ParetoProfitShareByDecile.Count).Select(d => (d * 10).ToString(CultureInfo.InvariantCulture) + "%")
                .ToList(),
            new[] {
                (l["top % of customers"], (IReadOnlyList<decimal?>)figures.ParetoProfitShareByDecile.Select(v => (decimal?)v).ToList()) },
            100m));
        Chart(html, l, l["Lifetime value by customer segment (average)"], segments.Count,
            () => HorizontalBars(l["Lifetime value by customer segment (average)"],
            segments.Select(s => s.Name).ToList(), segments.Select(s => s.AverageClv).ToList()));
        Table(html, new[] { l["Customer segment"], l["customers"], l["Revenue"], l["Profit"], l["Lifetime value"], l["Target segment"] },
            segments.Select(
                s => new[] { s.Name, N(s.Customers), N(s.Revenue), N(s.Profit), N(s.AverageClv), s.IsTarget ? "✓" : string.Empty }));
    }

    private static void Lifecycle(StringBuilder html, DemoFigures figures, DemoLabels l)
    {
        html.Append("<h2>").Append(Text(l["5. Lifecycle management"])).Append("</h2>");
        var months = figures.MonthsClosed.Select(m => m.Period).ToList();
        var stages = new[] { "Prospect", "New", "Repeat", "Loyal", "Advocate", "AtRisk", "Lapsed" };
        Chart(html, l, l["Lifecycle stage per month"], months.Count, () => StackedBars(l["Lifecycle stage per month"], months,
            stages.Select(s => new Series(l[s], figures.MonthsClosed.Select(m => (decimal)m.Stages.GetValueOrDefault(s)).ToList()))
                .ToList()));
        html.Append("<h3>").Append(Text(l["Lifecycle transitions"])).Append("</h3>");
        Table(html, new[] { l["From"], l["To"], l["Count"] }, figures.Transitions.Select(t => new[] { l[t.From], l[t.To], N(t.Count) }));
        Chart(html, l, l["Acquisition, retention and churn (KPI snapshots)"], months.Count,
            () => Lines(l["Acquisition, retention and churn (KPI snapshots)"], months,
            new[]
            {
                (l["New customers"], (IReadOnlyList<decimal?>)figures.MonthsClosed.Select(m => (decimal?)m.NewCustomers).ToList()),
                (l["Retention rate %"], figures.MonthsClosed.Select(m => m.RetentionRate).ToList()),
                (l["Churn rate %"], figures.MonthsClosed.Select(m => m.ChurnRate).ToList()),
            }));
    }

    private static void Loyalty(StringBuilder html, DemoFigures figures, DemoLabels l)
    {
        html.Append("<h2>").Append(Text(l["Loyalty cycle"])).Append("</h2>");
        var months = figures.MonthsClosed.Select(m => m.Period).ToList();
        var tiers = figures.MonthsClosed.SelectMany(m => m.MembersPerTier.Keys).Where(t => t != DemoObserver.NoTier).Distinct()
            .OrderBy(t => t, StringComparer.Ordinal).ToList();
        Chart(html, l, l["Members per loyalty tier"], months.Count, () => StackedBars(l["Members per loyalty tier"], months,
            tiers.Select(t => new Series(t, figures.MonthsClosed.Select(m => (decimal)m.MembersPerTier.GetValueOrDefault(t)).ToList()))
                .ToList()));
        Chart(html, l, l["Tier changes per month"], months.Count, () => StackedBars(l["Tier changes per month"], months, new[]
        {
            new Series(l["Upgrades"], figures.MonthsClosed.Select(m => (decimal)m.Upgrades).ToList()),
            new Series(l["Downgrades"], figures.MonthsClosed.Select(m => (decimal)m.Downgrades).ToList()),
        }));
        Chart(html, l, l["Points earned, redeemed and expired per month"], months.Count,
            () => Lines(l["Points earned, redeemed and expired per month"], months, new[]
        {
            (l["Earned"], (IReadOnlyList<decimal?>)figures.MonthsClosed.Select(m => (decimal?)m.PointsEarned).ToList()),
            (l["Redeemed"], figures.MonthsClosed.Select(m => (decimal?)m.PointsRedeemed).ToList()),
            (l["Expired"], figures.MonthsClosed.Select(m => (decimal?)m.PointsExpired).ToList()),
        }));
        Chart(html, l, l["Points liability (available + pending points owed)"], months.Count,
            () => Lines(l["Points liability (available + pending points owed)"], months,
            new[] {
                (l["Points liability (available + pending points owed)"],
                    (IReadOnlyList<decimal?>)figures.MonthsClosed.Select(m => (decimal?)m.Liability).ToList()) }));
        var rate = figures.PointsEarned == 0 ? 0m : decimal.Round(100m * figures.PointsRedeemed / figures.PointsEarned, 1);
        Facts(html, (l["Earned"], figures.PointsEarned), (l["Redeemed"], figures.PointsRedeemed), (l["Expired"], figures.PointsExpired),
            (l["Points liability (available + pending points owed)"], figures.Liability), (l["Reward redemptions"], figures.Redemptions),
            (l["Refused redemptions"], figures.RefusedRedemptions));
        html.Append("<p>").Append(Text(l["Redemption rate"])).Append(": <strong>").Append(N(rate)).Append(" %</strong></p>");
        html.Append("<h3>").Append(Text(l["Loyalty journeys per product family and phase"])).Append("</h3>");
        Table(html, new[] { l["Product family"], l["I - Knowledge"], l["II - Growth"], l["III - Retention"] },
            figures.Journeys.Select(j => new[] { j.ProductLine, N(j.Knowledge), N(j.Growth), N(j.Retention) }));
    }

    private static void PostSale(StringBuilder html, DemoFigures figures, DemoLabels l)
    {
        html.Append("<h2>").Append(Text(l["Post-sale"])).Append("</h2>");
        var months = figures.MonthsClosed.Select(m => m.Period).ToList();
        Chart(html, l, l["NPS of the satisfaction surveys answered each month"], months.Count,
            () => Lines(l["NPS of the satisfaction surveys answered each month"], months,
            new[] { ("NPS", (IReadOnlyList<decimal?>)figures.MonthsClosed.Select(m => m.Nps).ToList()) }, 100m));
        Chart(html, l, l["Tasks opened by the product per month (greetings, expiry warnings, call-backs)"], months.Count, () => StackedBars(
            l["Tasks opened by the product per month (greetings, expiry warnings, call-backs)"], months,
            new[] { new Series(l["Count"], figures.MonthsClosed.Select(m => (decimal)m.TasksOpened).ToList()) }));
    }

    private static void PlatformCost(StringBuilder html, DemoFigures figures, DemoLabels l)
    {
        html.Append("<h2>").Append(Text(l["Platform cost"])).Append("</h2><h3>")
            .Append(Text(l["Requests the plugins made per business event"])).Append("</h3>");
        Table(html, new[] { l["Business event"], l["Count"], l["Mean"], l["Max"], l["Budget"] },
            figures.Costs.Select(
                c => new[] { l[c.Event], N(c.Count), N(c.MeanRequests), N(c.MaxRequests), c.Budget is { } b ? N(b) : string.Empty }));
        html.Append("<h3>").Append(Text(l["Plugin steps by requests made"])).Append("</h3>");
        Table(html, new[] { l["Step"], l["Executions"], l["requests"] },
            figures.HeaviestSteps.Select(s => new[] { s.Step, N(s.Executions), N(s.Requests) }));
    }

    private static void Chart(StringBuilder html, DemoLabels l, string title, int categories, Func<string> draw)
    {
        html.Append("<h3>").Append(Text(title)).Append("</h3>");
        html.Append(categories == 0 ? "<p>" + Text(l["No data in this run."]) + "</p>" : draw());
    }

    private static void Facts(StringBuilder html, params (string Label, decimal Value)[] facts)
    {
        html.Append("<ul class=\"facts\">");
        foreach (var (label, value) in facts)
        {
            html.Append("<li><b>").Append(N(value)).Append("</b>").Append(Text(label)).Append("</li>");
        }

        html.Append("</ul>");
    }

    private static void Table(StringBuilder html, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        // A scrolling region keeps a wide table from widening the page on a phone; it takes focus so keyboards can scroll it.
        html.Append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"").Append(Text(headers[0])).Append("\"><table><tr>");
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\">").Append(Text(header)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(Text(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table></div>");
    }

    private static string N(decimal value) => Format(value);
}
