namespace Crm.Extensions.Cli.Model;

/// <summary>Text a user sees, in the two languages the solution ships (1033 English, 3082 Spanish).</summary>
public sealed record Label(string En, string Es)
{
    public const int English = 1033;
    public const int Spanish = 3082;

    public static readonly int[] Languages = { English, Spanish };

    public string For(int languageCode) => languageCode == Spanish ? Es : En;

    public static Label Of(string en, string es) => new(en, es);
}
