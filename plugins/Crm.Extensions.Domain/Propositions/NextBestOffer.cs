using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Domain.Propositions;

/// <summary>
/// The best active proposition for the customer's segment that does not offer a product they already bought.
/// "Best" = highest company margin (the benefit side was checked at activation); ties go to the name, then the id
/// (ordinal), so the same customer always gets the same answer.
/// </summary>
public static class NextBestOffer
{
    /// <returns>null when the customer has no segment or nothing is left to offer.</returns>
    public static Proposition? Select(IEnumerable<Proposition> propositions, Guid? customerSegmentId, IEnumerable<Guid> productsBought)
    {
        if (propositions is null)
        {
            throw new ArgumentNullException(nameof(propositions));
        }

        if (customerSegmentId is null)
        {
            return null;
        }

        var bought = new HashSet<Guid>(productsBought ?? Enumerable.Empty<Guid>());
        return propositions
            .Where(p => p.IsActive && p.SegmentId == customerSegmentId.Value)
            .Where(p => p.ProductId is null || !bought.Contains(p.ProductId.Value))
            .OrderByDescending(p => p.CompanyMarginPercent ?? decimal.MinValue)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Id)
            .FirstOrDefault();
    }
}
