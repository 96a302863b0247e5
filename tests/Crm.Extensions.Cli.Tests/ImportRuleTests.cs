using System;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Packaging;
using Crm.Extensions.Cli.Validation;

namespace Crm.Extensions.Cli.Tests;

/// <summary>
/// Each import rule on the committed zips (no errors) and on a copy broken the way the rule exists to catch.
/// Shapes compared with real exports are listed in solution/README.md ("Compared with real exports").
/// </summary>
[Collection(RepositoryCollection.Name)]
public sealed class ImportRuleTests(RepositoryFixture fixture)
{
    private SolutionPackage Unmanaged() => SolutionZip.Read(fixture.UnmanagedZip);

    private SolutionPackage Managed() => SolutionZip.Read(fixture.ManagedZip);

    private static XElement Entity(SolutionPackage package, string schemaName) =>
        package.Customizations.Element("Entities")!.Elements("Entity").Single(e => e.Element("Name")!.Value == schemaName);

    [Fact]
    public void Should_ReportNoImportRuleErrors_When_TheCommittedZipsAreChecked()
    {
        Assert.Empty(ImportRules.Check(Unmanaged()));
        Assert.Empty(ImportRules.Check(Managed()));
    }

    [Fact]
    public void Should_ReportAQuickViewFormWithScripts_When_AQuickCreateFormIsPackedAsQuick()
    {
        var package = Unmanaged();
        Entity(package, "cx_Interaction").Descendants("forms").Single(f => f.Attribute("type")!.Value == "quickCreate")
            .SetAttributeValue("type", "quick");

        var errors = ImportRules.FormTypesMatchTheirUse(package.Customizations).ToList();

        Assert.Contains(errors, e => e.Contains("quick view form ('quick') has script handlers", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("no quickCreate form", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ReportTheCascade_When_AnOwnerRelationshipIsParental()
    {
        var package = Unmanaged();
        var owner = package.Customizations.Descendants("EntityRelationship")
            .Single(r => r.Attribute("Name")!.Value == "owner_cx_interaction");
        owner.Element("CascadeAssign")!.Value = "Cascade";
        owner.Element("CascadeDelete")!.Value = "Cascade";

        var errors = ImportRules.SystemRelationshipCascades(package.Customizations).ToList();

        Assert.Contains(errors, e => e.Contains("owner_cx_interaction: CascadeAssign is Cascade", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("parental lookups", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ReportThePrivilege_When_ARoleGrantsAssignOnAnOrganizationOwnedTable()
    {
        var package = Unmanaged();
        package.Customizations.Descendants("RolePrivileges").First()
            .Add(new XElement("RolePrivilege", new XAttribute("name", "prvAssigncx_LoyaltyProgram"), new XAttribute("level", "Global")));

        var errors = ImportRules.PrivilegesExistForOwnership(package.Customizations).ToList();

        Assert.Contains(errors, e => e.Contains("prvAssigncx_LoyaltyProgram does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ReportTheView_When_ItsLayoutHardCodesATypeCode()
    {
        var package = Unmanaged();
        package.Customizations.Descendants("savedquery").First().Element("layoutxml")!.Element("grid")!.SetAttributeValue("object", 10510);

        var errors = ImportRules.NoHardCodedTypeCodes(package.Customizations).ToList();

        Assert.Single(errors);
        Assert.Contains("object=", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportTheRelationship_When_ItsStandardTableIsNotADeclaredDependency()
    {
        var package = Unmanaged();
        package.Solution.Descendants("MissingDependency")
            .Where(d => d.Element("Required")!.Attribute("schemaName")!.Value == "incident").ToList().ForEach(d => d.Remove());

        var errors = ImportRules.StandardTablesDeclared(package).ToList();

        Assert.Contains(errors,
            e => e.Contains("relationship cx_incident_satisfactionsurvey_incidentid needs table incident", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ReportTheLabelSet_When_ACustomApiHasNoSpanishLabel()
    {
        var package = Unmanaged();
        var entry = package.Files.Keys.First(k => k.EndsWith("/customapi.xml", StringComparison.Ordinal));
        var api = XElement.Parse(System.Text.Encoding.UTF8.GetString(package.Files[entry]).TrimStart('\uFEFF'));
        api.Element("displayname")!.Elements("label").Where(l => l.Attribute("languagecode")!.Value == "3082").Remove();
        package.Files[entry] = System.Text.Encoding.UTF8.GetBytes(api.ToString());

        var errors = ImportRules.LabelsInEveryLanguage(package).ToList();

        Assert.Single(errors);
        Assert.Contains($"{entry}: <displayname>", errors[0], StringComparison.Ordinal);
        Assert.Contains("no label in 3082", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportTheStep_When_AManagedZipLeavesOutItsManagedProperty()
    {
        var package = Managed();
        package.Customizations.Descendants("SdkMessageProcessingStep").First().Element("IsCustomizable")!.Remove();

        var errors = ImportRules.ManagedPropertiesPresent(package).ToList();

        Assert.Single(errors);
        Assert.StartsWith("managed step", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_KeepStepsCustomApisAndTheLedgerLocked_When_TheManagedZipIsBuilt()
    {
        var package = Managed();

        Assert.All(package.Customizations.Descendants("SdkMessageProcessingStep"),
            s => Assert.Equal("0", s.Element("IsCustomizable")!.Value));
        Assert.Equal("0",
            Entity(package, "cx_LoyaltyTransaction").Element("EntityInfo")!.Element("entity")!.Element("IsCustomizable")!.Value);
        Assert.All(package.Customizations.Descendants("systemform"), f => Assert.Equal("1", f.Element("IsCustomizable")!.Value));
        Assert.All(package.Customizations.Descendants("savedquery"), v => Assert.Equal("1", v.Element("IsCustomizable")!.Value));
    }
}
