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
}
