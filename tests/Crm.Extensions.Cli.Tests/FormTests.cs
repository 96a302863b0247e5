using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Commands;

namespace Crm.Extensions.Cli.Tests;

/// <summary>The committed main forms: related lists where a manager needs them, no internal columns, honest tooltips.</summary>
public sealed class FormTests
{
    private static readonly SolutionSource Source = new(RepositoryPaths.Find(AppContext.BaseDirectory).SolutionSource);

    [Theory]
    [InlineData("cx_loyaltyprogram", "cx_loyaltytier", "cx_loyaltyprogramid")]
    [InlineData("cx_loyaltyprogram", "cx_reward", "cx_loyaltyprogramid")]
    [InlineData("cx_loyaltytier", "cx_reward", "cx_mintierid")]
    [InlineData("contact", "cx_loyaltytransaction", "cx_customerid")]
    [InlineData("contact", "cx_rewardredemption", "cx_customerid")]
    [InlineData("contact", "cx_interaction", "cx_customerid")]
    [InlineData("contact", "cx_satisfactionsurvey", "cx_customerid")]
    [InlineData("contact", "cx_crossselloffer", "cx_customerid")]
    [InlineData("contact", "cx_lifecycletransition", "cx_customerid")]
    [InlineData("account", "cx_loyaltytransaction", "cx_customerid")]
    [InlineData("account", "cx_rewardredemption", "cx_customerid")]
    public void Should_ShowTheRelatedRows_When_OpeningTheParentForm(string table, string related, string lookup)
    {
        var relationship = Directory.GetFiles(Path.Combine(Source.Folder, "Other", "Relationships"), "*.xml").Select(XElement.Load)
                .SelectMany(f => f.Elements("EntityRelationship"))
                .Single(r => r.Element("ReferencingEntityName")!.Value.Equals(related, StringComparison.OrdinalIgnoreCase)
                    && r.Element("ReferencedEntityName")!.Value.Equals(table, StringComparison.OrdinalIgnoreCase)
                    && r.Element("ReferencingAttributeName")!.Value.Equals(lookup, StringComparison.OrdinalIgnoreCase))
                .Attribute("Name")!.Value;

        var subgrids = MainForm(table).Descendants("control").Where(c => c.Attribute("indicationOfSubgrid")?.Value == "true");

        Assert.Contains(subgrids, c => c.Element("parameters")!.Element("TargetEntityType")!.Value == related
            && c.Element("parameters")!.Element("RelationshipName")!.Value == relationship);
    }

    [Theory]
    [InlineData("cx_portfolioanalysis", "cx_cursor")]
    [InlineData("cx_lifecycletransition", "cx_sourcekey")]
    [InlineData("cx_satisfactionsurvey", "cx_requestkey")]
    public void Should_LeaveTheInternalColumnOff_When_ShowingTheForm(string table, string column)
    {
        var fields = MainForm(table).Descendants("control").Select(c => c.Attribute("datafieldname")?.Value);

        Assert.DoesNotContain(column, fields);
    }

    [Fact]
    public void Should_LockTheCurrentStep_When_ShowingTheStrategyForm()
    {
        var control = MainForm("cx_crmstrategy").Descendants("control")
            .Single(c => c.Attribute("datafieldname")?.Value == "cx_currentstep");

        Assert.Equal("true", control.Attribute("disabled")?.Value);
    }

    [Fact]
    public void Should_AskForProductIds_When_DescribingTheExcludedFamilies()
    {
        var attribute = Source.Attribute("cx_loyaltyprogram", "cx_excludedproductfamilies")!;
        var descriptions = SolutionSource.Labels(attribute.Element("Descriptions"));

        Assert.Contains("Product ids", descriptions[1033], StringComparison.Ordinal);
        Assert.Contains("not product numbers", descriptions[1033], StringComparison.Ordinal);
        Assert.Contains("Ids de producto", descriptions[3082], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_SayTheProgramRowWins_When_ShowingTheProgramForm()
    {
        var section = MainForm("cx_loyaltyprogram").Descendants("section").Single(s => s.Attribute("name")!.Value == "program");
        var labels = SolutionSource.Labels(section.Element("labels"));

        Assert.Contains("values saved here apply", labels[1033], StringComparison.Ordinal);
        Assert.Contains("never an environment variable", labels[1033], StringComparison.Ordinal);
        Assert.Contains("nunca una variable de entorno", labels[3082], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contact")]
    [InlineData("account")]
    public void Should_ShowTheMemberCardInTheHeader_When_OpeningTheCustomerForm(string table)
    {
        var header = MainForm(table).Descendants("header").Single().Descendants("control").Select(c => c.Attribute("datafieldname")?.Value);

        Assert.Equal(new[] { "cx_loyaltytierid", "cx_pointsbalance", "cx_pendingpoints", "cx_lifecyclestage" }, header);
    }

    [Fact]
    public void Should_ShowHowToReachTheContactAndTheBirthDate_When_OpeningTheCustomerSection()
    {
        var section = MainForm("contact").Descendants("section").Single(s => s.Attribute("name")!.Value == "customer");

        Assert.Equal(
            new[] { "fullname", "emailaddress1", "telephone1", "birthdate" },
            section.Descendants("control").Select(c => c.Attribute("datafieldname")?.Value));
    }

    [Theory]
    [InlineData("contact")]
    [InlineData("account")]
    public void Should_ShowATimeline_When_OpeningTheCustomerForm(string table)
    {
        // The timeline control lists the activities regarding the row, such as the tasks the product creates
        // (learn.microsoft.com/power-apps/maker/model-driven-apps/set-up-timeline-control).
        Assert.Contains(MainForm(table).Descendants("control"), c => c.Attribute("id")?.Value == "notescontrol"
            && string.Equals(c.Attribute("classid")?.Value, "{06375649-c143-495e-a496-c962e5b4488e}", StringComparison.OrdinalIgnoreCase));
    }

    private static XElement MainForm(string table) =>
        XElement.Load(Directory.GetFiles(Path.Combine(Source.TableFolder(table), "FormXml", "main"), "*.xml").Single());
}
