using System.Globalization;

namespace Crm.Extensions.Domain.Common;

/// <summary>Numbers inside user messages, written the way each language writes them.</summary>
public static class Formatting
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-ES");

    public static string PercentEnglish(decimal value) => value.ToString("0.##", English) + "%";

    /// <summary>Spanish style puts a space before the percent sign (RAE) and a decimal comma.</summary>
    public static string PercentSpanish(decimal value) => value.ToString("0.##", Spanish) + " %";

    /// <summary>Whole numbers inside messages carry no grouping, so both languages read them the same.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Dates inside messages in ISO form (2026-02-28): unambiguous in both languages.</summary>
    public static string Date(System.DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
