using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Loyalty.Journeys;

/// <summary>A product family is the top-level parent of a product (<c>product.parentproductid</c> followed to the root).</summary>
public static class ProductFamilies
{
    /// <summary>
    /// Follows <paramref name="parentOf"/> from <paramref name="productId"/> to the root. Cycle-safe: bad data that
    /// loops resolves to the smallest id on the loop, so every product on it lands in the same family.
    /// A product missing from the map is its own family.
    /// </summary>
    public static Guid FamilyOf(Guid productId, IReadOnlyDictionary<Guid, Guid?> parentOf)
    {
        if (parentOf is null)
        {
            throw new ArgumentNullException(nameof(parentOf));
        }

        var path = new List<Guid>();
        var seen = new HashSet<Guid>();
        var current = productId;
        while (seen.Add(current))
        {
            path.Add(current);
            if (!parentOf.TryGetValue(current, out var parent) || parent is not { } next)
            {
                return current;
            }

            current = next;
        }

        return path.Skip(path.IndexOf(current)).Min();
    }
}
