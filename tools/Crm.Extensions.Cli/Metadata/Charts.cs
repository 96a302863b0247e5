using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>
/// The charts and the two dashboards that show them: "Loyalty" for the programme, "Customer strategy" for the five steps.
/// </summary>
internal static class Charts
{
    /// <param name="Measure">The measured column; null counts rows (the primary id).</param>
    /// <param name="Aggregate">count, sum or avg (FetchXML aggregates).</param>
    public sealed record Chart(string Key, string Table, string GroupBy, string ChartType, Label Name, Label Description, string ViewKey,
        string? Measure = null, string Aggregate = "count")
    {
        public Guid Id => DeterministicGuid.Create($"chart:{Table}:{Key}");
    }

    public sealed record DashboardDefinition(string Key, Label Name, Label Description, IReadOnlyList<string> ChartKeys)
    {
        public Guid Id => DeterministicGuid.Create($"dashboard:{Key}");
    }

    public const string LoyaltyMembersView = "loyaltymembers";

    public static readonly IReadOnlyList<Chart> All =
    [
        new("segmentdistribution", "cx_customersegment", "cx_segmentcode", "Column",
            Label.Of("Segment distribution", "Distribución por segmento"),
            Label.Of("Customers per RFM segment, from the portfolio analyses.", "Clientes por segmento RFM, de los análisis de cartera."),
            "active",
            "cx_customercount", "sum"),
        new("profitbysegment", "cx_customersegment", "cx_segmentcode", "Column",
            Label.Of("Profit by segment", "Beneficio por segmento"),
            Label.Of("Profit of each RFM segment in the analysis window.", "Beneficio de cada segmento RFM en la ventana del análisis."),
            "active",
            "cx_profit", "sum"),
        new("lifecyclefunnel", TableNames.Contact, "cx_lifecyclestage", "Funnel",
            Label.Of("Lifecycle stage funnel", "Embudo de etapas del ciclo de vida"),
            Label.Of("Members per lifecycle stage.", "Miembros por etapa del ciclo de vida."), LoyaltyMembersView),
        new("transitionsbystage", "cx_lifecycletransition", "cx_tostage", "Column",
            Label.Of("Lifecycle transitions by new stage", "Transiciones de ciclo de vida por etapa nueva"),
            Label.Of("How many customers moved into each stage.", "Cuántos clientes pasaron a cada etapa."), "active"),
        new("retentiontrend", "cx_kpisnapshot", "cx_period", "Line",
            Label.Of("Retention rate per period", "Tasa de retención por periodo"),
            Label.Of("Retention of each KPI snapshot period.", "Retención de cada periodo de instantánea de KPI."), "active",
            "cx_retentionrate", "avg"),
        new("npstrend", "cx_kpisnapshot", "cx_period", "Line",
            Label.Of("NPS per period", "NPS por periodo"),
            Label.Of("Net promoter score of each KPI snapshot period.", "Net promoter score de cada periodo de instantánea de KPI."),
            "active",
            "cx_nps", "avg"),
        new("pointsbytype", "cx_loyaltytransaction", "cx_entrytype", "Column",
            Label.Of("Points earned, redeemed and expired", "Puntos acumulados, canjeados y vencidos"),
            Label.Of("Points moved per movement type.", "Puntos movidos por tipo de movimiento."), "active",
            "cx_points", "sum"),
        new("redemptionsbystatus", "cx_rewardredemption", "cx_redemptionstatus", "Pie",
            Label.Of("Redemptions by status", "Canjes por estado"),
            Label.Of("Vouchers issued, used, cancelled and expired.", "Vales emitidos, usados, cancelados y vencidos."), "active"),
        new("tierdistribution", TableNames.Contact, "cx_loyaltytierid", "Pie",
            Label.Of("Tier distribution", "Distribución por nivel"),
            Label.Of("Loyalty members per tier.", "Miembros de fidelización por nivel."), LoyaltyMembersView),
        new("phasefunnel", "cx_loyaltyjourney", "cx_phase", "Funnel",
            Label.Of("Loyalty phase funnel", "Embudo de fases de fidelización"),
            Label.Of("Journeys in knowledge, growth and retention.", "Recorridos en conocimiento, crecimiento y retención."), "active"),
    ];

    public static readonly IReadOnlyList<DashboardDefinition> Dashboards =
    [
        new("loyalty", Label.Of("Loyalty", "Fidelización"),
            Label.Of("Members per tier, points, redemptions, NPS and journeys per phase.",
                "Miembros por nivel, puntos, canjes, NPS y recorridos por fase."),
            ["tierdistribution", "pointsbytype", "redemptionsbystatus", "npstrend", "phasefunnel"]),
        new("customerstrategy", Label.Of("Customer strategy", "Estrategia de clientes"),
            Label.Of("Segments and their profit, the lifecycle funnel, transitions and retention.",
                "Segmentos y su beneficio, el embudo del ciclo de vida, transiciones y retención."),
            ["segmentdistribution", "profitbysegment", "lifecyclefunnel", "transitionsbystage", "retentiontrend"]),
    ];

    public static DashboardDefinition LoyaltyDashboard => Dashboards[0];

    public static DashboardDefinition StrategyDashboard => Dashboards[1];

    public static XElement Write(Chart chart, string primaryIdColumn)
    {
        var measure = new XElement("attribute", new XAttribute("alias", "aggregate_column"),
            new XAttribute("name", chart.Measure ?? primaryIdColumn),
            new XAttribute("aggregate", chart.Aggregate));
        return new XElement("visualization",
            new XElement("savedqueryvisualizationid", chart.Id.Braced()),
            new XElement("datadescription",
                new XElement("datadefinition",
                    new XElement("fetchcollection",
                        new XElement("fetch", new XAttribute("mapping", "logical"), new XAttribute("aggregate", "true"),
                            new XElement("entity", new XAttribute("name", chart.Table),
                                new XElement("attribute", new XAttribute("groupby", "true"), new XAttribute("alias", "groupby_column"),
                                    new XAttribute("name", chart.GroupBy)),
                                measure))),
                    new XElement("categorycollection",
                        new XElement("category",
                            new XElement("measurecollection", new XElement("measure", new XAttribute("alias", "aggregate_column"))))))),
            new XElement("presentationdescription",
                new XElement("Chart", new XAttribute("Palette", "None"),
                    new XAttribute("PaletteCustomColors", "55,118,193; 197,56,52; 149,189,66; 117,82,160; 49,171,204; 255,136,35"),
                    new XElement("Series",
                        new XElement("Series", new XAttribute("ChartType", chart.ChartType), new XAttribute("IsValueShownAsLabel", "True"),
                        new XAttribute("Font", "{0}, 9.5px"), new XAttribute("LabelForeColor", "59, 59, 59"))),
                    new XElement("ChartAreas",
                        new XElement("ChartArea", new XAttribute("BorderColor", "White"), new XAttribute("BorderDashStyle", "Solid"))),
                    new XElement("Titles",
                        new XElement("Title", new XAttribute("Alignment", "TopLeft"), new XAttribute("DockingOffset", "-3"),
                        new XAttribute("Font", "{0}, 13px"), new XAttribute("ForeColor", "59, 59, 59"))))),
            new XElement("isdefault", "0"),
            Xml.Labels("LocalizedNames", "LocalizedName", chart.Name),
            Xml.Labels("Descriptions", "Description", chart.Description),
            new XElement("IsCustomizable", "1"),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion));
    }

    public static XElement Dashboard(DashboardDefinition dashboard, Func<string, string, Guid> viewId)
    {
        var rows = new List<XElement>();
        foreach (var chunk in dashboard.ChartKeys.Select(key => All.Single(c => c.Key == key)).Chunk(3))
        {
            rows.Add(new XElement("row", chunk.Select(chart => Cell(dashboard, chart, viewId))));
        }

        var form = new XElement("form",
            new XElement("tabs",
                new XElement("tab", new XAttribute("name", dashboard.Key),
                    new XAttribute("id", DeterministicGuid.Create($"dashboard:{dashboard.Key}:tab").Braced()),
                    new XAttribute("showlabel", "false"), new XAttribute("verticallayout", "true"),
                    Xml.Labels("labels", "label", dashboard.Name),
                    new XElement("columns", new XElement("column", new XAttribute("width", "100%"),
                        new XElement("sections",
                            new XElement("section", new XAttribute("name", "charts"), new XAttribute("showlabel", "false"),
                            new XAttribute("showbar", "false"), new XAttribute("columns", "111"),
                            new XAttribute("id", DeterministicGuid.Create($"dashboard:{dashboard.Key}:section").Braced()),
                            Xml.Labels("labels", "label", dashboard.Name),
                            new XElement("rows", rows))))))));

        return new XElement("Dashboard",
            Xml.Labels("LocalizedNames", "LocalizedName", dashboard.Name),
            Xml.Labels("Descriptions", "Description", dashboard.Description),
            new XElement("FormId", dashboard.Id.Braced()),
            new XElement("IsCustomizable", "1"),
            new XElement("CanBeDeleted", "1"),
            new XElement("IsDefault", "0"),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("IsTabletEnabled", "0"),
            new XElement("FormXml", new XElement("forms", new XAttribute("type", "dashboard"), form)));
    }

    // The strategy dashboard keeps the cell ids of the single dashboard it replaces, so customised copies keep their cells.
    private static string CellId(DashboardDefinition dashboard, Chart chart) =>
        DeterministicGuid.Create(
            dashboard.Key == "customerstrategy" ? $"dashboard:cell:{chart.Key}" : $"dashboard:{dashboard.Key}:cell:{chart.Key}").Braced();

    private static XElement Cell(DashboardDefinition dashboard, Chart chart, Func<string, string, Guid> viewId) =>
            new XElement("cell", new XAttribute("id", CellId(dashboard, chart)), new XAttribute("showlabel", "true"),
                new XAttribute("rowspan", "12"), new XAttribute("colspan", "1"), new XAttribute("ischartcell", "true"),
                Xml.Labels("labels", "label", chart.Name),
                new XElement("control", new XAttribute("id", chart.Key),
                    new XAttribute("classid", "{E7A81278-8635-4d9e-8D4D-59480B391C5B}"),
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
                        new XElement("RecordsPerPage", "10"))));
}
