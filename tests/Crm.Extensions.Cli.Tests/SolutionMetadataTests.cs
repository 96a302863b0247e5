using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Crm.Extensions.Cli.Tests;

/// <summary>
/// The committed solution/src holds every table and column of the data model (tools/Crm.Extensions.Cli/Model), labelled in
/// English and Spanish.
/// </summary>
[Collection(RepositoryCollection.Name)]
public sealed class SolutionMetadataTests(RepositoryFixture fixture)
{
    private const int English = 1033;
    private const int Spanish = 3082;

    public static readonly TheoryData<string> CustomTables = new(
        "cx_crmstrategy", "cx_portfolioanalysis", "cx_customersegment", "cx_interaction", "cx_preference", "cx_partnerrelationship",
        "cx_valueproposition", "cx_lifecycletransition", "cx_kpisnapshot", "cx_loyaltyprogram", "cx_loyaltytier", "cx_loyaltyjourney",
        "cx_loyaltytransaction", "cx_reward", "cx_rewardredemption", "cx_crossselloffer", "cx_satisfactionsurvey");

    /// <summary>
    /// The customer columns the product relies on: stage, tier, balances, R/F/M, RFM score, segment, CLV, target flag,
    /// completeness, last interaction, tier validity, tier floor, consents.
    /// </summary>
    public static readonly TheoryData<string, string> CustomerColumns = Customers(
        "cx_lifecyclestage", "cx_loyaltytierid", "cx_pointsbalance", "cx_pendingpoints", "cx_recencyscore", "cx_frequencyscore",
        "cx_monetaryscore",
        "cx_rfmscore", "cx_customersegmentid", "cx_clv", "cx_istarget", "cx_profilecompleteness", "cx_lastinteractionon",
        "cx_lastinteractionduration",
        "cx_tiervaliduntil", "cx_tierfloorid", "cx_consentprofiling", "cx_consentpreferences", "cx_consentmarketing");

    private SolutionSource Source => new(fixture.Repository.SolutionSource);

    [Theory]
    [MemberData(nameof(CustomTables))]
    public void Should_DefineTheTableWithBothLanguages_When_DesignNamesIt(string table)
    {
        var entity = Source.Entity(table).Element("EntityInfo")!.Element("entity")!;

        AssertBothLanguages(entity.Element("LocalizedNames"), table);
        AssertBothLanguages(entity.Element("LocalizedCollectionNames"), table);
        var primaryName = Source.Attribute(table, "cx_name");
        Assert.NotNull(primaryName);
        Assert.Equal("required", primaryName.Element("RequiredLevel")!.Value);
        Assert.NotNull(Source.Attribute(table, table + "id"));
    }

    [Theory]
    [MemberData(nameof(CustomTables))]
    public void Should_LabelEveryCustomColumnInBothLanguages_When_ATableIsDefined(string table)
    {
        var columns = Source.Entity(table).Descendants("attribute").Where(a => a.Element("IsCustomField")?.Value == "1").ToList();

        Assert.NotEmpty(columns);
        Assert.All(columns, column =>
        {
            var name = column.Element("LogicalName")!.Value;
            AssertBothLanguages(column.Element("displaynames"), name);
            AssertBothLanguages(column.Element("Descriptions"), name);
            Assert.False(string.IsNullOrEmpty(column.Element("Type")?.Value), $"{name} has no Type.");
            Assert.Contains(column.Element("RequiredLevel")?.Value, new[] { "none", "recommended", "required" });
        });
    }

    [Theory]
    [MemberData(nameof(CustomerColumns))]
    public void Should_AddTheColumnWithBothLanguages_When_IssueFourNamesItForCustomers(string table, string column)
    {
        var attribute = Source.Attribute(table, column);

        Assert.NotNull(attribute);
        AssertBothLanguages(attribute.Element("displaynames"), column);
    }

    [Theory]
    [MemberData(nameof(CustomTables))]
    public void Should_HaveAMainFormAndTheThreeViews_When_ATableIsDefined(string table)
    {
        Assert.Contains("main", Source.FormTypes(table));
        var views = Source.Views(table).ToList();
        Assert.Contains(views, v => v.Element("querytype")!.Value == "0" && v.Element("isdefault")!.Value == "1"
            && v.Descendants("condition").Any(c => c.Attribute("attribute")?.Value == "statecode" && c.Attribute("value")?.Value == "0"));
        Assert.Contains(views, v => v.Element("querytype")!.Value == "64");
        Assert.Contains(views, v => v.Element("querytype")!.Value == "4" && v.Element("isquickfindquery")!.Value == "1");
        Assert.All(views, v => AssertBothLanguages(v.Element("LocalizedNames"), table + " view"));
    }

    [Theory]
    [InlineData("cx_interaction")]
    [InlineData("cx_preference")]
    [InlineData("cx_satisfactionsurvey")]
    public void Should_HaveAQuickCreateForm_When_UsersCreateRowsInline(string table)
    {
        Assert.Contains("quickCreate", Source.FormTypes(table));
        Assert.Equal("1", Source.Entity(table).Descendants("IsQuickCreateEnabled").Single().Value);
    }

    [Fact]
    public void Should_IncludeEveryCustomTable_When_BuildingTheApp()
    {
        var app = XElement.Load(Path.Combine(Source.Folder, "AppModules", "cx_CustomerLoyalty", "AppModule.xml"));
        var siteMap = XElement.Load(Path.Combine(Source.Folder, "AppModuleSiteMaps", "cx_CustomerLoyalty", "AppModuleSiteMap.xml"));
        var appTables = app.Descendants("AppModuleComponent").Where(c => c.Attribute("type")!.Value == "1")
            .Select(c => c.Attribute("schemaName")!.Value).ToHashSet();
        var siteMapTables = siteMap.Descendants("SubArea").Select(s => s.Attribute("Entity")?.Value).ToHashSet();

        foreach (var table in CustomTables.Cast<object[]>().Select(row => (string)row[0]))
        {
            Assert.Contains(table, appTables);
            Assert.Contains(table, siteMapTables);
        }

        AssertBothLanguages(app.Element("LocalizedNames"), "app");
        Assert.Equal(11, siteMap.Descendants("Group").Count());
        Assert.All(siteMap.Descendants("Group"), g => Assert.Equal(2, g.Element("Titles")!.Elements("Title").Count()));
    }

    [Fact]
    public void Should_StartChoiceValuesAtThePublisherPrefix_When_DefiningGlobalChoices()
    {
        var optionSets = Directory.GetFiles(Path.Combine(Source.Folder, "OptionSets"), "*.xml").Select(XElement.Load).ToList();

        Assert.Contains(optionSets, o => o.Attribute("Name")!.Value == "cx_lifecyclestage");
        Assert.Contains(optionSets, o => o.Attribute("Name")!.Value == "cx_ledgerentrytype");
        Assert.All(optionSets.SelectMany(o => o.Descendants("option")), option =>
        {
            Assert.InRange(int.Parse(option.Attribute("value")!.Value, System.Globalization.CultureInfo.InvariantCulture), 586700000,
                586709999);
            AssertBothLanguages(option.Element("labels"), option.Attribute("value")!.Value);
        });
    }

    [Theory]
    [InlineData("cx_loyaltytransaction", "cx_sourcekey")]
    [InlineData("cx_rewardredemption", "cx_vouchercode")]
    [InlineData("cx_crossselloffer", "cx_customerid", "cx_productid")]
    [InlineData("cx_kpisnapshot", "cx_period")]
    [InlineData("cx_loyaltyjourney", "cx_customerid", "cx_productfamilyid")]
    public void Should_DeclareAnAlternateKey_When_IdempotencyNeedsIt(string table, params string[] columns)
    {
        var keys = Source.Entity(table).Descendants("EntityKey").Select(k => k.Descendants("AttributeName").Select(a => a.Value).ToArray());

        Assert.Contains(keys, k => k.SequenceEqual(columns));
    }

    [Fact]
    public void Should_DefineThreeRolesAndASensitiveDataProfile_When_SecuringTheSolution()
    {
        var roles = Directory.GetFiles(Path.Combine(Source.Folder, "Roles"), "*.xml").Select(XElement.Load)
            .Select(r => r.Attribute("name")!.Value).ToList();
        var profiles = XElement.Load(Path.Combine(Source.Folder, "Other", "FieldSecurityProfiles.xml"));

        Assert.Equal(new[] { "CRM Strategy Manager", "Customer Relationship User", "Loyalty Administrator" },
            roles.Order(StringComparer.Ordinal));
        var permissions = profiles.Descendants("FieldPermission").ToList();
        Assert.NotEmpty(permissions);
        Assert.All(permissions,
            p => Assert.Equal("1",
                Source.Attribute(p.Element("EntityName")!.Value, p.Element("AttributeName")!.Value)!.Element("IsSecured")!.Value));
    }

    [Fact]
    public void Should_NeverGrantGlobalDeleteToTheRelationshipUser_When_DefiningLeastPrivilege()
    {
        var role = XElement.Load(Path.Combine(Source.Folder, "Roles", "Customer Relationship User.xml"));

        Assert.DoesNotContain(role.Descendants("RolePrivilege"),
            p => p.Attribute("name")!.Value.StartsWith("prvDelete", StringComparison.Ordinal) && p.Attribute("level")!.Value != "Basic");
    }

    [Fact]
    public void Should_ShipProgramDefaults_When_DefiningEnvironmentVariables()
    {
        var definitions = Directory.GetFiles(Path.Combine(Source.Folder, "environmentvariabledefinitions"),
            "environmentvariabledefinition.xml", SearchOption.AllDirectories)
            .Select(XElement.Load).ToDictionary(d => d.Attribute("schemaname")!.Value, d => d.Element("defaultvalue")!.Value);

        Assert.Equal("24", definitions["cx_AnalysisWindowMonths"]);
        Assert.Equal("80", definitions["cx_ParetoThresholdPercent"]);
        Assert.Equal("14", definitions["cx_PendingDays"]);
        Assert.Equal("365", definitions["cx_PointsExpiryDays"]);
    }

    [Fact]
    public void Should_HaveTheChartsAndTheStrategyDashboard_When_ShowingTheStrategy()
    {
        var charts = Directory.GetFiles(Path.Combine(Source.Folder, "Entities"), "*.xml", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Visualizations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(XElement.Load).ToList();
        var dashboard = Directory.GetFiles(Path.Combine(Source.Folder, "Dashboards"), "*.xml").Select(XElement.Load)
            .Single(d => SolutionSource.Labels(d.Element("LocalizedNames"))[English] == "Customer strategy");

        Assert.Equal(10, charts.Count);
        Assert.Equal(5, dashboard.Descendants("VisualizationId").Count());
    }

    private static void AssertBothLanguages(XElement? labels, string what)
    {
        var byLanguage = SolutionSource.Labels(labels);
        Assert.True(byLanguage.TryGetValue(English, out var en) && en.Length > 0, $"{what} has no English label.");
        Assert.True(byLanguage.TryGetValue(Spanish, out var es) && es.Length > 0, $"{what} has no Spanish label.");
    }

    private static TheoryData<string, string> Customers(params string[] columns)
    {
        var data = new TheoryData<string, string>();
        foreach (var table in new[] { "contact", "account" })
        {
            foreach (var column in columns)
            {
                data.Add(table, column);
            }
        }

        return data;
    }
}
