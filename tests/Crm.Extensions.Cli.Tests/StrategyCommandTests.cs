using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Commands;

namespace Crm.Extensions.Cli.Tests;

/// <summary>
/// The five steps in order on cx_crmstrategy and the Resume command of a portfolio analysis, as committed in solution/src.
/// The steps are walked by the guarded "Advance step" command rather than a business process flow: a flow must match
/// what Dataverse exports (its Workflows/*.xaml, the flow's own table and stage rows), and with no real export to compare
/// against, a generated one could not be shown to import. The command calls cx_AdvanceStrategyStep (the stage gates);
/// GuardStrategyStep refuses any other change of the step column; the form shows the column read-only.
/// </summary>
public sealed class StrategyCommandTests
{
    private static readonly string Folder = RepositoryPaths.Find(AppContext.BaseDirectory).SolutionSource;

    [Fact]
    public void Should_OfferTheFiveStepsInOrder_When_TheStrategyShowsItsCurrentStep()
    {
        var column = Table("cx_CrmStrategy").Descendants("attribute").Single(a => a.Element("LogicalName")?.Value == "cx_currentstep");
        var steps = column.Descendants("option")
            .Select(o => o.Descendants("label").Single(l => l.Attribute("languagecode")!.Value == "1033").Attribute("description")!.Value)
            .ToList();

        Assert.Equal(
            ["1. Portfolio analysis", "2. Customer intimacy", "3. Network development", "4. Value proposition", "5. Lifecycle management"],
            steps);
    }

    [Fact]
    public void Should_MoveTheStepOnlyThroughTheGatedCommand_When_AStrategyIsOpen()
    {
        var ribbon = XElement.Load(Path.Combine(Folder, "Entities", "cx_CrmStrategy", "RibbonDiff.xml"));
        var advance = ribbon.Descendants("CommandDefinition")
            .Single(c => c.Attribute("Id")!.Value == "cx.cx_crmstrategy.AdvanceStep.Command");
        var form = Directory.GetFiles(Path.Combine(Folder, "Entities", "cx_CrmStrategy", "FormXml", "main"), "*.xml")
            .Select(XElement.Load).Single();
        var stepControl = form.Descendants("control").Single(c => c.Attribute("datafieldname")?.Value == "cx_currentstep");
        const string GuardType = "Crm.Extensions.Plugins.Strategy.GuardStrategyStep,";
        var guard = Directory.GetFiles(Path.Combine(Folder, "SdkMessageProcessingSteps"), "*.xml").Select(XElement.Load)
            .Where(s => s.Element("PluginTypeName")!.Value.StartsWith(GuardType, StringComparison.Ordinal))
            .ToList();

        var advanceFunction = advance.Descendants("JavaScriptFunction").Single().Attribute("FunctionName")!.Value;
        Assert.Equal("CrmExtensions.StrategyRibbon.advanceStep", advanceFunction);
        Assert.Contains(ribbon.Descendants("RecordPrivilegeRule"), r => r.Attribute("PrivilegeType")!.Value == "Write");
        Assert.Equal("true", stepControl.Attribute("disabled")?.Value);
        Assert.Contains(guard, s => s.Element("FilteringAttributes")?.Value == "cx_currentstep" && s.Element("Stage")!.Value == "20");
        Assert.Equal(2, guard.Count); // Create (a new strategy starts at step 1) and Update
    }

    [Theory]
    [InlineData("Mscrm.Form.cx_portfolioanalysis.MainTab.Actions.Controls._children", "resumeAnalysis")]
    [InlineData("Mscrm.HomepageGrid.cx_portfolioanalysis.MainTab.Actions.Controls._children", "resumeSelectedAnalysis")]
    public void Should_ShowResumeOnlyToWhoMayEditAnalyses_When_AnAnalysisIsOpenOrListed(string location, string function)
    {
        var ribbon = XElement.Load(Path.Combine(Folder, "Entities", "cx_PortfolioAnalysis", "RibbonDiff.xml"));
        var button = ribbon.Descendants("CustomAction").Single(a => a.Attribute("Location")!.Value == location)
            .Descendants("Button").Single();
        var command = ribbon.Descendants("CommandDefinition").Single(c => c.Attribute("Id")!.Value == button.Attribute("Command")!.Value);
        var ruleId = command.Element("DisplayRules")!.Element("DisplayRule")!.Attribute("Id")!.Value;
        var displayRule = ribbon.Element("RuleDefinitions")!.Element("DisplayRules")!.Elements("DisplayRule")
            .Single(r => r.Attribute("Id")!.Value == ruleId);
        var api = XElement.Load(Path.Combine(Folder, "customapis", "cx_ResumePortfolioAnalysis", "customapi.xml"));
        var labelId = button.Attribute("LabelText")!.Value.Replace("$LocLabel:", string.Empty, StringComparison.Ordinal);
        var labels = ribbon.Descendants("LocLabel").Single(l => l.Attribute("Id")!.Value == labelId)
            .Descendants("Title").ToDictionary(t => t.Attribute("languagecode")!.Value, t => t.Attribute("description")!.Value);

        var called = command.Descendants("JavaScriptFunction").Single().Attribute("FunctionName")!.Value;
        Assert.Equal("CrmExtensions.StrategyRibbon." + function, called);
        var privilege = displayRule.Element("EntityPrivilegeRule")!;
        Assert.Equal(
            ("Write", "cx_portfolioanalysis"), (privilege.Attribute("PrivilegeType")!.Value, privilege.Attribute("EntityName")!.Value));
        Assert.Equal("prvWritecx_PortfolioAnalysis", api.Element("executeprivilegename")!.Value);
        Assert.Equal(("Resume", "Reanudar"), (labels["1033"], labels["3082"]));
    }

    /// <summary>The resume cursor is the product's paging position: not on the form, in no view and not searchable.</summary>
    [Fact]
    public void Should_KeepTheResumeCursorFromUsers_When_AnAnalysisIsShown()
    {
        var folder = Path.Combine(Folder, "Entities", "cx_PortfolioAnalysis");
        var cursor = Table("cx_PortfolioAnalysis").Descendants("attribute").Single(a => a.Element("LogicalName")?.Value == "cx_cursor");
        var layouts = Directory.GetFiles(folder, "*.xml", SearchOption.AllDirectories)
            .Where(f => f.Contains("FormXml", StringComparison.Ordinal) || f.Contains("SavedQueries", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();

        Assert.DoesNotContain("ValidForAdvancedFind", cursor.Element("DisplayMask")!.Value, StringComparison.Ordinal);
        Assert.NotEmpty(layouts);
        Assert.DoesNotContain(layouts, text => text.Contains("cx_cursor", StringComparison.Ordinal));
    }

    private static XElement Table(string schemaName) => XElement.Load(Path.Combine(Folder, "Entities", schemaName, "Entity.xml"));
}
