using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Crm.Extensions.Cli.Commands;

namespace Crm.Extensions.Cli.Tests;

/// <summary>
/// solution/GLOSSARY.md is the one source of the product's words: the generated labels and the web resource texts
/// must use its terms, one word per thing in each language.
/// </summary>
public sealed class GlossaryTests
{
    private const string English = "1033";
    private const string Spanish = "3082";

    private static readonly RepositoryPaths Repository = RepositoryPaths.Find(AppContext.BaseDirectory);

    private static readonly Lazy<IReadOnlyList<GlossaryTerm>> Terms = new(
        () => GlossaryTerm.Parse(Path.Combine(Repository.Root, "solution", "GLOSSARY.md")));

    [Fact]
    public void Should_GiveEachTermItsOwnLabels_When_TheGlossaryIsRead()
    {
        Assert.True(Terms.Value.Count >= 40, $"The glossary has {Terms.Value.Count} terms.");
        var sharedEnglish = Terms.Value.GroupBy(t => t.English, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => g.Key);
        var sharedSpanish = Terms.Value.GroupBy(t => t.Spanish, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => g.Key);

        Assert.Empty(sharedEnglish);
        Assert.Empty(sharedSpanish);
    }

    [Fact]
    public void Should_NameEveryTableStageAndPhaseWithAGlossaryTerm_When_TheSolutionIsGenerated()
    {
        var known = Terms.Value.Select(t => (t.English, t.Spanish)).ToHashSet();
        var entities = Directory.GetFiles(Path.Combine(Repository.SolutionSource, "Entities"), "Entity.xml", SearchOption.AllDirectories)
            .Select(XElement.Load)
            .Where(e => e.Descendants("entity").Any(x => x.Attribute("Name")?.Value.StartsWith("cx_", StringComparison.Ordinal) == true));
        var tableNames = entities.Select(e => e.Element("Name")!)
            .Select(n => (n.Attribute("LocalizedName")!.Value, Spanish: SpanishName(n.Parent!)));
        var options = new[] { "cx_lifecyclestage", "cx_loyaltyphase" }
            .Select(name => XElement.Load(Path.Combine(Repository.SolutionSource, "OptionSets", name + ".xml")))
            .SelectMany(set => set.Descendants("option"))
            .Select(o => Pair(o.Element("labels")!));

        var missing = tableNames.Concat(options).Where(pair => !known.Contains(pair)).Select(pair => $"{pair.Item1} / {pair.Item2}")
            .ToList();

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Should_UseEachTermInBothLanguagesOrNeither_When_ALabelIsGenerated()
    {
        var mismatches = new List<string>();
        foreach (var (en, es) in DisplayLabels())
        {
            foreach (var term in Terms.Value.Where(t => t.EnglishStems.Count > 0))
            {
                var inEnglish = term.EnglishStems.Any(s => UsesStem(en, s));
                var inSpanish = term.SpanishStems.Any(s => UsesStem(es, s));
                if (inEnglish != inSpanish)
                {
                    mismatches.Add($"{term.Key}: \"{en}\" / \"{es}\"");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches.Distinct()));
    }

    [Fact]
    public void Should_NeverUseAWordTheGlossaryRules_Out_When_LabelsAndWebResourceTextsAreWritten()
    {
        var texts = DisplayLabels().SelectMany(p => new[] { ("en", p.En), ("es", p.Es) })
            .Concat(WebResourceStrings().SelectMany(s => new[] { ("en", s), ("es", s) }))
            .ToList();
        var found = new List<string>();
        foreach (var term in Terms.Value)
        {
            foreach (var (language, word) in term.Never)
            {
                found.AddRange(
                    texts.Where(t => t.Item1 == language && Uses(t.Item2, word, wholeWord: true))
                    .Select(t => $"{term.Key} ({language}: {word}): \"{t.Item2}\""));
            }
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found.Distinct()));
    }

    [Fact]
    public void Should_NeverUseASpanishWordTheGlossaryRulesOut_When_TheProductRefusesOrExplains()
    {
        var found = new List<string>();
        foreach (var text in ProductStrings())
        {
            foreach (var term in Terms.Value)
            {
                found.AddRange(term.Never.Where(n => n.Language == "es" && Uses(text, n.Word, wholeWord: true))
                    .Select(n => $"{term.Key} ({n.Word}): \"{text}\""));
            }
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found.Distinct()));
    }

    /// <summary>
    /// Socio is the business partner (glossary: partner); a loyalty member is miembro. The loyalty code speaks only of
    /// members, so none of its Spanish messages may say socio.
    /// </summary>
    [Fact]
    public void Should_CallALoyaltyMemberMiembro_When_TheLoyaltyCodeWritesSpanish()
    {
        var folder = $"{Path.DirectorySeparatorChar}Loyalty{Path.DirectorySeparatorChar}";
        var loyalty = ProductStrings(f => f.Contains(folder, StringComparison.Ordinal)).ToList();

        Assert.Contains(loyalty, text => Uses(text, "miembro", wholeWord: true));
        Assert.DoesNotContain(loyalty, text => Uses(text, "socio", wholeWord: true) || Uses(text, "socios", wholeWord: true));
    }

    /// <summary>String literals of the plug-in code users read (refusals, messages), without the generated early-bound classes.</summary>
    private static IEnumerable<string> ProductStrings(Func<string, bool>? where = null) =>
        Directory.GetFiles(Path.Combine(Repository.Root, "plugins"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}EarlyBound{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && (where is null || where(f)))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"([^\"\\\\\\n]*)\"").Select(m => m.Groups[1].Value));

    /// <summary>A stem in quotes stands for the whole word.</summary>
    private static bool UsesStem(string text, string stem) =>
        stem.Length > 2 && stem[0] == '"' && stem[^1] == '"' ? Uses(text, stem[1..^1], wholeWord: true) : Uses(text, stem);

    /// <summary>Whether a word of the text starts with the stem (or, for a whole word, is it).</summary>
    private static bool Uses(string text, string stem, bool wholeWord = false) =>
        Regex.IsMatch(text, @"(?<![\p{L}\p{Nd}])" + Regex.Escape(stem) + (wholeWord ? @"(?![\p{L}\p{Nd}])" : string.Empty),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static (string, string) Pair(XElement labels) =>
        (labels.Elements().Single(l => l.Attribute("languagecode")?.Value == English).Attribute("description")!.Value,
         labels.Elements().Single(l => l.Attribute("languagecode")?.Value == Spanish).Attribute("description")!.Value);

    private static string SpanishName(XElement entity) =>
        entity.Descendants("LocalizedNames").First().Elements().Single(l => l.Attribute("languagecode")?.Value == Spanish)
            .Attribute("description")!.Value;

    /// <summary>
    /// Every en/es label pair users read as a name in solution/src: elements holding one label per language, and site map
    /// titles. Descriptions and tooltips are sentences, not names; custom APIs are hand-written contracts checked where they live.
    /// A global choice's own name is seen by makers only (users read the column's label) and names its early-bound enum, so it
    /// keeps its technical English name.
    /// </summary>
    private static IEnumerable<(string En, string Es)> DisplayLabels()
    {
        var files = Directory.GetFiles(Repository.SolutionSource, "*.xml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}customapis{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var root in files.Select(XElement.Load))
        {
            foreach (var container in root.DescendantsAndSelf())
            {
                if (container.Name.LocalName.StartsWith("Description", StringComparison.OrdinalIgnoreCase)
                    || (container.Name.LocalName == "displaynames" && container.Parent?.Name.LocalName == "optionset")
                    || container.Parent?.Attribute("Id")?.Value.EndsWith("ToolTip", StringComparison.Ordinal) == true)
                {
                    continue;
                }

                var labels = container.Elements().ToList();
                var en = labels.FirstOrDefault(l => l.Attribute("languagecode")?.Value == English || l.Attribute("LCID")?.Value == English);
                var es = labels.FirstOrDefault(l => l.Attribute("languagecode")?.Value == Spanish || l.Attribute("LCID")?.Value == Spanish);
                if (en is not null && es is not null)
                {
                    yield return (Text(en), Text(es));
                }
            }
        }
    }

    private static string Text(XElement label) => label.Attribute("description")?.Value ?? label.Attribute("Title")?.Value ?? string.Empty;

    /// <summary>String literals of the web resource sources (catalogs, messages), without the tests.</summary>
    private static IEnumerable<string> WebResourceStrings() =>
        Directory.GetFiles(Path.Combine(Repository.Root, "webresources", "src"), "*.ts", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"([^\"\\\\\\n]*)\"").Select(m => m.Groups[1].Value));

    private sealed record GlossaryTerm(string Key, string English, string Spanish, IReadOnlyList<string> EnglishStems,
        IReadOnlyList<string> SpanishStems, IReadOnlyList<(string Language, string Word)> Never)
    {
        public static IReadOnlyList<GlossaryTerm> Parse(string path) =>
            File.ReadAllLines(path)
                .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| Term ", StringComparison.Ordinal))
                .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
                .Select(
                    cells => new GlossaryTerm(cells[0], cells[1], cells[2], Stems(cells[4], 0), Stems(cells[4], 1), NeverWords(cells[5])))
                .ToList();

        private static IReadOnlyList<string> Stems(string cell, int side) =>
            cell.Length == 0 ? [] : cell.Split('↔')[side].Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

        private static IReadOnlyList<(string, string)> NeverWords(string cell) =>
            cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(part => part.Split(':', 2))
                .SelectMany(part => part[1].Split(',').Select(word => (part[0].Trim(), word.Trim())))
                .ToList();
    }
}
