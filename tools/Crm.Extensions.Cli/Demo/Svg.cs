using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace Crm.Extensions.Cli.Demo;

/// <summary>One named series of a chart, drawn in one of the palette's colours.</summary>
public sealed record Series(string Name, IReadOnlyList<decimal> Values);

/// <summary>
/// Inline SVG charts with no script and no external file, so the report reads offline and under a strict CSP. Each chart
/// carries its title as aria-label and data-points (the number of non-zero values) for the report's tests.
/// </summary>
public static class Svg
{
    /// <summary>Colours with at least 3:1 contrast on white, told apart by lightness as well as hue.</summary>
    public static readonly string[] Palette = { "#1f5fa8", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0f766e", "#a16207", "#475569" };

    private const int Width = 720;
    private const int Height = 240;
    private const int Left = 56;
    private const int Bottom = 36;
    private const int Top = 12;

    /// <summary>Bars per category, the series stacked on each other.</summary>
    public static string StackedBars(string title, IReadOnlyList<string> categories, IReadOnlyList<Series> series)
    {
        var totals = categories.Select((_, i) => series.Sum(s => Math.Max(0m, s.Values[i]))).ToList();
        var max = Nice(totals.DefaultIfEmpty(0m).Max());
        var svg = Open(title, series.Sum(s => s.Values.Count(v => v != 0)));
        Axis(svg, max);
        var slot = (Width - Left - 8m) / Math.Max(1, categories.Count);
        for (var i = 0; i < categories.Count; i++)
        {
            var y = (decimal)(Height - Bottom);
            for (var s = 0; s < series.Count; s++)
            {
                var h = Scale(Math.Max(0m, series[s].Values[i]), max);
                y -= h;
                svg.Append(Rect(Left + (i * slot) + (slot * 0.15m), y, slot * 0.7m, h, Palette[s % Palette.Length],
                    $"{categories[i]} · {series[s].Name}: {Format(series[s].Values[i])}"));
            }

            CategoryLabel(svg, categories, i, Left + (i * slot) + (slot / 2));
        }

        return Close(svg, series);
    }

    /// <summary>One bar per category, laid sideways so that long category names (segments) stay readable.</summary>
    public static string HorizontalBars(string title, IReadOnlyList<string> categories, IReadOnlyList<decimal> values)
    {
        const int labelWidth = 230;
        const int rowHeight = 22;
        var height = (categories.Count * rowHeight) + 28;
        var max = Nice(values.Select(Math.Abs).DefaultIfEmpty(0m).Max());
        var svg = new StringBuilder()
            .Append(Invariant(
                $"<figure><svg viewBox=\"0 0 {Width} {height}\" role=\"img\" data-points=\"{values.Count(v => v != 0)}\" aria-label=\""))
            .Append(Text(title)).Append("\">");
        for (var i = 0; i < categories.Count; i++)
        {
            var y = 4 + (i * rowHeight);
            var length = max <= 0 ? 0 : (Width - labelWidth - 90) * Math.Max(0m, values[i]) / max;
            svg.Append(Invariant($"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">")).Append(Text(categories[i]))
                .Append("</text>")
                .Append(Rect(labelWidth, y + 3, length, rowHeight - 6, Palette[0], $"{categories[i]}: {Format(values[i])}"))
                .Append(Invariant($"<text x=\"{labelWidth + length + 6:0.#}\" y=\"{y + 15}\">{Format(values[i])}</text>"));
        }

        return svg.Append("</svg></figure>").ToString();
    }

    /// <summary>One line per series over the categories; missing values (null) leave a gap.</summary>
    public static string Lines(string title, IReadOnlyList<string> categories,
        IReadOnlyList<(string Name, IReadOnlyList<decimal?> Values)> series,
        decimal? fixedMax = null)
    {
        var values = series.SelectMany(s => s.Values).OfType<decimal>().ToList();
        var max = fixedMax ?? Nice(values.Select(Math.Abs).DefaultIfEmpty(0m).Max());
        var min = values.Count > 0 && values.Min() < 0 ? -max : 0m;
        var svg = Open(title, values.Count(v => v != 0));
        Axis(svg, max, min);
        var step = (Width - Left - 16m) / Math.Max(1, categories.Count - 1);
        for (var s = 0; s < series.Count; s++)
        {
            var points = new StringBuilder();
            for (var i = 0; i < categories.Count; i++)
            {
                if (series[s].Values[i] is not { } value)
                {
                    continue;
                }

                var x = Left + 8 + (i * step);
                var y = Height - Bottom - Scale(value - min, max - min);
                points.Append(Invariant($"{x:0.#},{y:0.#} "));
                svg.Append(Invariant($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3\" fill=\"{Palette[s % Palette.Length]}\"><title>"))
                    .Append(Text($"{categories[i]} · {series[s].Name}: {Format(value)}")).Append("</title></circle>");
            }

            svg.Append(Invariant(
                $"<polyline fill=\"none\" stroke-width=\"2\" stroke=\"{Palette[s % Palette.Length]}\" points=\"{
                    points.ToString().Trim()}\"/>"));
        }

        for (var i = 0; i < categories.Count; i++)
        {
            CategoryLabel(svg, categories, i, Left + 8 + (i * step));
        }

        return Close(svg, series.Select(s => new Series(s.Name, Array.Empty<decimal>())).ToList());
    }

    public static string Format(decimal value)
        => value.ToString(value == decimal.Truncate(value) ? "N0" : "N1", CultureInfo.InvariantCulture);

    public static string Text(string value) => WebUtility.HtmlEncode(value);

    private static StringBuilder Open(string title, int points) => new StringBuilder()
        .Append(Invariant($"<figure><svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" data-points=\"{points}\" aria-label=\""))
        .Append(Text(title)).Append("\">");

    private static string Close(StringBuilder svg, IReadOnlyList<Series> series)
    {
        svg.Append("</svg><figcaption>");
        for (var s = 0; s < series.Count; s++)
        {
            svg.Append(Invariant($"<span class=\"key\"><span class=\"swatch\" style=\"background:{Palette[s % Palette.Length]}\"></span>"))
                .Append(Text(series[s].Name)).Append("</span> ");
        }

        return svg.Append("</figcaption></figure>").ToString();
    }

    private static void Axis(StringBuilder svg, decimal max, decimal min = 0m)
    {
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = min + ((max - min) * tick / 4);
            var y = Height - Bottom - ((Height - Bottom - Top) * tick / 4m);
            svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - 4}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#d4d4d8\"/>"))
                .Append(Invariant($"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{Format(value)}</text>"));
        }
    }

    /// <summary>Every category's label when they fit, else every n-th, so month axes of 60 months stay legible.</summary>
    private static void CategoryLabel(StringBuilder svg, IReadOnlyList<string> categories, int index, decimal x)
    {
        var every = Math.Max(1, (int)Math.Ceiling(categories.Count / 12.0));
        if (index % every == 0)
        {
            svg.Append(Invariant($"<text x=\"{x:0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">"))
                .Append(Text(categories[index])).Append("</text>");
        }
    }

    private static string Rect(decimal x, decimal y, decimal width, decimal height, string colour, string title) =>
        Invariant($"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{width:0.#}\" height=\"{height:0.#}\" fill=\"{colour}\"><title>")
            + Text(title) + "</title></rect>";

    private static decimal Scale(decimal value, decimal max) => max <= 0 ? 0 : (Height - Bottom - Top) * value / max;

    /// <summary>The axis maximum: the data's maximum rounded up to 1, 2 or 5 times a power of ten.</summary>
    private static decimal Nice(decimal max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var factor in new[] { 1m, 2m, 5m, 10m })
        {
            if (max <= factor * power)
            {
                return factor * power;
            }
        }

        return 10 * power;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
