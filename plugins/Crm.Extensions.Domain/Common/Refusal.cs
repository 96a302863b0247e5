using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Common;

/// <summary>
/// Builds the one message a user sees when a rule refuses: a heading and every missing item, so they fix everything in one go.
/// </summary>
public static class Refusal
{
    public static LocalizedText Listing(LocalizedText heading, IEnumerable<LocalizedText> missing)
    {
        var items = missing.ToList();
        return new LocalizedText(
            heading.English + Bullets(items.Select(item => item.English)),
            heading.Spanish + Bullets(items.Select(item => item.Spanish)));
    }

    /// <summary>Throws a <see cref="BusinessRuleException"/> when anything is missing; does nothing otherwise.</summary>
    public static void ThrowIfAny(LocalizedText heading, IReadOnlyCollection<LocalizedText> missing)
    {
        if (missing.Count > 0)
        {
            throw new BusinessRuleException(Listing(heading, missing));
        }
    }

    private static string Bullets(IEnumerable<string> lines) => string.Concat(lines.Select(line => "\n- " + line));
}
