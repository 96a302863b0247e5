using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Plugins.Tests.Portfolio;

public sealed class AnalysisCursorTests
{
    [Fact]
    public void Should_ReadBackTheSameState_When_TheCookieHoldsSeparatorsAndQuotes()
    {
        var state = new AnalysisState(AnalysisPhase.Reading, CustomerType.Account, 3, "<cookie page=\"2\"><accountid last=\"{A|B}\" /></cookie>", 20000, 12345, 0, 0, 0, 0, 0, 2);

        var text = AnalysisCursor.Write(state);

        Assert.Equal(state, AnalysisCursor.Read(text));
        Assert.True(text.Length < 10000); // cx_cursor holds 10,000 characters
    }

    [Fact]
    public void Should_KeepAnEmptyCookieAsNull_When_TheStateHasNone()
    {
        var state = AnalysisPlan.Start(7);

        Assert.Equal(state, AnalysisCursor.Read(AnalysisCursor.Write(state)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v0|1|0|1|0|0|0|0|0|0|0|1|")]
    [InlineData("v1|9|0|1|0|0|0|0|0|0|0|1|")]
    [InlineData("v1|1|0|x|0|0|0|0|0|0|0|1|")]
    [InlineData("v1|1|0")]
    public void Should_StartAfresh_When_TheCursorIsMissingOrNotOneOfOurs(string? text)
    {
        Assert.Null(AnalysisCursor.Read(text));
    }
}
