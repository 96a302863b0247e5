using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// Exact quintile thresholds from summaries that units of work build apart and merge, so no single execution has to hold
/// the whole base. A value's score depends only on how many values are worse than it and how many equal it
/// (<see cref="QuintileScorer"/>), so an exact count per distinct value is enough:
/// <list type="bullet">
/// <item>recency (whole days, at most one window of values) and frequency (a small whole number) have few distinct
/// values: each unit keeps a <see cref="ValueCounts"/> and the merged counts give the thresholds in one pass;</item>
/// <item>monetary is continuous: a first pass keeps a <see cref="BucketCounts"/> (a fixed number of log-scale buckets),
/// which names, for each score step, the two buckets that can hold its threshold (<see cref="BucketCounts.Candidates"/>);
/// a second pass keeps exact counts only for the values inside those buckets, and <see cref="Thresholds"/> finishes.</item>
/// </list>
/// Either way the result equals <see cref="QuintileThresholds.From"/> over the whole base (QuintileSummaryTests).
/// </summary>
public static class QuintileSummary
{
    /// <summary>Thresholds from exact counts of every value of the base.</summary>
    public static QuintileThresholds Thresholds(ValueCounts counts, bool higherIsBetter)
    {
        if (counts is null) throw new ArgumentNullException(nameof(counts));
        var n = counts.Total;
        var steps = new decimal?[QuintileScorer.Highest - QuintileScorer.Lowest];
        var worse = 0L;
        foreach (var pair in higherIsBetter ? counts.Ascending : counts.Ascending.Reverse())
        {
            Reach(steps, pair.Key, worse, pair.Value, n);
            worse += pair.Value;
        }

        return QuintileThresholds.Of(higherIsBetter, steps);
    }

    /// <summary>
    /// Thresholds from the first pass's buckets and the second pass's exact counts of the values in the candidate buckets:
    /// a bucket that is not a candidate holds no threshold, so only its size matters.
    /// </summary>
    public static QuintileThresholds Thresholds(BucketCounts buckets, ValueCounts inCandidates, bool higherIsBetter)
    {
        if (buckets is null) throw new ArgumentNullException(nameof(buckets));
        if (inCandidates is null) throw new ArgumentNullException(nameof(inCandidates));
        var n = buckets.Total;
        var candidates = new HashSet<int>(buckets.Candidates(higherIsBetter));
        var steps = new decimal?[QuintileScorer.Highest - QuintileScorer.Lowest];
        var worse = 0L;
        foreach (var bucket in buckets.InOrder(higherIsBetter))
        {
            if (candidates.Contains(bucket.Key))
            {
                var inside = inCandidates.Ascending.Where(pair => BucketCounts.BucketOf(pair.Key) == bucket.Key);
                foreach (var pair in higherIsBetter ? inside : inside.Reverse())
                {
                    Reach(steps, pair.Key, worse, pair.Value, n);
                    worse += pair.Value;
                }
            }
            else
            {
                worse += bucket.Value;
            }
        }

        return QuintileThresholds.Of(higherIsBetter, steps);
    }

    /// <summary>
    /// Score ≥ s exactly when 5 × (2 × worse + equal) ≥ 2 × n × (s − 1) (QuintileScorer's mid-rank rule); the first value,
    /// in worse-to-better order, that reaches s is threshold s.
    /// </summary>
    private static void Reach(decimal?[] steps, decimal value, long worse, long equal, long n)
    {
        for (var score = QuintileScorer.Lowest + 1; score <= QuintileScorer.Highest; score++)
        {
            if (steps[score - 2] is null && Reaches(worse, equal, n, score)) steps[score - 2] = value;
        }
    }

    internal static bool Reaches(long worse, long equal, long n, int score) => 5L * ((2L * worse) + equal) >= 2L * n * (score - 1);
}

/// <summary>An exact count per distinct value; units build one each and merge them.</summary>
public sealed class ValueCounts
{
    private readonly SortedDictionary<decimal, long> _counts = new();

    public long Total { get; private set; }

    public int Distinct => _counts.Count;

    public IEnumerable<KeyValuePair<decimal, long>> Ascending => _counts;

    public void Add(decimal value, long count = 1)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "A count is positive.");
        _counts[value] = _counts.TryGetValue(value, out var before) ? before + count : count;
        Total += count;
    }

    public void Merge(ValueCounts other)
    {
        if (other is null) throw new ArgumentNullException(nameof(other));
        foreach (var pair in other._counts) Add(pair.Key, pair.Value);
    }
}

/// <summary>
/// Counts per log-scale bucket (sign, then 128 buckets per power of two of the magnitude): a few thousand buckets at most
/// for any range of amounts a business has, whatever the size of the base,
/// and mergeable. Bucket order is value order, so the values worse than a bucket are the buckets before it.
/// </summary>
public sealed class BucketCounts
{
    /// <summary>
    /// 128 per doubling (about 0.54% wide): the second pass keeps every distinct amount of at most eight buckets, so narrow
    /// buckets keep that small (about 540 cent values per bucket around 1,000) for a few thousand buckets in the first.
    /// </summary>
    private const int PerOctave = 128;
    private readonly SortedDictionary<int, long> _counts = new();

    public long Total { get; private set; }

    public IEnumerable<KeyValuePair<int, long>> Ascending => _counts;

    public static int BucketOf(decimal value)
    {
        if (value == 0m) return 0;
        var magnitude = Math.Abs((double)value);
        // Magnitudes below 1 share the first bucket of their sign; above, PerOctave buckets per doubling.
        var index = magnitude < 1d ? 1 : 2 + (int)Math.Floor(Math.Log(magnitude, 2d) * PerOctave);
        return value > 0m ? index : -index;
    }

    public void Add(decimal value) => AddBucket(BucketOf(value), 1);

    /// <summary><paramref name="count"/> more values in <paramref name="bucket"/> (a summary read back from its text).</summary>
    public void AddBucket(int bucket, long count)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "A count is positive.");
        _counts[bucket] = _counts.TryGetValue(bucket, out var before) ? before + count : count;
        Total += count;
    }

    public void Merge(BucketCounts other)
    {
        if (other is null) throw new ArgumentNullException(nameof(other));
        foreach (var pair in other._counts)
        {
            _counts[pair.Key] = _counts.TryGetValue(pair.Key, out var before) ? before + pair.Value : pair.Value;
            Total += pair.Value;
        }
    }

    internal IEnumerable<KeyValuePair<int, long>> InOrder(bool higherIsBetter) => higherIsBetter ? _counts : _counts.Reverse();

    /// <summary>
    /// The buckets whose exact values the second pass must keep: for each score step, the first bucket (worse to better)
    /// in which some value could reach it, and the next non-empty one. Inside a bucket with W values worse and C in it, a
    /// value has 2 × worse + equal at most 2 × (W + C) − 1, so no earlier bucket reaches the step; and every value of the
    /// following bucket has at least 2 × (W + C) + 1, so if the first bucket's values all fall short, the following
    /// bucket's least good value is the threshold. At most eight buckets.
    /// </summary>
    public IReadOnlyCollection<int> Candidates(bool higherIsBetter)
    {
        var result = new HashSet<int>();
        var ordered = InOrder(higherIsBetter).ToList();
        for (var score = QuintileScorer.Lowest + 1; score <= QuintileScorer.Highest; score++)
        {
            var worse = 0L;
            for (var i = 0; i < ordered.Count; i++)
            {
                var count = ordered[i].Value;
                if (Reachable(worse, count, score))
                {
                    result.Add(ordered[i].Key);
                    if (i + 1 < ordered.Count) result.Add(ordered[i + 1].Key);
                    break;
                }

                worse += count;
            }
        }

        return result;
    }

    /// <summary>Whether the best value of a bucket could reach the step: 2 × worse + equal at most 2 × (W + C) − 1.</summary>
    private bool Reachable(long worse, long count, int score) => 5L * ((2L * (worse + count)) - 1L) >= 2L * Total * (score - 1);
}
