using System;
using System.IO;
using System.Linq;
using Crm.Extensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Tests;

public class SolutionLoadingTests
{
    private static readonly string ProductSolution =
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "solution", "src"));

    private static readonly string[] CustomTables =
    {
        "cx_crmstrategy", "cx_crossselloffer", "cx_customersegment", "cx_interaction", "cx_kpisnapshot", "cx_lifecycletransition",
        "cx_loyaltyjourney", "cx_loyaltyprogram", "cx_loyaltytier", "cx_loyaltytransaction", "cx_partnerrelationship",
        "cx_portfolioanalysis", "cx_preference", "cx_reward", "cx_rewardredemption", "cx_satisfactionsurvey", "cx_valueproposition",
    };

    private static readonly string[] StandardTableNames =
    {
        "contact", "account", "invoice", "invoicedetail", "salesorder", "product", "productsubstitute", "productpricelevel", "pricelevel",
        "list", "listmember",
        "incident", "task", "connection", "systemuser", "team", "businessunit", "usersettings",
    };

    private static DataverseEmulator LoadProduct() =>
        DataverseEmulator.FromSolution(ProductSolution, typeof(Crm.Extensions.Plugins.Framework.PluginBase).Assembly);

    [Fact]
    public void Should_LoadEveryCustomTable_When_TheProductSolutionIsLoaded()
    {
        var crm = LoadProduct();

        Assert.Equal(CustomTables.OrderBy(t => t),
            crm.Metadata.Tables.Keys.Where(t => t.StartsWith("cx_", StringComparison.Ordinal)).OrderBy(t => t));
        foreach (var table in StandardTableNames) Assert.True(crm.Metadata.HasTable(table), table);
        Assert.Equal(TableOwnership.OrganizationOwned, crm.Metadata.Table("cx_loyaltyprogram").Ownership);
        Assert.Equal(TableOwnership.UserOwned, crm.Metadata.Table("cx_interaction").Ownership);
    }

    [Fact]
    public void Should_AddTheSolutionColumnsToStandardTables_When_SolutionCarriesAPartialContact()
    {
        var crm = LoadProduct();
        var contact = crm.Metadata.Table("contact");

        Assert.NotNull(contact.Column("lastname"));
        Assert.NotNull(contact.Column("cx_pointsbalance"));
        Assert.True(contact.Column("cx_clv")!.IsSecured);
        Assert.Contains("cx_loyaltytier", contact.Column("cx_loyaltytierid")!.Targets);
        // A column users may type (the loyalty columns are guarded by the product's own step, GuardLoyaltyColumns).
        var id = crm.Service.Create(new Entity("contact") { ["lastname"] = "Doe", ["cx_lastinteractionduration"] = 120 });
        Assert.Equal(120, crm.Get("contact", id)!["cx_lastinteractionduration"]);
    }

    [Fact]
    public void Should_ResolveGlobalChoicesAndAlternateKeys_When_TheProductSolutionIsLoaded()
    {
        var crm = LoadProduct();

        Assert.Contains(586700000, crm.Metadata.GlobalOptionSets["cx_partnertype"]);
        Assert.All(crm.Metadata.GlobalOptionSets.Values, options => Assert.Contains(586700000, options));
        Assert.Contains(586700000, crm.Metadata.Table("cx_partnerrelationship").Column("cx_partnertype")!.Options);
        Assert.Equal(new[] { "cx_period" }, crm.Metadata.Table("cx_kpisnapshot").Keys.Single().Columns);
        Assert.Equal(new[] { "cx_customerid", "cx_productid" }, crm.Metadata.Table("cx_crossselloffer").Keys.Single().Columns);
        Assert.Equal(9, CustomTables.Count(t => crm.Metadata.Table(t).Keys.Count > 0));
    }

    [Fact]
    public void Should_WriteCustomRowsAndAssignOwners_When_TheProductSolutionIsLoaded()
    {
        var crm = LoadProduct();
        var contact = crm.Service.Create(new Entity("contact") { ["lastname"] = "Doe" });
        var colleague = crm.CreateUser("Colleague");

        var interaction = crm.Service.Create(new Entity("cx_interaction")
        {
            ["cx_name"] = "Call",
            ["cx_customerid"] = new EntityReference("contact", contact),
            ["cx_channel"] = new OptionSetValue(crm.Metadata.Table("cx_interaction").Column("cx_channel")!.Options.Min()),
        });
        crm.Service.Update(new Entity("cx_interaction", interaction) { ["ownerid"] = new EntityReference("systemuser", colleague) });

        Assert.Equal(colleague, crm.Get("cx_interaction", interaction)!.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(new[] { "systemuser", "team" }, crm.Metadata.Table("cx_interaction").Column("ownerid")!.Targets.OrderBy(t => t));
    }

    [Fact]
    public void Should_ReadSecurityRoles_When_TheProductSolutionIsLoaded()
    {
        var crm = LoadProduct();

        Assert.Equal(new[] { "CRM Strategy Manager", "Customer Relationship User", "Loyalty Administrator" },
            crm.Metadata.Roles.Select(r => r.Name).OrderBy(n => n));
        var user = crm.Metadata.Roles.Single(r => r.Name == "Customer Relationship User");
        Assert.Equal(PrivilegeDepth.Basic, user.Privileges["prvCreatecx_interaction"]);
        Assert.Equal(PrivilegeDepth.Global, user.Privileges["prvReadcx_loyaltyprogram"]);
    }

    [Fact]
    public void Should_LoadTablesStepsAndCustomApis_When_TheFixtureSolutionIsGiven()
    {
        var crm = EmulatorFixture.Create();
        Assert.Equal(100, crm.Metadata.Table("test_order").Column("test_name")!.MaxLength);
        Assert.True(crm.Metadata.Table("test_order").Column("test_secret")!.IsSecured);
        Assert.Contains(175140001, crm.Metadata.Table("test_order").Column("test_priority")!.Options);
        Assert.Contains("contact", crm.Metadata.Table("test_order").Column("test_customerid")!.Targets);
        Assert.Equal("test_code", Assert.Single(crm.Metadata.Table("test_order").Keys).Columns.Single());
        Assert.Equal(15, crm.Metadata.Steps.Count);
        Assert.Contains(crm.Metadata.Steps, s => s.Message == "CreateMultiple" && s.Stage == 20);
        Assert.Equal("test_Calculate", Assert.Single(crm.Metadata.CustomApis.Values).UniqueName);
        Assert.Equal("systemuserid", crm.Metadata.Table("usersettings").PrimaryIdAttribute);
        foreach (var table in StandardTableNames) Assert.True(crm.Metadata.HasTable(table), table);
    }
}
