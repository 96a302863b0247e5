using System;
using System.Collections.Generic;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// Scores values 1–5 by quintile of the base.
/// Tie rule (mid-rank): a value's position is (worse + equal ÷ 2) ÷ n, where "worse" counts the values strictly
/// worse than it and "equal" counts the values equal to it (itself included); score = floor(5 × position) + 1.
/// Equal values therefore always get equal scores, the result does not depend on input order, and a base in
/// which everyone is equal (or a single customer) scores 3: nobody can be told apart, so everybody is average.
/// With n distinct values each quintile receives n ÷ 5 of them, like a plain quintile cut.
/// </summary>
public static class QuintileScorer
{
    public const int Lowest = 1;
    public const int Highest = 5;

    /// <param name="values">One value per customer.</param>
    /// <param name="higherIsBetter">False for recency (fewer days since the last purchase is better).</param>
    /// <returns>The score of each value, in input order.</returns>
    public static int[] Score(IReadOnlyList<decimal> values, bool higherIsBetter)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        var n = values.Count;
        var sorted = new decimal[n];
        for (var i = 0; i < n; i++)
        {
            sorted[i] = values[i];
        }

        Array.Sort(sorted);
        var scores = new int[n];
        for (var i = 0; i < n; i++)
        {
            var below = LowerBound(sorted, values[i]);
            var equal = UpperBound(sorted, values[i]) - below;
            var worse = higherIsBetter ? below : n - below - equal;
            var score = (int)(Highest * (2L * worse + equal) / (2L * n)) + 1;
            scores[i] = score > Highest ? Highest : score;
        }

        return scores;
    }

    private static int LowerBound(decimal[] sorted, decimal value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static int UpperBound(decimal[] sorted, decimal value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (sorted[mid] <= value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
