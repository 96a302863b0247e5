using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Loyalty;

/// <summary>Helpers that keep every loyalty message culture-invariant and bilingual.</summary>
internal static class LoyaltyText
{
    public static LocalizedText Join(IEnumerable<LocalizedText> parts)
    {
        var list = parts.ToList();
        return new LocalizedText(
            string.Join(" ", list.Select(part => part.English)),
            string.Join(" ", list.Select(part => part.Spanish)));
    }

    /// <summary>Dates shown to users as ISO dates, identical in both languages.</summary>
    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
