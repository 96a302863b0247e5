using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Tests.Localization;

public sealed class LocalizedTextTests
{
    private static readonly LocalizedText Text = new("Not enough points.", "No hay puntos suficientes.");

    [Theory]
    [InlineData(3082)] // Spanish (Spain, international sort)
    [InlineData(2058)] // Spanish (Mexico)
    [InlineData(1034)] // Spanish (Spain, traditional sort)
    public void Should_SpeakSpanish_When_TheUserLanguageIsAnySpanishLocale(int lcid)
    {
        Assert.Equal("No hay puntos suficientes.", Text.For(lcid));
    }

    [Theory]
    [InlineData(1033)]
    [InlineData(1036)] // French: no labels shipped, so English
    [InlineData(0)]
    public void Should_SpeakEnglish_When_TheUserLanguageIsNotSpanish(int lcid)
    {
        Assert.Equal("Not enough points.", Text.For(lcid));
    }

    [Fact]
    public void Should_CarryBothLanguages_When_ARuleRefuses()
    {
        var refusal = new BusinessRuleException(Text);

        Assert.Same(Text, refusal.Text);
        Assert.Equal("Not enough points.", refusal.Message);
    }
}
