using System;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Plugins.Tests.Portfolio;

public sealed class AnalysisCursorTests
{
    [Fact]
    public void Should_ReadBackTheSameState_When_TheCookieHoldsSeparatorsAndQuotes()
    {
        var state = new AnalysisState(AnalysisPhase.Reading, CustomerType.Account, 3,
            "<cookie page=\"2\"><accountid last=\"{A|B}\" /></cookie>", 20000, 12345, 0, 0, 0, 0, 0, 2);

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

    [Fact]
    public void Should_ReadBackTheModelAndPreviousTargets_When_WritingWithACookieThatHoldsSeparators()
    {
        var window = AnalysisWindow.EndingAt(new DateTime(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc), 24);
        var result = PortfolioScorer.Score(
            new[] { new CustomerMetrics(new CustomerKey(CustomerType.Contact, Guid.NewGuid()), 2, 300m, 100m, 5),
                CustomerMetrics.Prospect(new CustomerKey(CustomerType.Account, Guid.NewGuid())) },
            PortfolioSettings.Default);
        var model = new PersistedModel(ScoringModel.From(result, window), new[] { Guid.NewGuid(), Guid.NewGuid() });
        var state = new AnalysisState(AnalysisPhase.WritingCustomers, CustomerType.Contact, 2, "<cookie a=\"x|y;z,w\" />", 9, 9, 8, 1, 5000,
            5000, 3, 1);

        var text = AnalysisCursor.Write(state, model);
        var read = AnalysisCursor.ReadModel(text)!;

        Assert.Equal(state, AnalysisCursor.Read(text));
        Assert.Equal(model.PreviousTargets, read.PreviousTargets);
        Assert.Equal(model.Model.ToText(), read.Model.ToText());
        Assert.Null(AnalysisCursor.ReadModel(AnalysisCursor.Write(state)));
    }

    [Fact]
    public void Should_ReadBackTheSummaryOfThePasses_When_WritingInTheSecondPass()
    {
        var window = AnalysisWindow.EndingAt(new DateTime(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc), 24);
        var summary = new PortfolioSummary(window, 80m, 0.05m);
        summary.AddFirstPass(new CustomerMetrics(new CustomerKey(CustomerType.Contact, Guid.NewGuid()), 2, 300.50m, 100m, 5));
        summary.AddFirstPass(new CustomerMetrics(new CustomerKey(CustomerType.Contact, Guid.NewGuid()), 1, -20m, 10m, 40));
        summary.AddSecondPass(CustomerMetrics.Prospect(new CustomerKey(CustomerType.Account, Guid.NewGuid())));
        var state = new AnalysisState(
            AnalysisPhase.Totalling, CustomerType.Account, 2, Guid.NewGuid().ToString("D"), 9, 9, 0, 0, 0, 0, 0, 1, 5000);

        var text = AnalysisCursor.Write(state, summary: summary);

        Assert.Equal(state, AnalysisCursor.Read(text));
        Assert.Equal(summary.ToText(), AnalysisCursor.ReadSummary(text)!.ToText());
        Assert.Null(AnalysisCursor.ReadModel(text));
        Assert.Null(AnalysisCursor.ReadSummary(AnalysisCursor.Write(state)));
    }

    [Fact]
    public void Should_ReadTheStateAndModelButNoSummary_When_TheCursorIsASecondVersionOne()
    {
        var window = AnalysisWindow.EndingAt(new DateTime(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc), 24);
        var result = PortfolioScorer.Score(
            new[] { new CustomerMetrics(new CustomerKey(CustomerType.Contact, Guid.NewGuid()), 2, 300m, 100m, 5) },
            PortfolioSettings.Default);
        var model = ScoringModel.From(result, window).ToText();
        var target = Guid.NewGuid();
        var text = "v2|3|1|0|10|10|6|4|2|8|1|2|" + model + "|" + target.ToString("D") + "|";

        var expected = new AnalysisState(AnalysisPhase.WritingCustomers, CustomerType.Account, 0, null, 10, 10, 6, 4, 2, 8, 1, 2);
        Assert.Equal(expected, AnalysisCursor.Read(text));
        Assert.Equal((model, target), (AnalysisCursor.ReadModel(text)!.Model.ToText(), AnalysisCursor.ReadModel(text)!.PreviousTargets[0]));
        Assert.Null(AnalysisCursor.ReadSummary(text));
    }

    [Fact]
    public void Should_ReadTheStateButNoModel_When_TheCursorIsAFirstVersionOne()
    {
        var text = "v1|3|1|0|10|10|6|4|2|8|1|2|";

        Assert.Equal(new AnalysisState(AnalysisPhase.WritingCustomers, CustomerType.Account, 0, null, 10, 10, 6, 4, 2, 8, 1, 2),
            AnalysisCursor.Read(text));
        Assert.Null(AnalysisCursor.ReadModel(text));
        Assert.Null(AnalysisCursor.ReadSummary(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v0|1|0|1|0|0|0|0|0|0|0|1|")]
    [InlineData("v1|9|0|1|0|0|0|0|0|0|0|1|")]
    [InlineData("v1|1|0|x|0|0|0|0|0|0|0|1|")]
    [InlineData("v1|1|0")]
    [InlineData("v3|1|0|1|0|0|0|0|0|0|0|1|")]
    [InlineData("v3|6|0|1|0|0|0|0|0|0|0|1|x||||")]
    public void Should_StartAfresh_When_TheCursorIsMissingOrNotOneOfOurs(string? text)
    {
        Assert.Null(AnalysisCursor.Read(text));
    }
}
