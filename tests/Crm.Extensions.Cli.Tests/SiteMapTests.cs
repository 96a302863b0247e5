using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Commands;

namespace Crm.Extensions.Cli.Tests;

/// <summary>The committed site map: a loyalty area, the strategy in step order, and the records users expect beside them.</summary>
public sealed class SiteMapTests
{
    private static readonly string Folder = RepositoryPaths.Find(AppContext.BaseDirectory).SolutionSource;

    private static readonly XElement SiteMap =
        XElement.Load(Path.Combine(Folder, "AppModuleSiteMaps", "cx_CustomerLoyalty", "AppModuleSiteMap.xml"));

    private static readonly XElement App = XElement.Load(Path.Combine(Folder, "AppModules", "cx_CustomerLoyalty", "AppModule.xml"));

    [Fact]
    public void Should_GatherTheProgrammeInTheLoyaltyArea_When_ALoyaltyManagerOpensTheApp()
    {
        var loyalty = Area("cx_loyalty");
        var entities = loyalty.Descendants("SubArea").Select(s => s.Attribute("Entity")?.Value).ToList();

        Assert.Equal("Loyalty", Title(loyalty, "1033"));
        Assert.Equal("Fidelización", Title(loyalty, "3082"));
        Assert.Contains(loyalty.Descendants("SubArea"),
            s => s.Attribute("Url")?.Value.Contains("etn=contact&viewid=", StringComparison.Ordinal) == true);
        Assert.Contains(loyalty.Descendants("SubArea"),
            s => s.Attribute("Url")?.Value.Contains("pagetype=dashboard", StringComparison.Ordinal) == true);
        foreach (var table in new[] { "cx_loyaltyprogram", "cx_loyaltytier", "cx_reward", "cx_rewardredemption" })
        {
            Assert.Contains(table, entities);
        }
    }

    [Fact]
    public void Should_ListTheStrategyGroupsInStepOrder_When_AStrategistOpensTheApp()
    {
        var titles = Area("cx_strategy").Elements("Group").Select(g => Title(g, "1033")).ToList();

        Assert.Equal(
            ["1. Portfolio analysis", "2. Customer intimacy", "3. Network development", "4. Value proposition", "5. Lifecycle management"],
            titles);
    }

    [Fact]
    public void Should_OfferCustomersActivitiesAndSalesRecords_When_UsersLookWhereDynamicsPutsThem()
    {
        var customers = Area("cx_customers").Descendants("SubArea").Select(s => s.Attribute("Entity")?.Value).ToList();
        var sales = Area("cx_sales").Descendants("SubArea").Select(s => s.Attribute("Entity")?.Value).ToList();
        var appTables = App.Descendants("AppModuleComponent").Where(c => c.Attribute("type")!.Value == "1")
            .Select(c => c.Attribute("schemaName")!.Value).ToHashSet();

        Assert.Contains("contact", customers);
        Assert.Contains("account", customers);
        Assert.Contains("activitypointer", customers);
        Assert.Equal(["invoice", "product", "pricelevel", "list"], sales);
        Assert.All(sales.Concat(customers), table => Assert.Contains(table!, appTables));
    }

    /// <summary>
    /// Every role the app ships to reads what the sales and activity entries list. Activities share the activity base's
    /// privileges (prvReadActivity, as MicrosoftDocs/dynamics-365-customer-engagement ce/outlook-app/table.md lists them);
    /// products and price lists are organization-owned, so Global is their only depth; invoices, marketing lists and
    /// activities are user-owned and need at least the business unit.
    /// </summary>
    [Fact]
    public void Should_LetEveryAppRoleReadTheSalesAndActivityEntries_When_ItsUsersOpenThem()
    {
        var privileges = new[] { ("invoice", "Invoice"), ("product", "Product"), ("pricelevel", "PriceLevel"), ("list", "List") }
            .Concat(new[] { "activitypointer", "task", "phonecall", "email", "appointment" }.Select(t => (t, "Activity")))
            .ToDictionary(p => p.Item1, p => "prvRead" + p.Item2);
        var listed = Area("cx_sales").Descendants("SubArea").Concat(Area("cx_customers").Descendants("SubArea"))
            .Select(s => s.Attribute("Entity")?.Value).OfType<string>().Where(privileges.ContainsKey).ToList();
        var appRoles = App.Element("AppModuleRoleMaps")!.Elements("Role").Select(r => r.Attribute("id")!.Value).ToHashSet();
        var roles = Directory.GetFiles(Path.Combine(Folder, "Roles"), "*.xml").Select(XElement.Load)
            .Where(r => appRoles.Contains(r.Attribute("id")!.Value)).ToList();

        Assert.Equal(9, listed.Count);
        Assert.Equal(3, roles.Count);
        Assert.All(roles, role => Assert.All(listed, table =>
        {
            var level = role.Descendants("RolePrivilege").SingleOrDefault(p => p.Attribute("name")!.Value == privileges[table])
                ?.Attribute("level")?.Value;
            Assert.True(table is "product" or "pricelevel" ? level == "Global" : level is "Local" or "Deep" or "Global",
                $"{role.Attribute("name")!.Value}: {privileges[table]} is {level ?? "missing"}");
        }));
    }

    private static XElement Area(string id) => SiteMap.Descendants("Area").Single(a => a.Attribute("Id")!.Value == id);

    private static string Title(XElement element, string language) =>
        element.Element("Titles")!.Elements("Title").Single(t => t.Attribute("LCID")!.Value == language).Attribute("Title")!.Value;
}
