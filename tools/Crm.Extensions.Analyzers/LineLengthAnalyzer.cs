using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Crm.Extensions.Analyzers;

/// <summary>
/// CX0001: a line of hand-written C# longer than 140 characters. Generated files (an &lt;auto-generated&gt; header, or a
/// .g.cs / .generated.cs / .designer.cs name) are skipped: their generator decides their layout.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LineLengthAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = "CX0001";

    public const int MaxLength = 140;

    internal static readonly DiagnosticDescriptor Rule = new(
        DiagnosticId,
        title: "Line is too long",
        messageFormat: "Line is {0} characters long; wrap it to at most 140 characters",
        category: "Layout",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Lines of hand-written code stay within 140 characters so that diffs and reviews stay readable side by side.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(Analyze);
    }

    private static void Analyze(SyntaxTreeAnalysisContext context)
    {
        var text = context.Tree.GetText(context.CancellationToken);
        foreach (var line in text.Lines)
        {
            var length = line.Span.Length;
            if (length <= MaxLength) continue;
            var location = Location.Create(context.Tree, TextSpan.FromBounds(line.Start + MaxLength, line.End));
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, length));
        }
    }
}
