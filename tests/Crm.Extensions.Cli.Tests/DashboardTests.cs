using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using System.Xml.Schema;
using Crm.Extensions.Cli.Commands;
using Crm.Extensions.Cli.Validation;

namespace Crm.Extensions.Cli.Tests;

/// <summary>
/// The committed charts and the two dashboards: labelled in both languages, data descriptions valid against Microsoft's schema.
/// </summary>
public sealed class DashboardTests
{
    private static readonly RepositoryPaths Repository = RepositoryPaths.Find(AppContext.BaseDirectory);
    private static readonly SolutionSource Source = new(Repository.SolutionSource);

    private static IReadOnlyList<XElement> Charts() =>
        Directory.GetFiles(Path.Combine(Source.Folder, "Entities"), "*.xml", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Visualizations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(XElement.Load).ToList();

    private static IReadOnlyList<XElement> Dashboards() =>
        Directory.GetFiles(Path.Combine(Source.Folder, "Dashboards"), "*.xml").Select(XElement.Load).ToList();

    [Fact]
    public void Should_DescribeEveryChartsDataAsTheSchemaRequires_When_TheChartsAreGenerated()
    {
        // VisualizationDataDescription.xsd (Microsoft's Schemas.zip 9.0.0.2090) types the datadescription; the fetch inside is untyped.
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(SchemaLocator.Find(Repository), "VisualizationDataDescription.xsd"));
        var errors = new List<string>();
        foreach (var chart in Charts())
        {
            var data = new XDocument(new XElement(chart.Element("datadescription")!.Element("datadefinition")!));
            data.Validate(schemas, (_, e) => errors.Add($"{chart.Element("savedqueryvisualizationid")!.Value}: {e.Message}"));
        }

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        Assert.Equal(10, Charts().Count);
    }

    [Fact]
    public void Should_TitleEveryChartInBothLanguages_When_TheChartsAreGenerated()
    {
        Assert.All(Charts(), chart =>
        {
            var names = SolutionSource.Labels(chart.Element("LocalizedNames"));
            Assert.False(string.IsNullOrWhiteSpace(names.GetValueOrDefault(1033)));
            Assert.False(string.IsNullOrWhiteSpace(names.GetValueOrDefault(3082)));
            Assert.Single(chart.Descendants("fetch"), f => f.Attribute("aggregate")?.Value == "true");
        });
    }

    [Theory]
    [InlineData("Loyalty", "Fidelización", "Tier distribution")]
    [InlineData("Customer strategy", "Estrategia de clientes", "Profit by segment")]
    public void Should_ShowItsChartsOnTheDashboard_When_AManagerOpensIt(string english, string spanish, string oneChart)
    {
        var dashboard = Assert.Single(Dashboards(), d => SolutionSource.Labels(d.Element("LocalizedNames"))[1033] == english);
        var chartIds = Charts()
            .ToDictionary(c => c.Element("savedqueryvisualizationid")!.Value,
                c => SolutionSource.Labels(c.Element("LocalizedNames"))[1033]);
        var shown = dashboard.Descendants("VisualizationId").Select(v => chartIds[v.Value]).ToList();

        Assert.Equal(spanish, SolutionSource.Labels(dashboard.Element("LocalizedNames"))[3082]);
        Assert.Equal(5, shown.Count);
        Assert.Contains(oneChart, shown);
    }
}
