using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>
/// The "Customer Loyalty" model-driven app and its site map: customers and activities first (where every Dynamics user
/// looks for them), then the loyalty programme, the five CRM steps in order, and the sales records the product reads.
/// </summary>
internal static class AppXml
{
    public const string UniqueName = "cx_CustomerLoyalty";
    public static readonly Label Name = Label.Of("Customer Loyalty", "Fidelización de clientes");

    /// <summary>The platform's default app icon web resource, which every app without its own icon points to.</summary>
    private const string DefaultIconWebResourceId = "953b9fac-1e5e-e611-80d6-00155ded156f";

    private sealed record Group(string Id, Label Title, IReadOnlyList<string> Tables, Charts.DashboardDefinition? Dashboard = null)
    {
        /// <summary>Lists opened on one view of a table, before the tables (the loyalty members are contacts with a tier).</summary>
        public IReadOnlyList<ViewLink> Views { get; init; } = [];
    }

    private sealed record ViewLink(string Id, string Table, string ViewKey, Label Title);

    /// <summary>The activity tables users open from the site map; every Dataverse environment has them.</summary>
    public static readonly IReadOnlyList<string> ActivityTables = ["activitypointer", "task", "phonecall", "appointment", "email"];

    /// <summary>Sales records the product reads (paid invoices, product families, price lists, member lists).</summary>
    public static readonly IReadOnlyList<string> SalesTables = [TableNames.Invoice, TableNames.Product, TableNames.PriceLevel,
        TableNames.MarketingList];

    private sealed record Area(string Id, Label Title, IReadOnlyList<Group> Groups);

    private static readonly IReadOnlyList<Area> Areas =
    [
        new("cx_customers", Label.Of("Customers", "Clientes"),
        [
            new("cx_customergroup", Label.Of("Customers", "Clientes"), [TableNames.Contact, TableNames.Account]),
            new("cx_activities", Label.Of("Activities", "Actividades"), ActivityTables),
        ]),
        new("cx_loyalty", Label.Of("Loyalty", "Fidelización"),
        [
            new("cx_members", Label.Of("Members", "Miembros"), ["cx_rewardredemption", "cx_loyaltytransaction"], Charts.LoyaltyDashboard)
            {
                Views = [
                    new("cx_sub_loyaltymembers", TableNames.Contact, Charts.LoyaltyMembersView,
                        Label.Of("Loyalty members", "Miembros de fidelización"))],
            },
            new("cx_program", Label.Of("Loyalty program", "Programa de fidelización"),
                ["cx_loyaltyprogram", "cx_loyaltytier", "cx_reward"]),
            new("cx_cycle", Label.Of("Loyalty cycle", "Ciclo de fidelización"),
                ["cx_loyaltyjourney", "cx_crossselloffer", "cx_satisfactionsurvey"]),
        ]),
        new("cx_strategy", Label.Of("Customer strategy", "Estrategia de clientes"),
        [
            new("cx_step1", Label.Of("1. Portfolio analysis", "1. Análisis de cartera"),
                ["cx_crmstrategy", "cx_portfolioanalysis", "cx_customersegment"],
                Charts.StrategyDashboard),
            new("cx_step2", Label.Of("2. Customer intimacy", "2. Intimidad con el cliente"),
                [TableNames.Contact, TableNames.Account, "cx_interaction", "cx_preference"]),
            new("cx_step3", Label.Of("3. Network development", "3. Desarrollo de la red"), ["cx_partnerrelationship"]),
            new("cx_step4", Label.Of("4. Value proposition", "4. Propuesta de valor"), ["cx_valueproposition"]),
            new("cx_step5", Label.Of("5. Lifecycle management", "5. Gestión del ciclo de vida"),
                ["cx_lifecycletransition", "cx_kpisnapshot"]),
        ]),
        new("cx_sales", Label.Of("Sales", "Ventas"),
        [
            new("cx_salesrecords", Label.Of("Sales records", "Registros de ventas"), SalesTables),
        ]),
    ];

    public static IEnumerable<string> TablesInSiteMap => Areas.SelectMany(a => a.Groups).SelectMany(g => g.Tables);

    /// <param name="viewId">The id of a table's view by its key (viewtype 1039 is a system view).</param>
    public static XElement SiteMap(System.Func<string, string, System.Guid> viewId) =>
        new("AppModuleSiteMap", new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi),
            new XElement("SiteMapUniqueName", UniqueName),
            // Display flags newer than the 2018 schema, as the site map designer writes them: groups stay expanded, and Home,
            // Pinned and Recent show above the areas.
            new XElement("EnableCollapsibleGroups", "False"),
            new XElement("ShowHome", "True"),
            new XElement("ShowPinned", "True"),
            new XElement("ShowRecents", "True"),
            new XElement("SiteMap", new XAttribute("IntroducedVersion", "7.0.0.0"),
                Areas.Select(
                    area => new XElement("Area", new XAttribute("Id", area.Id), new XAttribute("ResourceId", "SitemapDesigner.NewTitle"),
                    new XAttribute("ShowGroups", "true"), new XAttribute("IntroducedVersion", "7.0.0.0"),
                    Titles(area.Title),
                    area.Groups.Select(
                        group => new XElement("Group", new XAttribute("Id", group.Id),
                            new XAttribute("ResourceId", "SitemapDesigner.NewGroup"),
                        new XAttribute("IsProfile", "false"), new XAttribute("IntroducedVersion", "7.0.0.0"),
                        Titles(group.Title),
                        group.Dashboard is { } dashboard
                            ? new XElement("SubArea", new XAttribute("Id", $"cx_dashboard_{dashboard.Key}"),
                                new XAttribute("Url", $"/main.aspx?pagetype=dashboard&id={dashboard.Id:D}&type=system"),
                                new XAttribute("AvailableOffline", "true"), new XAttribute("PassParams", "false"), Titles(dashboard.Name))
                            : null,
                        group.Views.Select(link => new XElement("SubArea", new XAttribute("Id", link.Id),
                            new XAttribute("Url",
                                $"/main.aspx?pagetype=entitylist&etn={link.Table}&viewid={viewId(link.Table, link.ViewKey):D}" +
                                $"&viewtype=1039"),
                            new XAttribute("AvailableOffline", "true"), new XAttribute("PassParams", "false"), Titles(link.Title))),
                        group.Tables.Select(
                            table => new XElement("SubArea", new XAttribute("Id", $"cx_sub_{group.Id}_{table}"),
                                new XAttribute("Entity", table),
                            new XAttribute("AvailableOffline", "true"), new XAttribute("PassParams", "false")))))))),
            Xml.Labels("LocalizedNames", "LocalizedName", Name));

    public static XElement AppModule(IEnumerable<Table> tables, IEnumerable<System.Guid> roleIds) =>
        new("AppModule", new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi),
            new XElement("UniqueName", UniqueName),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("WebResourceId", DefaultIconWebResourceId),
            // OptimizedFor, statecode, statuscode and NavigationType are newer than the 2018 schema; current exports
            // (Neamidea/Mini-CRM-Solution MiniCrmUnpackaged/AppModules/*/AppModule.xml) write them here: an active app (0, 1),
            // not optimized for one device, with single-session navigation (0).
            new XElement("OptimizedFor"),
            new XElement("statecode", "0"),
            new XElement("statuscode", "1"),
            new XElement("FormFactor", "1"),
            // 4: Unified Interface.
            new XElement("ClientType", "4"),
            new XElement("NavigationType", "0"),
            new XElement("AppModuleComponents",
                tables.Select(t => t.LogicalName).Concat(ActivityTables).Concat(SalesTables)
                    .Select(t => new XElement("AppModuleComponent", new XAttribute("type", 1), new XAttribute("schemaName", t))),
                Charts.Dashboards.Select(
                    d => new XElement("AppModuleComponent", new XAttribute("type", 60), new XAttribute("id", d.Id.Braced()))),
                new XElement("AppModuleComponent", new XAttribute("type", 62), new XAttribute("schemaName", UniqueName))),
            new XElement("AppModuleRoleMaps", roleIds.Select(id => new XElement("Role", new XAttribute("id", id.Braced())))),
            Xml.Labels("LocalizedNames", "LocalizedName", Name),
            Xml.Labels("Descriptions", "Description", Label.Of(
                "The five CRM steps and the loyalty cycle in one app.",
                "Los cinco pasos del CRM y el ciclo de fidelización en una aplicación.")));

    private static XElement Titles(Label label) =>
        new("Titles",
            Label.Languages.Select(
                language => new XElement("Title", new XAttribute("LCID", language), new XAttribute("Title", label.For(language)))));
}
