using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>"Write only what changed": the rows whose stored values differ from the new result, split into write batches.</summary>
public static class PortfolioChanges
{
    /// <param name="stored">What each customer row holds now (read with the customer page); missing = never analysed.</param>
    /// <param name="results">The new results, in the order they should be written.</param>
    public static IReadOnlyList<CustomerPortfolioResult> ToWrite(
        IReadOnlyDictionary<CustomerKey, CustomerPortfolioResult> stored, IEnumerable<CustomerPortfolioResult> results)
    {
        if (stored is null)
        {
            throw new ArgumentNullException(nameof(stored));
        }

        return results
            .Where(r => !stored.TryGetValue(r.Customer, out var before) || before != r)
            .ToList();
    }

    /// <summary>Consecutive batches of at most <paramref name="size"/> (Enumerable.Chunk does not exist on .NET Framework 4.6.2).</summary>
    public static IReadOnlyList<IReadOnlyList<T>> Batches<T>(IReadOnlyList<T> items, int size = RequestBudget.WriteBatchSize)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        if (size < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "A batch holds at least one row.");
        }

        var batches = new List<IReadOnlyList<T>>();
        for (var start = 0; start < items.Count; start += size)
        {
            // Index copy, not Skip/Take: Skip re-walks the list on .NET Framework, which is quadratic on a large base.
            var batch = new List<T>(Math.Min(size, items.Count - start));
            for (var i = start; i < start + size && i < items.Count; i++)
            {
                batch.Add(items[i]);
            }

            batches.Add(batch);
        }

        return batches;
    }
}
