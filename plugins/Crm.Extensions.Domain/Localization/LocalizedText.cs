namespace Crm.Extensions.Domain.Localization;

/// <summary>A user-facing sentence in every language the solution ships labels for.</summary>
public sealed record LocalizedText(string English, string Spanish)
{
    public const int EnglishLcid = 1033;
    public const int SpanishLcid = 3082;

    /// <summary>Spanish for any Spanish locale (3082, 2058, ...); English otherwise.</summary>
    public string For(int lcid) => IsSpanish(lcid) ? Spanish : English;

    private static bool IsSpanish(int lcid) => (lcid & 0x3FF) == 0x0A;
}
