using System;
using System.Collections.Generic;
using System.Globalization;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// The four values where a <see cref="QuintileScorer"/> score steps up, taken from a scored base. The mid-rank score is
/// monotonic in the value (a larger value has strictly more values worse than it), so for every value of that base
/// "1 + the number of thresholds reached" is exactly the score the scorer gave; a writing unit can therefore score one
/// page of customers without holding the whole base. Threshold s (2–5) is the least good value that scored at least s;
/// null when nobody did.
/// </summary>
public sealed class QuintileThresholds
{
    private readonly decimal?[] _steps;

    private QuintileThresholds(bool higherIsBetter, decimal?[] steps)
    {
        HigherIsBetter = higherIsBetter;
        _steps = steps;
    }

    public bool HigherIsBetter { get; }

    /// <summary>Thresholds for scores 2, 3, 4 and 5, in that order.</summary>
    public IReadOnlyList<decimal?> Steps => _steps;

    /// <param name="values">The scored values.</param>
    /// <param name="scores">Their scores, as <see cref="QuintileScorer.Score"/> gave them (same order).</param>
    public static QuintileThresholds From(IReadOnlyList<decimal> values, IReadOnlyList<int> scores, bool higherIsBetter)
    {
        if (values is null) throw new ArgumentNullException(nameof(values));
        if (scores is null) throw new ArgumentNullException(nameof(scores));
        if (values.Count != scores.Count) throw new ArgumentException("One score per value.", nameof(scores));

        var steps = new decimal?[QuintileScorer.Highest - QuintileScorer.Lowest];
        for (var i = 0; i < values.Count; i++)
        {
            for (var score = QuintileScorer.Lowest + 1; score <= scores[i]; score++)
            {
                var current = steps[score - 2];
                if (current is null || IsWorse(values[i], current.Value, higherIsBetter)) steps[score - 2] = values[i];
            }
        }

        return new QuintileThresholds(higherIsBetter, steps);
    }

    /// <summary>Thresholds computed elsewhere (QuintileSummary): scores 2–5 in that order.</summary>
    internal static QuintileThresholds Of(bool higherIsBetter, decimal?[] steps) => new(higherIsBetter, steps);

    public int ScoreOf(decimal value)
    {
        var score = QuintileScorer.Lowest;
        foreach (var step in _steps)
        {
            if (step is { } threshold && !IsWorse(value, threshold, HigherIsBetter)) score++;
        }

        return score;
    }

    /// <summary>"+" or "-" (direction) and the four thresholds, comma-separated, empty for none: "+,2,3,,".</summary>
    public string ToText()
    {
        var parts = new string[_steps.Length + 1];
        parts[0] = HigherIsBetter ? "+" : "-";
        for (var i = 0; i < _steps.Length; i++) parts[i + 1] = _steps[i]?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        return string.Join(",", parts);
    }

    /// <summary>The thresholds written by <see cref="ToText"/>; null when the text is not such a list.</summary>
    public static QuintileThresholds? Parse(string? text)
    {
        var parts = text?.Split(',');
        if (parts is null || parts.Length != QuintileScorer.Highest || (parts[0] != "+" && parts[0] != "-")) return null;
        var steps = new decimal?[parts.Length - 1];
        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length == 0) continue;
            if (!decimal.TryParse(parts[i], NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return null;
            steps[i - 1] = value;
        }

        return new QuintileThresholds(parts[0] == "+", steps);
    }

    private static bool IsWorse(decimal value, decimal than, bool higherIsBetter) => higherIsBetter ? value < than : value > than;
}
