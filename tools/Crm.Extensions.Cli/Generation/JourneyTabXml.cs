using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Generation;

/// <summary>
/// The "Customer journey" tab of the contact and account main forms: the journey panel (HTML web resource control
/// WebResource_journey) and the loyalty journeys subgrid, whose rows the form script reads for the phase per product line.
/// Collapsed by default: the panel queries only once the tab is shown.
/// </summary>
internal static class JourneyTabXml
{
    private const string WebResourceControlClass = "{9FDF5F91-88B1-47f4-AD53-C11EFC01A01D}";
    private const string SubgridControlClass = "{E7A81278-8635-4d9e-8D4D-59480B391C5B}";
    private const string JourneyTable = "cx_loyaltyjourney";
    private const string JourneyCustomerColumn = "cx_customerid";

    // The control names its page by Url alone: a WebResourceId here would read as a second definition of that id to the duplicate-id check.

    /// <summary>The loyalty journey view the subgrid shows: the associated view lists product family and phase.</summary>
    public const string SubgridViewKey = "associated";

    public static XElement Tab(Table table)
    {
        var journeys = CrmExtensionsModel.Table(JourneyTable);
        var relationship = CrmExtensionsModel.Relationships.Single(r =>
            r.ReferencedEntity == table.LogicalName && r.ReferencingEntity == JourneyTable
                && r.ReferencingAttribute == JourneyCustomerColumn);
        var page = WebResources.Named(WebResources.JourneyPage);

        var panel = Cell(table, FormScripts.JourneyControl, page.Display, showLabel: false, rowSpan: 12,
            new XElement("control", new XAttribute("id", FormScripts.JourneyControl), new XAttribute("classid", WebResourceControlClass),
                new XElement("parameters",
                    new XElement("Url", page.Name),
                    new XElement("PassParameters", "false"),
                    new XElement("Security", "false"),
                    new XElement("Scrolling", "as needed"),
                    new XElement("Border", "false"),
                    new XElement("ShowOnMobileClient", "true"))));

        var subgrid = Cell(table, FormScripts.JourneySubgrid, Label.Of("Loyalty journeys", "Recorridos de fidelización"), showLabel: true,
            rowSpan: 6,
            new XElement("control", new XAttribute("id", FormScripts.JourneySubgrid), new XAttribute("classid", SubgridControlClass),
                new XAttribute("indicationOfSubgrid", "true"),
                FormXml.SubgridParameters(ViewXml.Id(journeys, SubgridViewKey).Braced(), relationship.Name, JourneyTable,
                    recordsPerPage: 5)));

        var section = new XElement("section", new XAttribute("name", "journey"), new XAttribute("showlabel", "false"),
            new XAttribute("showbar", "false"),
            new XAttribute("locklevel", "0"), new XAttribute("id", Id(table, "section", "journey")), new XAttribute("IsUserDefined", "0"),
            new XAttribute("layout", "varwidth"), new XAttribute("columns", "1"), new XAttribute("labelwidth", "115"),
            new XAttribute("celllabelalignment", "Left"),
            Xml.Labels("labels", "label", page.Display),
            new XElement("rows", new XElement("row", panel), new XElement("row", subgrid)));

        return new XElement("tab", new XAttribute("name", FormScripts.JourneyTab),
            new XAttribute("id", Id(table, "tab", FormScripts.JourneyTab)),
            new XAttribute("IsUserDefined", "0"), new XAttribute("locklevel", "0"), new XAttribute("showlabel", "true"),
            new XAttribute("expanded", "false"),
            new XAttribute("verticallayout", "true"),
            Xml.Labels("labels", "label", page.Display),
            new XElement("columns", new XElement("column", new XAttribute("width", "100%"), new XElement("sections", section))));
    }

    private static XElement Cell(Table table, string name, Label label, bool showLabel, int rowSpan, XElement control) =>
        new("cell", new XAttribute("id", Id(table, "cell", $"{FormScripts.JourneyTab}.{name}")),
            new XAttribute("showlabel", showLabel ? "true" : "false"),
            new XAttribute("locklevel", "0"), new XAttribute("rowspan", rowSpan), new XAttribute("colspan", "1"),
            new XAttribute("auto", "false"),
            Xml.Labels("labels", "label", label),
            control);

    /// <summary>Same id scheme as the generated form's own tabs, sections and cells.</summary>
    private static string Id(Table table, string kind, string name)
        => DeterministicGuid.Create($"form:{table.LogicalName}:{kind}:{name}").Braced();
}
