using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Crm.Extensions.Cli.Packaging;

namespace Crm.Extensions.Cli.Tests;

/// <summary>
/// The packed zips against webresources/: every web resource travels at its FileName with the built bundle's bytes, and every function
/// the forms and the ribbon register is one webresources/registrations.json promises (and the other way round).
/// </summary>
[Collection(RepositoryCollection.Name)]
public sealed class WebResourceRegistrationTests(RepositoryFixture fixture)
{
    private const string Namespace = "CrmExtensions.";

    public static TheoryData<bool> PackageTypes => new() { false, true };

    [Theory]
    [MemberData(nameof(PackageTypes))]
    public void Should_PackEachWebResourceAtItsFileName_When_PackingWithBuiltBundles(bool managed)
    {
        var package = SolutionZip.Read(Zip(managed));
        var webResources = package.Customizations.Element("WebResources")!.Elements("WebResource").ToList();

        Assert.Equal(ExpectedWebResources().Select(w => w.Name).Order(StringComparer.Ordinal),
            webResources.Select(w => w.Element("Name")!.Value).Order(StringComparer.Ordinal));
        foreach (var webResource in webResources)
        {
            var name = webResource.Element("Name")!.Value;
            var fileName = webResource.Element("FileName")!.Value;
            var built = Path.Combine(fixture.Repository.WebResourcesDist, name);
            Assert.True(File.Exists(built), $"{built} is missing: run `npm run build` in webresources/ before the .NET tests.");
            Assert.True(package.Files.TryGetValue(fileName.TrimStart('/'), out var bytes), $"{name}: the zip has no entry {fileName}.");
            Assert.Equal(File.ReadAllBytes(built), bytes);
        }
    }

    [Fact]
    public void Should_DeclareTheTypesOfRegistrationsJson_When_RegisteringWebResources()
    {
        var package = SolutionZip.Read(fixture.UnmanagedZip);
        var types = package.Customizations.Element("WebResources")!.Elements("WebResource")
            .ToDictionary(w => w.Element("Name")!.Value,
                w => int.Parse(w.Element("WebResourceType")!.Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.All(ExpectedWebResources(), expected => Assert.Equal(expected.Type, types[expected.Name]));
    }

    [Fact]
    public void Should_RegisterOnlyFunctionsOfRegistrationsJson_When_PackingFormsAndRibbons()
    {
        var registered = Registered(SolutionZip.Read(fixture.UnmanagedZip).Customizations).ToList();
        var expected = ExpectedFunctions();

        Assert.NotEmpty(registered);
        Assert.Empty(registered.Where(r => !expected.Contains((r.Function, r.Library))).Select(r => $"{r.Function} in {r.Library}"));
        Assert.Empty(
            expected.Where(e => !registered.Any(r => r.Function == e.Function && r.Library == e.Library))
            .Select(e => $"{e.Function} in {e.Library}"));
    }

    [Fact]
    public void Should_PassTheContextEverywhere_When_RegisteringHandlers()
    {
        var customizations = SolutionZip.Read(fixture.UnmanagedZip).Customizations;

        Assert.All(customizations.Descendants("Handler"),
            handler => Assert.Equal("true", handler.Attribute("passExecutionContext")?.Value));
        // A form command gets the form context; a grid command the selected rows' ids (its action also the grid).
        var gridCommands = customizations.Descendants("CustomAction")
            .Where(a => a.Attribute("Location")!.Value.StartsWith("Mscrm.HomepageGrid.", StringComparison.Ordinal))
            .Select(a => a.Descendants("Button").Single().Attribute("Command")!.Value).ToHashSet();
        var gridRules = customizations.Descendants("CommandDefinition").Where(c => gridCommands.Contains(c.Attribute("Id")!.Value))
            .SelectMany(c => c.Element("EnableRules")!.Elements("EnableRule")).Select(r => r.Attribute("Id")!.Value).ToHashSet();
        Assert.NotEmpty(gridCommands);
        Assert.All(customizations.Descendants().Where(e => e.Name.LocalName is "JavaScriptFunction" or "CustomRule"), call =>
        {
            var action = call.Name.LocalName == "JavaScriptFunction";
            var grid = action
                ? gridCommands.Contains(call.Ancestors("CommandDefinition").Single().Attribute("Id")!.Value)
                : gridRules.Contains(call.Parent!.Attribute("Id")!.Value);
            string[] expected = !grid ? ["PrimaryControl"]
                : action ? ["SelectedControlSelectedItemIds", "SelectedControl"] : ["SelectedControlSelectedItemIds"];
            Assert.Equal(expected, call.Elements("CrmParameter").Select(p => p.Attribute("Value")!.Value));
        });
        Assert.All(customizations.Descendants("Handler"), handler => Assert.Contains(
            handler.Ancestors("form").Single().Element("formLibraries")!.Elements("Library"),
            l => l.Attribute("name")?.Value == handler.Attribute("libraryName")?.Value));
    }

    [Theory]
    [InlineData("contact")]
    [InlineData("account")]
    public void Should_ShowTheJourneyPanelAndSubgrid_When_OpeningTheCustomerForm(string table)
    {
        var customizations = SolutionZip.Read(fixture.UnmanagedZip).Customizations;
        var entity = customizations.Element("Entities")!.Elements("Entity")
            .Single(e => e.Element("Name")!.Value.Equals(table, StringComparison.OrdinalIgnoreCase));
        var tab = entity.Descendants("tab").Single(t => t.Attribute("name")?.Value == "tab_journey");
        var panel = tab.Descendants("control").Single(c => c.Attribute("id")?.Value == "WebResource_journey");
        var subgrid = tab.Descendants("control").Single(c => c.Attribute("id")?.Value == "subgrid_loyaltyjourneys");
        var viewId = subgrid.Element("parameters")!.Element("ViewId")!.Value;
        var journeys = customizations.Element("Entities")!.Elements("Entity").Single(e => e.Element("Name")!.Value == "cx_LoyaltyJourney");
        var view = journeys.Descendants("savedquery").Single(q => q.Element("savedqueryid")!.Value == viewId);
        var viewColumns = view.Element("layoutxml")!.Descendants("cell").Select(c => c.Attribute("name")!.Value).ToList();

        Assert.Equal("cx_/html/journey.html", panel.Element("parameters")!.Element("Url")!.Value);
        Assert.Equal("cx_loyaltyjourney", subgrid.Element("parameters")!.Element("TargetEntityType")!.Value);
        Assert.Equal($"cx_{table}_loyaltyjourney_customerid", subgrid.Element("parameters")!.Element("RelationshipName")!.Value);
        Assert.Contains("cx_productfamilyid", viewColumns);
        Assert.Contains("cx_phase", viewColumns);
    }

    private string Zip(bool managed) => managed ? fixture.ManagedZip : fixture.UnmanagedZip;

    private sealed record Registration(string Function, string Library);

    /// <summary>FormXml Handler functionName/libraryName and RibbonDiffXml JavaScriptFunction/CustomRule FunctionName/Library.</summary>
    private static IEnumerable<Registration> Registered(XElement customizations) =>
        customizations.Descendants().Select(e => e.Name.LocalName switch
        {
            "Handler" => new Registration(e.Attribute("functionName")!.Value, e.Attribute("libraryName")!.Value),
            "JavaScriptFunction"
                or "CustomRule" => new Registration(e.Attribute("FunctionName")!.Value,
                    e.Attribute("Library")!.Value.Replace("$webresource:", string.Empty, StringComparison.Ordinal)),
            _ => null,
        }).OfType<Registration>().Where(r => r.Function.StartsWith(Namespace, StringComparison.Ordinal));

    private JsonElement Registrations()
    {
        using var document = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(fixture.Repository.Root, "webresources", "registrations.json")));
        return document.RootElement.Clone();
    }

    private HashSet<(string Function, string Library)> ExpectedFunctions()
    {
        var registrations = Registrations();
        var fromForms = registrations.GetProperty("forms").EnumerateArray().SelectMany(form =>
            form.GetProperty("handlers").EnumerateArray()
                .Select(h => (h.GetProperty("function").GetString()!, form.GetProperty("libraries")[0].GetString()!)));
        var fromRibbon = registrations.GetProperty("ribbon").EnumerateArray().SelectMany(command =>
            command.GetProperty("enableRules").EnumerateArray().Append(command.GetProperty("action"))
                .Select(call => (call.GetProperty("function").GetString()!, call.GetProperty("library").GetString()!)));
        return fromForms.Concat(fromRibbon).ToHashSet();
    }

    private IEnumerable<(string Name, int Type)> ExpectedWebResources() =>
        Registrations().GetProperty("webResources").EnumerateArray()
            .Select(w => (w.GetProperty("name").GetString()!, w.GetProperty("type").GetString() switch
        {
            "Script" => 3,
            "Style Sheet (CSS)" => 2,
            "Webpage (HTML)" => 1,
            var other => throw new InvalidOperationException($"registrations.json names an unknown web resource type {other}."),
        })).ToList();
}
