using System;
using System.Collections.Generic;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>The three strategy charts and the "Customer strategy" dashboard that shows them.</summary>
internal static class Charts
{
    public sealed record Chart(string Key, string Table, string GroupBy, string ChartType, Label Name, Label Description, string ViewKey)
    {
        public Guid Id => DeterministicGuid.Create($"chart:{Table}:{Key}");
    }

    public const string LoyaltyMembersView = "loyaltymembers";

    public static readonly IReadOnlyList<Chart> All =
    [
        new("segmentdistribution", "cx_customersegment", "cx_segmentcode", "Column",
            Label.Of("Segment distribution", "Distribución por segmento"),
            Label.Of("Customers per RFM segment, from the portfolio analyses.", "Clientes por segmento RFM, de los análisis de cartera."), "active"),
        new("tierdistribution", TableNames.Contact, "cx_loyaltytierid", "Pie",
            Label.Of("Tier distribution", "Distribución por nivel"),
            Label.Of("Loyalty members per tier.", "Miembros de fidelización por nivel."), LoyaltyMembersView),
        new("phasefunnel", "cx_loyaltyjourney", "cx_phase", "Funnel",
            Label.Of("Loyalty phase funnel", "Embudo de fases de fidelización"),
            Label.Of("Journeys in knowledge, growth and retention.", "Recorridos en conocimiento, crecimiento y retención."), "active"),
    ];

    public static XElement Write(Chart chart, string primaryIdColumn)
    {
        // The segment chart sums the analysed customers; the others count rows.
        var measure = chart.Table == "cx_customersegment"
            ? new XElement("attribute", new XAttribute("alias", "aggregate_column"), new XAttribute("name", "cx_customercount"), new XAttribute("aggregate", "sum"))
            : new XElement("attribute", new XAttribute("alias", "aggregate_column"), new XAttribute("name", primaryIdColumn), new XAttribute("aggregate", "count"));
        return new XElement("visualization",
            new XElement("savedqueryvisualizationid", chart.Id.Braced()),
            new XElement("datadescription",
                new XElement("datadefinition",
                    new XElement("fetchcollection",
                        new XElement("fetch", new XAttribute("mapping", "logical"), new XAttribute("aggregate", "true"),
                            new XElement("entity", new XAttribute("name", chart.Table),
                                new XElement("attribute", new XAttribute("groupby", "true"), new XAttribute("alias", "groupby_column"), new XAttribute("name", chart.GroupBy)),
                                measure))),
                    new XElement("categorycollection",
                        new XElement("category",
                            new XElement("measurecollection", new XElement("measure", new XAttribute("alias", "aggregate_column"))))))),
            new XElement("presentationdescription",
                new XElement("Chart", new XAttribute("Palette", "None"), new XAttribute("PaletteCustomColors", "55,118,193; 197,56,52; 149,189,66; 117,82,160; 49,171,204; 255,136,35"),
                    new XElement("Series", new XElement("Series", new XAttribute("ChartType", chart.ChartType), new XAttribute("IsValueShownAsLabel", "True"),
                        new XAttribute("Font", "{0}, 9.5px"), new XAttribute("LabelForeColor", "59, 59, 59"))),
                    new XElement("ChartAreas", new XElement("ChartArea", new XAttribute("BorderColor", "White"), new XAttribute("BorderDashStyle", "Solid"))),
                    new XElement("Titles", new XElement("Title", new XAttribute("Alignment", "TopLeft"), new XAttribute("DockingOffset", "-3"),
                        new XAttribute("Font", "{0}, 13px"), new XAttribute("ForeColor", "59, 59, 59"))))),
            new XElement("isdefault", "0"),
            Xml.Labels("LocalizedNames", "LocalizedName", chart.Name),
            Xml.Labels("Descriptions", "Description", chart.Description),
            new XElement("IsCustomizable", "1"),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion));
    }

    public static readonly Guid DashboardId = DeterministicGuid.Create("dashboard:customerstrategy");

    public static readonly Label DashboardName = Label.Of("Customer strategy", "Estrategia de clientes");

    public static XElement Dashboard(Func<string, string, Guid> viewId)
    {
        var cells = new List<XElement>();
        foreach (var chart in All)
        {
            cells.Add(new XElement("cell", new XAttribute("id", DeterministicGuid.Create($"dashboard:cell:{chart.Key}").Braced()), new XAttribute("showlabel", "true"),
                new XAttribute("rowspan", "12"), new XAttribute("colspan", "1"), new XAttribute("ischartcell", "true"),
                Xml.Labels("labels", "label", chart.Name),
                new XElement("control", new XAttribute("id", chart.Key), new XAttribute("classid", "{E7A81278-8635-4d9e-8D4D-59480B391C5B}"),
                    new XElement("parameters",
                        new XElement("ViewId", viewId(chart.Table, chart.ViewKey).Braced()),
                        new XElement("IsUserView", "false"),
                        new XElement("RelationshipName"),
                        new XElement("TargetEntityType", chart.Table),
                        new XElement("AutoExpand", "Fixed"),
                        new XElement("EnableQuickFind", "false"),
                        new XElement("EnableViewPicker", "false"),
                        new XElement("EnableJumpBar", "false"),
                        new XElement("ChartGridMode", "Chart"),
                        new XElement("VisualizationId", chart.Id.Braced()),
                        new XElement("IsUserChart", "false"),
                        new XElement("EnableChartPicker", "false"),
                        new XElement("RecordsPerPage", "10")))));
        }

        var form = new XElement("form",
            new XElement("tabs",
                new XElement("tab", new XAttribute("name", "strategy"), new XAttribute("id", DeterministicGuid.Create("dashboard:tab").Braced()),
                    new XAttribute("showlabel", "false"), new XAttribute("verticallayout", "true"),
                    Xml.Labels("labels", "label", DashboardName),
                    new XElement("columns", new XElement("column", new XAttribute("width", "100%"),
                        new XElement("sections", new XElement("section", new XAttribute("name", "charts"), new XAttribute("showlabel", "false"),
                            new XAttribute("showbar", "false"), new XAttribute("columns", "111"), new XAttribute("id", DeterministicGuid.Create("dashboard:section").Braced()),
                            Xml.Labels("labels", "label", DashboardName),
                            new XElement("rows", new XElement("row", cells)))))))));

        return new XElement("Dashboard",
            Xml.Labels("LocalizedNames", "LocalizedName", DashboardName),
            Xml.Labels("Descriptions", "Description", Label.Of("Segments, tiers and loyalty phases at a glance.", "Segmentos, niveles y fases de fidelización de un vistazo.")),
            new XElement("FormId", DashboardId.Braced()),
            new XElement("IsCustomizable", "1"),
            new XElement("CanBeDeleted", "1"),
            new XElement("IsDefault", "0"),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("IsTabletEnabled", "0"),
            new XElement("FormXml", new XElement("forms", new XAttribute("type", "dashboard"), form)));
    }
}
