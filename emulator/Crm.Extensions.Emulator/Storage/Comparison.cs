using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Storage;

/// <summary>
/// Compares column values as SQL Server would: lookups by id, choices by number, money by amount, text case-insensitively.
/// </summary>
internal static class Comparison
{
    public static object? Normalize(object? value) => value switch
    {
        EntityReference reference => reference.Id,
        OptionSetValue option => option.Value,
        Money money => money.Value,
        int or long or double or float or short => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture),
        string text when Guid.TryParse(text, out var id) => id,
        _ => value,
    };

    /// <summary>Orders two non-null values; text ignores case. Values of different kinds fall back to their text.</summary>
    public static int Compare(object? left, object? right)
    {
        var a = Normalize(left);
        var b = Normalize(right);
        if (a is null && b is null) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        if (a is string sa && b is string sb) return string.Compare(sa, sb, StringComparison.OrdinalIgnoreCase);
        if (a is decimal da && b is decimal db) return da.CompareTo(db);
        if (a is DateTime ta && b is DateTime tb) return ta.CompareTo(tb);
        if (a is bool ba && b is bool bb) return ba.CompareTo(bb);
        if (a is Guid ga && b is Guid gb) return ga.CompareTo(gb);
        if (a is decimal && b is string s && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            return ((decimal)a).CompareTo(parsed);
        return string.Compare(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture),
            StringComparison.OrdinalIgnoreCase);
    }

    public static bool AreEqual(object? left, object? right) => left is not null && right is not null && Compare(left, right) == 0;
}
