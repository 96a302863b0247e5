using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>The "Customer Loyalty" model-driven app and its site map: the five CRM steps, then the loyalty cycle.</summary>
internal static class AppXml
{
    public const string UniqueName = "cx_CustomerLoyalty";
    public static readonly Label Name = Label.Of("Customer Loyalty", "Fidelización de clientes");

    /// <summary>The platform's default app icon web resource, which every app without its own icon points to.</summary>
    private const string DefaultIconWebResourceId = "953b9fac-1e5e-e611-80d6-00155ded156f";

    private sealed record Group(string Id, Label Title, IReadOnlyList<string> Tables, bool WithDashboard = false);

    private sealed record Area(string Id, Label Title, IReadOnlyList<Group> Groups);

    private static readonly IReadOnlyList<Area> Areas =
    [
        new("cx_strategy", Label.Of("Customer strategy", "Estrategia de clientes"),
        [
            new("cx_step1", Label.Of("1. Portfolio analysis", "1. Análisis de cartera"), ["cx_crmstrategy", "cx_portfolioanalysis", "cx_customersegment"], WithDashboard: true),
            new("cx_step2", Label.Of("2. Customer intimacy", "2. Intimidad con el cliente"), [TableNames.Contact, TableNames.Account, "cx_interaction", "cx_preference"]),
            new("cx_step3", Label.Of("3. Network development", "3. Desarrollo de la red"), ["cx_partnerrelationship"]),
            new("cx_step4", Label.Of("4. Value proposition", "4. Propuesta de valor"), ["cx_valueproposition"]),
            new("cx_step5", Label.Of("5. Lifecycle management", "5. Gestión del ciclo de vida"), ["cx_lifecycletransition", "cx_kpisnapshot"]),
        ]),
        new("cx_loyalty", Label.Of("Loyalty cycle", "Ciclo de fidelización"),
        [
            new("cx_phase1", Label.Of("Phase I - Knowledge", "Fase I - Conocimiento"), ["cx_loyaltyjourney", "cx_satisfactionsurvey"]),
            new("cx_phase2", Label.Of("Phase II - Growth", "Fase II - Crecimiento"), ["cx_crossselloffer"]),
            new("cx_phase3", Label.Of("Phase III - Retention", "Fase III - Retención"), ["cx_loyaltytransaction", "cx_rewardredemption"]),
            new("cx_program", Label.Of("Program settings", "Configuración del programa"), ["cx_loyaltyprogram", "cx_loyaltytier", "cx_reward"]),
        ]),
    ];

    public static IEnumerable<string> TablesInSiteMap => Areas.SelectMany(a => a.Groups).SelectMany(g => g.Tables);

    public static XElement SiteMap() =>
        new("AppModuleSiteMap", new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi),
            new XElement("SiteMapUniqueName", UniqueName),
            // Display flags newer than the 2018 schema, as the site map designer writes them: groups stay expanded, and Home,
            // Pinned and Recent show above the areas.
            new XElement("EnableCollapsibleGroups", "False"),
            new XElement("ShowHome", "True"),
            new XElement("ShowPinned", "True"),
            new XElement("ShowRecents", "True"),
            new XElement("SiteMap", new XAttribute("IntroducedVersion", "7.0.0.0"),
                Areas.Select(area => new XElement("Area", new XAttribute("Id", area.Id), new XAttribute("ResourceId", "SitemapDesigner.NewTitle"),
                    new XAttribute("ShowGroups", "true"), new XAttribute("IntroducedVersion", "7.0.0.0"),
                    Titles(area.Title),
                    area.Groups.Select(group => new XElement("Group", new XAttribute("Id", group.Id), new XAttribute("ResourceId", "SitemapDesigner.NewGroup"),
                        new XAttribute("IsProfile", "false"), new XAttribute("IntroducedVersion", "7.0.0.0"),
                        Titles(group.Title),
                        group.WithDashboard
                            ? new XElement("SubArea", new XAttribute("Id", "cx_dashboard"), new XAttribute("Url", $"/main.aspx?pagetype=dashboard&id={Charts.DashboardId:D}&type=system"),
                                new XAttribute("AvailableOffline", "true"), new XAttribute("PassParams", "false"), Titles(Charts.DashboardName))
                            : null,
                        group.Tables.Select(table => new XElement("SubArea", new XAttribute("Id", $"cx_sub_{table}"), new XAttribute("Entity", table),
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
                tables.Select(t => new XElement("AppModuleComponent", new XAttribute("type", 1), new XAttribute("schemaName", t.LogicalName))),
                new XElement("AppModuleComponent", new XAttribute("type", 60), new XAttribute("id", Charts.DashboardId.Braced())),
                new XElement("AppModuleComponent", new XAttribute("type", 62), new XAttribute("schemaName", UniqueName))),
            new XElement("AppModuleRoleMaps", roleIds.Select(id => new XElement("Role", new XAttribute("id", id.Braced())))),
            Xml.Labels("LocalizedNames", "LocalizedName", Name),
            Xml.Labels("Descriptions", "Description", Label.Of(
                "The five CRM steps and the loyalty cycle in one app.", "Los cinco pasos del CRM y el ciclo de fidelización en una aplicación.")));

    private static XElement Titles(Label label) =>
        new("Titles", Label.Languages.Select(language => new XElement("Title", new XAttribute("LCID", language), new XAttribute("Title", label.For(language)))));
}
