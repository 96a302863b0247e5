using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Commands;

namespace Crm.Extensions.Cli.Tests;

/// <summary>
/// The member card: a quick view form on contact and account (tier and its end, balances, stage, NPS answer), shown by a quick
/// view control under the customer lookup of the ledger and redemption forms, so it loads with the form (no script, no Web API
/// call of ours).
/// Platform facts: in FormXml, forms type "quick" holds the quick view forms (systemform type 6, "Quick View Form"), per the
/// &lt;forms&gt; element reference, learn.microsoft.com/previous-versions/dynamicscrm-2016/developers-guide/gg327829(v=crm.8),
/// and "Form types", learn.microsoft.com/power-apps/maker/model-driven-apps/types-forms (a quick view form appears within a
/// main form for a row referenced by a lookup). Its FormXml is an ordinary form/tabs tree, and the quick view control lists
/// its forms in the QuickForms parameter as escaped XML (FormXml.xsd: QuickForms, ControlMode); the quick view component is
/// described in MicrosoftDocs/powerapps-docs powerapps-docs/maker/model-driven-apps/form-designer-add-configure-quickview.md.
/// </summary>
public sealed class MemberCardFormTests
{
    private const string QuickViewControl = "{5C5600E0-1D6E-4205-A272-BE80DA87FD42}";

    private static readonly SolutionSource Source = new(RepositoryPaths.Find(AppContext.BaseDirectory).SolutionSource);

    private static XElement QuickViewForm(string table) =>
        XElement.Load(Directory.GetFiles(Path.Combine(Source.TableFolder(table), "FormXml", "quick"), "*.xml").Single());

    private static XElement MainForm(string table) =>
        XElement.Load(Directory.GetFiles(Path.Combine(Source.TableFolder(table), "FormXml", "main"), "*.xml").Single());

    [Theory]
    [InlineData("contact")]
    [InlineData("account")]
    public void Should_ShipAQuickViewFormOfTheMemberCardColumns_When_TheCustomerTablesAreGenerated(string table)
    {
        var systemForm = QuickViewForm(table).Element("systemform")!;
        var form = systemForm.Element("form")!;

        Assert.Equal("1", systemForm.Element("FormPresentation")?.Value);
        Assert.Equal("false", form.Attribute("hasmargin")?.Value);
        Assert.Equal("false", form.Attribute("shownavigationbar")?.Value);
        Assert.NotNull(form.Element("tabs"));
        Assert.Null(form.Element("formLibraries"));
        Assert.Null(form.Element("events"));
        Assert.Equal(
            new[] { "cx_loyaltytierid", "cx_tiervaliduntil", "cx_pointsbalance", "cx_pendingpoints", "cx_upgradeblocked",
                "cx_lifecyclestage", "cx_latestnpsscore" },
            form.Descendants("control").Select(c => c.Attribute("datafieldname")?.Value));
    }

    [Theory]
    [InlineData("cx_loyaltytransaction")]
    [InlineData("cx_rewardredemption")]
    public void Should_ShowTheCustomersMemberCardUnderTheLookup_When_OpeningTheForm(string table)
    {
        var control = MainForm(table).Descendants("control").Single(c => c.Attribute("classid")?.Value == QuickViewControl);
        var quickForms = XElement.Parse(control.Element("parameters")!.Element("QuickForms")!.Value);

        Assert.Equal("cx_customerid", control.Attribute("datafieldname")?.Value);
        Assert.Equal(
            new[] { ("contact", FormId("contact")), ("account", FormId("account")) },
            quickForms.Elements("QuickFormId").Select(id => (id.Attribute("entityname")!.Value, id.Value)));
    }

    private static string FormId(string table) => QuickViewForm(table).Element("systemform")!.Element("formid")!.Value;
}
