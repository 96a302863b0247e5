using System;
using System.IO;
using System.Linq;

namespace Crm.Extensions.Cli.Tests;

/// <summary>
/// Points are money: the ledger, the redemptions and the loyalty columns of contact and account are audited in the
/// committed solution metadata (table-level IsAuditEnabled and every custom column's), so every change shows in the audit
/// history (learn.microsoft.com/power-platform/admin/manage-dataverse-auditing: a table and its columns must both be enabled).
/// The flags sit where a real export puts them: IsAuditEnabled in each attribute and in the entity's own properties
/// (for example the unpacked export hmcts/pre-rec-evidence, src/Entities/Contact/Entity.xml). Contact and account travel
/// as shells (unmodified="1") so the import never overwrites a customer's settings of those standard tables; their
/// table-level audit is a deployment setting (solution/SECURITY.md), their loyalty columns are audited here.
/// </summary>
public sealed class LedgerAuditTests
{
    private static readonly SolutionSource Source = new(Path.Combine(Root(), "solution", "src"));

    [Theory]
    [InlineData("cx_loyaltytransaction")]
    [InlineData("cx_rewardredemption")]
    [InlineData("cx_loyaltyjourney")]
    public void Should_AuditTheTableAndEveryCustomColumn_When_TheTableHoldsPointsMovements(string table)
    {
        var entity = Source.Entity(table).Element("EntityInfo")!.Element("entity")!;
        var unaudited = entity.Descendants("attribute")
            .Where(column => column.Element("IsCustomField")?.Value == "1" && column.Element("IsAuditEnabled")?.Value != "1")
            .Select(column => column.Element("LogicalName")!.Value)
            .ToList();

        Assert.Equal("1", entity.Element("IsAuditEnabled")!.Value);
        Assert.Empty(unaudited);
    }

    [Theory]
    [InlineData("contact", "cx_pointsbalance")]
    [InlineData("contact", "cx_loyaltyblocked")]
    [InlineData("contact", "cx_loyaltytierid")]
    [InlineData("contact", "cx_tierfloorid")]
    [InlineData("account", "cx_pointsbalance")]
    [InlineData("account", "cx_loyaltyblocked")]
    [InlineData("contact", "cx_recencyscore")]
    [InlineData("contact", "cx_clv")]
    [InlineData("contact", "cx_customersegmentid")]
    [InlineData("contact", "cx_lifecyclestage")]
    [InlineData("account", "cx_rfmscore")]
    [InlineData("account", "cx_lifecyclestage")]
    [InlineData("cx_loyaltyjourney", "cx_phase")]
    [InlineData("cx_loyaltyjourney", "cx_phasehistory")]
    public void Should_AuditTheLoyaltyColumn_When_ACustomerCarriesIt(string table, string column)
    {
        Assert.Equal("1", Source.Attribute(table, column)!.Element("IsAuditEnabled")!.Value);
    }

    private static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Crm.Extensions.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException("Crm.Extensions.sln was not found above " + AppContext.BaseDirectory);
    }
}
