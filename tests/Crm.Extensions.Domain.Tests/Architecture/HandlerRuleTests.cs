using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Crm.Extensions.Domain.Tests.Architecture;

/// <summary>
/// A plug-in handler or a workflow activity reaches Dataverse only through a use case: outside the host infrastructure
/// (<c>Framework/</c>, <c>WorkflowActivityBase.cs</c>) its source sends no request on an organization service itself and
/// calls no Dataverse adapter method that writes. Reads through adapters stay allowed (guards and validations read before
/// the platform writes). An adapter method writes when its body sends a write (Create, Update, Delete, Associate,
/// Disassociate, or an Execute that is not a Retrieve* or WhoAmI request) or calls another adapter method that does.
/// </summary>
public sealed class HandlerRuleTests
{
    /// <summary>
    /// Handlers that still hand the service to a writing adapter; each must still break the rule (so the list only shrinks).
    /// Their adapters (Dataverse/Loyalty/VoucherActions.cs, Dataverse/Portfolio/AnalysisProgress.cs) are being reworked.
    /// </summary>
    private static readonly string[] NotYetThroughAUseCase =
    {
        "plugins/Crm.Extensions.Plugins/Loyalty/CancelRedemption.cs",
        "plugins/Crm.Extensions.Plugins/Loyalty/MarkVoucherUsed.cs",
        "plugins/Crm.Extensions.Plugins/Portfolio/RunPortfolioAnalysis.cs",
    };

    private static readonly Lazy<IReadOnlyCollection<string>> Writers = new(() => HandlerRules.WritingMethods(
        Sources("plugins/Crm.Extensions.Dataverse").Where(file => !file.Contains("/EarlyBound/", StringComparison.Ordinal)).Select(Read)));

    [Fact]
    public void Should_FindNoHandlerReachingDataverseItself_When_EveryHandlerSourceIsRead()
    {
        var violations = HandlerSources()
            .Where(file => !NotYetThroughAUseCase.Contains(file))
            .SelectMany(file => HandlerRules.Violations(Read(file), Writers.Value).Select(v => file + ": " + v))
            .ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Should_StillBreakTheRule_When_AHandlerIsListedAsNotYetThroughAUseCase()
    {
        var fixedMeanwhile = NotYetThroughAUseCase.Where(file => HandlerRules.Violations(Read(file), Writers.Value).Count == 0).ToList();

        Assert.True(fixedMeanwhile.Count == 0, "Goes through a use case now, remove from the list: " + string.Join(", ", fixedMeanwhile));
    }

    [Fact]
    public void Should_KnowTheWritersOfTheProduct_When_TheAdaptersAreRead()
    {
        Assert.Contains("CrossSellWriter.Upsert", Writers.Value);
        Assert.Contains("CustomerRecords.StampLastInteraction", Writers.Value);
        Assert.DoesNotContain("CustomerRecords.HasPreferenceConsent", Writers.Value);
    }

    [Theory]
    [InlineData("context.SystemService.Update(new Entity(\"account\", id));", "Update")]
    [InlineData("var row = context.UserService.Retrieve(\"cx_crmstrategy\", id, columns);", "Retrieve")]
    [InlineData("service.Execute(new UpsertRequest { Target = row });", "Execute")]
    [InlineData("var s = factory.CreateOrganizationService(null);", "CreateOrganizationService")]
    [InlineData("var n = OfferWriter.Upsert(context.SystemService, offers);", "OfferWriter.Upsert")]
    [InlineData("Dataverse.Fixture.Rows.Stamp(context.SystemService, customer);", "Rows.Stamp")]
    public void Should_ReportTheCall_When_AHandlerReachesDataverseWithoutAUseCase(string handler, string reported)
    {
        var violations = HandlerRules.Violations(handler, HandlerRules.WritingMethods(new[] { FixtureAdapter }));

        Assert.Contains(violations, v => v.Contains(reported, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Application.Strategy.AdvanceStrategyStep.Run(context, context.Input(Api.Request.Strategy));")]
    [InlineData("var consented = Rows.HasConsent(context.SystemService, customer); // Rows.Stamp( in a comment")]
    [InlineData("context.SetOutput(\"Step\", \"service.Update(x)\");")]
    public void Should_ReportNothing_When_AHandlerCallsAUseCaseOrReads(string handler)
    {
        Assert.Empty(HandlerRules.Violations(handler, HandlerRules.WritingMethods(new[] { FixtureAdapter })));
    }

    /// <summary>An adapter with a writer that writes through a private helper, one that calls it, and a reader.</summary>
    private const string FixtureAdapter = """
        public static class OfferWriter
        {
            public static int Upsert(IOrganizationService service, IReadOnlyList<Offer> offers) => Send(service, offers);
            private static int Send(IOrganizationService service, IReadOnlyList<Offer> offers)
            {
                foreach (var offer in offers) service.Execute(Request(offer));
                return offers.Count;
            }
        }

        public static class Rows
        {
            public static bool HasConsent(IOrganizationService service, EntityReference customer) =>
                service.Execute(new RetrieveRequest { Target = customer }) is not null;

            public static void Stamp(IOrganizationService service, EntityReference customer)
            {
                if (HasConsent(service, customer)) OfferWriter.Upsert(service, Array.Empty<Offer>());
            }
        }
        """;

    private static IEnumerable<string> HandlerSources() =>
        Sources("plugins/Crm.Extensions.Plugins").Concat(Sources("workflows/Crm.Extensions.Workflows"))
            .Where(file => !file.Contains("/Framework/", StringComparison.Ordinal))
            .Where(file => !file.EndsWith("/WorkflowActivityBase.cs", StringComparison.Ordinal));

    private static IEnumerable<string> Sources(string folder) =>
        Directory.GetFiles(Path.Combine(LayerTests.Root, folder), "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(LayerTests.Root, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal));

    private static string Read(string file) => File.ReadAllText(Path.Combine(LayerTests.Root, file));
}

public static class HandlerRules
{
    private static readonly Regex Comment = new(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline);
    private static readonly Regex Text = new("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static readonly Regex ServiceCall = new(
        @"\b\w*[Ss]ervice\s*\.\s*(?<member>Execute|Create|Update|Delete|Retrieve|RetrieveMultiple|Associate|Disassociate)\s*\(");
    private static readonly Regex NewService = new(@"\bCreateOrganizationService\s*\(");
    private static readonly Regex Write = new(
        @"\.\s*(?:Create|Update|Delete|Associate|Disassociate)\s*\(|\.\s*Execute\s*\((?!\s*new\s+(?:Retrieve\w*|WhoAmI)Request\b)");
    private static readonly Regex Class = new(@"\bclass\s+(?<name>\w+)");
    private static readonly Regex Method = new(@"\b(?:public|internal|private)\s+static\s+[^=;{}()]*?\b(?<name>\w+)\s*\(");

    /// <summary>Each request a handler sends itself and each writing adapter method it calls.</summary>
    public static IReadOnlyList<string> Violations(string handlerSource, IReadOnlyCollection<string> writers)
    {
        var code = Code(handlerSource);
        var found = ServiceCall.Matches(code).Select(m => "sends " + m.Groups["member"].Value + " on an organization service itself")
            .Concat(NewService.Matches(code).Select(_ => "creates its own organization service (CreateOrganizationService)"))
            .ToList();
        foreach (var writer in writers)
        {
            var parts = writer.Split('.');
            var call = new Regex(@"\b" + parts[0] + @"\s*\.\s*" + parts[1] + @"\s*\(");
            if (call.IsMatch(code)) found.Add("calls the writing adapter " + writer + " (call a use case instead)");
        }

        return found;
    }

    /// <summary>"Class.Method" of every adapter method that writes, directly or through another adapter method.</summary>
    public static IReadOnlyCollection<string> WritingMethods(IEnumerable<string> adapterSources)
    {
        var bodies = adapterSources.SelectMany(source => MethodsOf(Code(source))).ToList();
        var writers = new HashSet<string>(bodies.Where(m => Write.IsMatch(m.Body)).Select(m => m.Name), StringComparer.Ordinal);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var method in bodies.Where(m => !writers.Contains(m.Name)))
            {
                if (writers.Any(writer => Calls(method, writer))) grew = writers.Add(method.Name) || grew;
            }
        }

        return writers;
    }

    private static bool Calls(MethodBody method, string writer)
    {
        var parts = writer.Split('.');
        var qualified = new Regex(@"\b" + parts[0] + @"\s*\.\s*" + parts[1] + @"\s*\(");
        var local = new Regex(@"(?<![\w.])" + parts[1] + @"\s*\(");
        var sameClass = method.Name.StartsWith(parts[0] + ".", StringComparison.Ordinal);
        return qualified.IsMatch(method.Body) || (sameClass && local.IsMatch(method.Body));
    }

    private static IEnumerable<MethodBody> MethodsOf(string code)
    {
        var classes = Class.Matches(code).Cast<Match>().ToList();
        for (var i = 0; i < classes.Count; i++)
        {
            var end = i + 1 < classes.Count ? classes[i + 1].Index : code.Length;
            var body = code.Substring(classes[i].Index, end - classes[i].Index);
            foreach (Match method in Method.Matches(body))
            {
                var name = classes[i].Groups["name"].Value + "." + method.Groups["name"].Value;
                yield return new MethodBody(name, BodyAfter(body, method.Index + method.Length));
            }
        }
    }

    /// <summary>From the end of the parameter list: a block to its closing brace, or an expression body to its semicolon.</summary>
    private static string BodyAfter(string code, int afterOpenParenthesis)
    {
        var at = Closing(code, afterOpenParenthesis - 1, '(', ')');
        var start = code.IndexOfAny(new[] { '{', ';', '=' }, at);
        if (start < 0 || code[start] == ';') return string.Empty;
        return code.Substring(start, (code[start] == '=' ? StatementEnd(code, start) : Closing(code, start, '{', '}')) - start);
    }

    /// <summary>The semicolon that ends an expression body, past any lambda block inside it.</summary>
    private static int StatementEnd(string code, int start)
    {
        var depth = 0;
        for (var i = start; i < code.Length; i++)
        {
            if (code[i] is '{' or '(') depth++;
            else if (code[i] is '}' or ')') depth--;
            else if (code[i] == ';' && depth == 0) return i;
        }

        return code.Length;
    }

    private static int Closing(string code, int open, char opening, char closing)
    {
        var depth = 0;
        for (var i = open; i < code.Length; i++)
        {
            if (code[i] == opening) depth++;
            else if (code[i] == closing && --depth == 0) return i + 1;
        }

        return code.Length;
    }

    private static string Code(string source) => Text.Replace(Comment.Replace(source, string.Empty), "\"\"");

    private sealed record MethodBody(string Name, string Body);
}
