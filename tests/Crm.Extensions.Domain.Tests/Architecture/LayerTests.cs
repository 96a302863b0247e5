using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Crm.Extensions.Domain.Tests.Architecture;

/// <summary>
/// The layers of README.md, checked on the sources (each layer is compiled into both deployables, so one assembly holds them
/// all and only the sources still say which layer a type belongs to): plugins and workflow activities call the application
/// layer, which uses the domain and the Dataverse adapters; the adapters use the domain; the domain uses nothing of the SDK.
/// A dependency is a using directive or a qualified name (<c>Crm.Extensions.X.</c>, or <c>Application.</c> seen from inside
/// <c>Crm.Extensions</c>), so an alias or a fully qualified call cannot hide an arrow.
/// </summary>
public sealed class LayerTests
{
    internal static readonly string Root = FindRoot();

    [Fact]
    public void Should_FindNoArrowInTheWrongDirection_When_EveryProductSourceIsRead()
    {
        var violations = Layers.All.SelectMany(layer => SourcesOf(layer).SelectMany(file =>
            LayerRules.Violations(layer, LayerRules.Dependencies(File.ReadAllText(file)))
                .Select(v => Path.GetRelativePath(Root, file) + ": " + v))).ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Should_ReadSourcesOfEveryLayer_When_TheRepositoryIsScanned()
    {
        var counts = Layers.All.ToDictionary(layer => layer.Name, layer => SourcesOf(layer).Count());

        Assert.All(counts, count => Assert.True(count.Value > 5, count.Key + " has " + count.Value + " sources"));
    }

    [Fact]
    public void Should_CallTheApplicationLayer_When_AWorkflowActivityRuns()
    {
        var activities = Directory.GetFiles(Path.Combine(Root, "workflows/Crm.Extensions.Workflows/Activities"), "*.cs")
            .Where(file => !file.EndsWith("WorkflowActivityBase.cs", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(activities);
        Assert.All(activities, file => Assert.Contains("Application.", File.ReadAllText(file), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Domain", "using Microsoft.Xrm.Sdk;", "Microsoft.Xrm.Sdk")]
    [InlineData("Domain", "using Crm.Extensions.Dataverse.Loyalty;", "Crm.Extensions.Dataverse")]
    [InlineData("Domain", "var x = Crm.Extensions.EarlyBound.Contact.EntityLogicalName;", "Crm.Extensions.EarlyBound")]
    [InlineData("Dataverse", "using Crm.Extensions.Application.Loyalty;", "Crm.Extensions.Application")]
    [InlineData("Dataverse", "Application.Invoicing.InvoicePaid.Run(context, paid);", "Crm.Extensions.Application")]
    [InlineData("Dataverse", "using Crm.Extensions.Plugins.Framework;", "Crm.Extensions.Plugins")]
    [InlineData("Application", "using Crm.Extensions.Workflows.Framework;", "Crm.Extensions.Workflows")]
    [InlineData("Application", "using Context = Crm.Extensions.Plugins.Framework.PluginContext;", "Crm.Extensions.Plugins")]
    public void Should_ReportTheArrow_When_ALayerUsesOneItMustNot(string layer, string source, string reported)
    {
        var violations = LayerRules.Violations(Layers.Named(layer), LayerRules.Dependencies(source));

        Assert.Contains(violations, v => v.Contains(reported, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Application", "using Crm.Extensions.Dataverse.Loyalty;\nusing Crm.Extensions.Domain.Loyalty.Ledger;")]
    [InlineData("Plugins", "using Crm.Extensions.Application.Invoicing;\nusing Crm.Extensions.Dataverse.Invoicing;")]
    [InlineData("Domain", "using System.Linq;\n// Crm.Extensions.Dataverse is named in a comment only")]
    public void Should_ReportNothing_When_EveryArrowPointsDown(string layer, string source)
    {
        Assert.Empty(LayerRules.Violations(Layers.Named(layer), LayerRules.Dependencies(source)));
    }

    private static IEnumerable<string> SourcesOf(Layer layer) =>
        Directory.GetFiles(Path.Combine(Root, layer.Folder), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Crm.Extensions.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException("Crm.Extensions.sln was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A layer: its name, its source folder and the namespaces it must not use.</summary>
public sealed record Layer(string Name, string Folder, IReadOnlyList<string> Forbidden);

public static class Layers
{
    private const string Sdk = "Microsoft.Xrm";
    private const string CrmSdk = "Microsoft.Crm";
    private const string EarlyBound = "Crm.Extensions.EarlyBound";
    private const string Dataverse = "Crm.Extensions.Dataverse";
    private const string Application = "Crm.Extensions.Application";
    private const string Plugins = "Crm.Extensions.Plugins";
    private const string Workflows = "Crm.Extensions.Workflows";

    public static readonly IReadOnlyList<Layer> All = new[]
    {
        new Layer("Domain", "plugins/Crm.Extensions.Domain", new[] { Sdk, CrmSdk, EarlyBound, Dataverse, Application, Plugins, Workflows }),
        new Layer("Dataverse", "plugins/Crm.Extensions.Dataverse", new[] { Application, Plugins, Workflows }),
        new Layer("Application", "plugins/Crm.Extensions.Application", new[] { Plugins, Workflows }),
        new Layer("Plugins", "plugins/Crm.Extensions.Plugins", new[] { Workflows }),
        new Layer("Workflows", "workflows/Crm.Extensions.Workflows", new[] { Plugins }),
    };

    public static Layer Named(string name) => All.Single(layer => layer.Name == name);
}

public static class LayerRules
{
    private static readonly Regex Comment = new(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline);
    private static readonly Regex Text = new("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static readonly Regex Using = new(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<ns>[\w.]+)\s*;",
        RegexOptions.Multiline);
    private static readonly Regex Qualified = new(@"(?<![\w.])(?<ns>(?:Microsoft\.(?:Xrm|Crm)|Crm\.Extensions\.\w+)(?:\.\w+)*)");
    private static readonly Regex ShortApplication = new(@"(?<![\w.])Application\.(?<rest>[A-Z]\w*)");

    /// <summary>Every namespace or qualified name a source depends on, comments and strings left out.</summary>
    public static IReadOnlyCollection<string> Dependencies(string source)
    {
        var code = Text.Replace(Comment.Replace(source, string.Empty), "\"\"");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Using.Matches(code)) names.Add(match.Groups["ns"].Value);
        foreach (Match match in Qualified.Matches(code)) names.Add(match.Groups["ns"].Value);
        foreach (Match match in ShortApplication.Matches(code)) names.Add("Crm.Extensions.Application." + match.Groups["rest"].Value);
        return names;
    }

    public static IReadOnlyList<string> Violations(Layer layer, IEnumerable<string> dependencies) =>
        dependencies
            .SelectMany(name => layer.Forbidden
                .Where(forbidden => name == forbidden || name.StartsWith(forbidden + ".", StringComparison.Ordinal))
                .Select(forbidden => layer.Name + " uses " + name + " (" + forbidden + " is not below it)"))
            .ToList();
}
