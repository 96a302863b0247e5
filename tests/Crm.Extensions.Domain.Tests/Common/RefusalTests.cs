using Crm.Extensions.Domain.Common;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Tests.Common;

public sealed class RefusalTests
{
    [Fact]
    public void Should_ListEveryItemInBothLanguages_When_SomethingIsMissing()
    {
        var refusal = Assert.Throws<BusinessRuleException>(() => Refusal.ThrowIfAny(
            new LocalizedText("Missing:", "Falta:"),
            new[] { new LocalizedText("a", "una"), new LocalizedText("b", "be") }));

        Assert.Equal("Missing:\n- a\n- b", refusal.Text.English);
        Assert.Equal("Falta:\n- una\n- be", refusal.Text.Spanish);
    }

    [Fact]
    public void Should_NotThrow_When_NothingIsMissing()
    {
        Refusal.ThrowIfAny(new LocalizedText("Missing:", "Falta:"), System.Array.Empty<LocalizedText>());
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(5, 0, 0)]
    [InlineData(1, 3, 33.33)]
    public void Should_ReturnAPercentage_When_TheWholeMayBeZero(int part, int whole, double expected)
    {
        Assert.Equal((decimal)expected, Percent.Round(Percent.Of(part, whole)));
    }

    [Fact]
    public void Should_WriteNumbersTheLocalWay_When_FormattingPercentages()
    {
        Assert.Equal("12.5%", Formatting.PercentEnglish(12.5m));
        Assert.Equal("12,5 %", Formatting.PercentSpanish(12.5m));
    }
}
