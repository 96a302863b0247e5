using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Model;
using Crm.Extensions.Cli.Packaging;
using Crm.Extensions.Cli.Validation;

namespace Crm.Extensions.Cli.Tests;

/// <summary>
/// The scheduled cloud flow that resumes paused portfolio analyses, and its Dataverse connection reference, as crmx writes,
/// packs and validates them. Facts taken from real solution exports and Microsoft Learn:
/// <list type="bullet">
/// <item>Source layout: <c>Workflows/&lt;Name&gt;-&lt;ID upper-case&gt;.json</c> beside <c>….json.data.xml</c> holding the
/// &lt;Workflow WorkflowId="{id lower-case}" Name&gt; entry with JsonFileName, Type 1, Subprocess 0, Category 5, Mode 0,
/// Scope 4, OnDemand 0, …, StateCode/StatusCode, RunAs 1, IsTransacted 1, IntroducedVersion, IsCustomizable,
/// IsCustomProcessingStepAllowedForOtherPublishers, PrimaryEntity none, LocalizedNames (microsoft/coe-starter-kit
/// CenterofExcellenceALMAccelerator/SolutionPackage/src/Workflows/
/// UpdateReleaseHistoryScheduled-D827D8D5-0C3B-ED11-9DB1-0022489E2A9E.json.data.xml).
/// The file name keeps the name's letters, digits and dashes (CenterofExcellenceAuditComponents/SolutionPackage/Workflows/
/// AdminAppArchiveandCleanUp-CheckApprovalsandArchive-311BCA28-….json.data.xml, from "Admin | App Archive and Clean Up - …").</item>
/// <item>Connection references stay inline in Other/Customizations.xml under &lt;connectionreferences&gt;, just before
/// &lt;Languages&gt;: connectionreference[@connectionreferencelogicalname] with connectionreferencedisplayname,
/// connectorid (/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps), iscustomizable, statecode 0,
/// statuscode 1; and Other/Solution.xml lists each flow as RootComponent type 29 by id, but no root component for the
/// five connection references it declares (coe-starter-kit CenterofExcellenceALMAccelerator/SolutionPackage/src/Other/
/// Customizations.xml and Solution.xml).</item>
/// <item>The flow JSON: properties.connectionReferences.&lt;api&gt; = { runtimeSource embedded, connection.
/// connectionReferenceLogicalName, api.name }, properties.definition with the Logic Apps 2016-06-01 schema, the
/// $connections and $authentication parameters, and OpenApiConnection actions whose host names connectionName,
/// operationId (ListRecords, UpdateRecord) and apiId; List rows takes entityName (the entity set), $filter and $select,
/// Update a row takes recordId and item/&lt;column&gt; (coe-starter-kit CenterofExcellenceALMAccelerator/SolutionPackage/
/// src/Workflows/GetReleaseHistory-745E5D0D-F62E-ED11-9DB1-000D3ADABDFC.json, which sets a choice as an integer,
/// "item/icontype": 100000001); a Recurrence trigger is { recurrence { frequency, interval }, type Recurrence }
/// (UpdateReleaseHistoryScheduled-….json); a Dataverse action authenticates with @parameters('$authentication')
/// (Microsoft Learn, "Work with cloud flows using code", https://learn.microsoft.com/power-automate/manage-flows-with-code).</item>
/// <item>The workflow table: category 5 is a modern flow (automated, instant or scheduled); statecode 0 Draft (Off),
/// 1 Activated (On), 2 Suspended; type 1 Definition (same page).</item>
/// <item>CustomizationsSolution.xsd 9.0.0.2090 knows neither &lt;connectionreferences&gt; nor JsonFileName; the rest of a
/// &lt;Workflow&gt; is checked against its WorkflowsType sequence.</item>
/// </list>
/// </summary>
[Collection(RepositoryCollection.Name)]
public sealed class CloudFlowTests(RepositoryFixture fixture)
{
    private static readonly StatusFlow Flow = CloudFlows.ResumePausedAnalyses;

    private string WorkflowsFolder => Path.Combine(fixture.Repository.SolutionSource, SourceLayout.WorkflowsFolder);

    private JsonNode CommittedDefinition() =>
        JsonNode.Parse(File.ReadAllBytes(Path.Combine(fixture.Repository.SolutionSource, CloudFlowXml.JsonFileName(Flow).TrimStart('/'))))!;

    private static JsonNode Actions(JsonNode definition) => definition["properties"]!["definition"]!["actions"]!;

    /// <summary>The value of a choice option of the committed Entity.xml, found by its English label: independent of the model.</summary>
    private string CommittedChoiceValue(string table, string column, string english) =>
        new SolutionSource(fixture.Repository.SolutionSource).Attribute(table, column)!.Descendants("option")
            .Single(o => o.Descendants("label")
                .Any(l => l.Attribute("languagecode")!.Value == "1033" && l.Attribute("description")!.Value == english))
            .Attribute("value")!.Value;

    [Fact]
    public void Should_ListPausedAnalysesByTheEntitySetOfOurMetadata_When_ReadingTheCommittedFlow()
    {
        var list = Actions(CommittedDefinition())[CloudFlowXml.ListActionName]!["inputs"]!;
        var entity = new SolutionSource(fixture.Repository.SolutionSource).Entity("cx_portfolioanalysis")
            .Descendants("EntitySetName").Single().Value;

        Assert.Equal("ListRecords", list["host"]!["operationId"]!.GetValue<string>());
        Assert.Equal(entity, list["parameters"]!["entityName"]!.GetValue<string>());
        Assert.Equal(CrmExtensionsModel.Table("cx_portfolioanalysis").EntitySetName, entity);
        Assert.Equal($"cx_analysisstatus eq {CommittedChoiceValue("cx_portfolioanalysis", "cx_analysisstatus", "Paused")}",
            list["parameters"]!["$filter"]!.GetValue<string>());
    }

    [Fact]
    public void Should_SetEachListedAnalysisToQueued_When_ReadingTheCommittedFlow()
    {
        var loop = Actions(CommittedDefinition())[CloudFlowXml.LoopName]!;
        var update = loop["actions"]![CloudFlowXml.UpdateActionName]!["inputs"]!;

        Assert.Equal("Foreach", loop["type"]!.GetValue<string>());
        Assert.Equal($"@outputs('{CloudFlowXml.ListActionName}')?['body/value']", loop["foreach"]!.GetValue<string>());
        Assert.Equal("UpdateRecord", update["host"]!["operationId"]!.GetValue<string>());
        Assert.Equal("cx_portfolioanalysiss", update["parameters"]!["entityName"]!.GetValue<string>());
        Assert.Equal($"@items('{CloudFlowXml.LoopName}')?['cx_portfolioanalysisid']",
            update["parameters"]!["recordId"]!.GetValue<string>());
        Assert.Equal(CommittedChoiceValue("cx_portfolioanalysis", "cx_analysisstatus", "Queued"),
            update["parameters"]!["item/cx_analysisstatus"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Should_RunEveryFiveMinutesThroughTheDeclaredConnectionReference_When_ReadingTheCommittedFlow()
    {
        var definition = CommittedDefinition();
        var recurrence = definition["properties"]!["definition"]!["triggers"]!["Recurrence"]!;
        var reference = definition["properties"]!["connectionReferences"]!["shared_commondataserviceforapps"]!;
        var declared = XElement.Load(Path.Combine(fixture.Repository.SolutionSource, SourceLayout.CustomizationsFile))
            .Element("connectionreferences")!.Elements("connectionreference").Single();

        Assert.Equal(("Recurrence", "Minute", 5), (recurrence["type"]!.GetValue<string>(),
            recurrence["recurrence"]!["frequency"]!.GetValue<string>(), recurrence["recurrence"]!["interval"]!.GetValue<int>()));
        Assert.Equal("embedded", reference["runtimeSource"]!.GetValue<string>());
        Assert.Equal(declared.Attribute("connectionreferencelogicalname")!.Value,
            reference["connection"]!["connectionReferenceLogicalName"]!.GetValue<string>());
        Assert.Equal("/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps", declared.Element("connectorid")!.Value);
    }

    [Fact]
    public void Should_DescribeAModernFlowThatImportsOn_When_ReadingTheWorkflowEntry()
    {
        var entry = XElement.Load(Directory.GetFiles(WorkflowsFolder, "*.json.data.xml").Single());

        Assert.Equal(CloudFlowXml.Id(Flow).Braced(), entry.Attribute("WorkflowId")!.Value);
        Assert.Equal(CloudFlowXml.JsonFileName(Flow), entry.Element("JsonFileName")!.Value);
        Assert.Matches("^/Workflows/CRMExtensions-Resumepausedportfolioanalyses-[0-9A-F-]{36}\\.json$",
            entry.Element("JsonFileName")!.Value);
        Assert.Equal(("1", "5", "1", "2", "none"), (entry.Element("Type")!.Value, entry.Element("Category")!.Value,
            entry.Element("StateCode")!.Value, entry.Element("StatusCode")!.Value, entry.Element("PrimaryEntity")!.Value));
    }

    [Fact]
    public void Should_ListTheFlowAsAProcessByIdAndNoRootForTheConnectionReference_When_WritingTheManifest()
    {
        var roots = XElement.Load(Path.Combine(fixture.Repository.SolutionSource, SourceLayout.SolutionFile))
            .Descendants("RootComponent").ToList();

        Assert.Contains(roots, r => r.Attribute("type")!.Value == "29" && r.Attribute("id")!.Value == CloudFlowXml.Id(Flow).Braced());
        Assert.Single(roots, r => r.Attribute("type")!.Value == "29");
        Assert.DoesNotContain(roots,
            r => (r.Attribute("schemaName")?.Value ?? string.Empty).Contains("CrmExtensionsDataverse", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_MatchTheModel_When_RegeneratingTheFlowsAndTheCustomizationsSkeleton()
    {
        var generated = fixture.NewFolder("drift-flows");
        SolutionGenerator.Write(generated);

        DriftAssert.SameFiles(fixture.Repository.SolutionSource, generated, SourceLayout.WorkflowsFolder, "crmx generate solution");
        Assert.Equal(File.ReadAllBytes(Path.Combine(fixture.Repository.SolutionSource, SourceLayout.CustomizationsFile)),
            File.ReadAllBytes(Path.Combine(generated, SourceLayout.CustomizationsFile)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_PackTheDefinitionTheEntryAndTheConnectionReference_When_PackingEachType(bool managed)
    {
        var package = SolutionZip.Read(managed ? fixture.ManagedZip : fixture.UnmanagedZip);
        var entry = package.Customizations.Element("Workflows")!.Elements("Workflow").Single();
        var sections = package.Customizations.Elements().Select(e => e.Name.LocalName).ToList();

        Assert.Equal(File.ReadAllBytes(Path.Combine(fixture.Repository.SolutionSource, CloudFlowXml.JsonFileName(Flow).TrimStart('/'))),
            package.Files[entry.Element("JsonFileName")!.Value.TrimStart('/')]);
        Assert.Equal(sections.IndexOf("Languages") - 1, sections.IndexOf("connectionreferences"));
        var reference = package.Customizations.Element("connectionreferences")!.Element("connectionreference")!;
        Assert.Equal("cx_CrmExtensionsDataverse", reference.Attribute("connectionreferencelogicalname")!.Value);
    }

    [Fact]
    public void Should_CheckTheWorkflowEntryAgainstTheSchema_When_ItsChildrenAreOutOfOrder()
    {
        var package = SolutionZip.Read(fixture.UnmanagedZip);
        var entry = package.Customizations.Element("Workflows")!.Element("Workflow")!;
        var category = entry.Element("Category")!;
        category.Remove();
        entry.Element("StateCode")!.AddAfterSelf(category);

        var errors = fixture.Schema.Validate(Xml.ToBytes(SchemaNormalizer.ForSchema(package.Customizations)));

        Assert.Contains(errors, e => e.Contains("Category", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ReportTheFile_When_TheFlowJsonDoesNotParse()
    {
        var package = SolutionZip.Read(fixture.UnmanagedZip);
        package.Files[CloudFlowXml.JsonFileName(Flow).TrimStart('/')] = Encoding.UTF8.GetBytes("{ \"properties\": ");

        var errors = CloudFlowRules.Check(package).ToList();

        Assert.Contains(errors, e => e.Contains("is not valid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ReportTheMissingRootComponent_When_SolutionXmlDoesNotListTheFlow()
    {
        var package = SolutionZip.Read(fixture.UnmanagedZip);
        package.Solution.Descendants("RootComponent").Single(r => r.Attribute("type")!.Value == "29").Remove();

        var errors = CloudFlowRules.Check(package).ToList();

        Assert.Contains(errors,
            e => e.Contains("solution.xml lists no RootComponent type=\"29\" with its WorkflowId", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_ReportTheConnectionReference_When_CustomizationsDoNotDeclareIt()
    {
        var package = SolutionZip.Read(fixture.UnmanagedZip);
        package.Customizations.Element("connectionreferences")!.RemoveNodes();

        var errors = CloudFlowRules.Check(package).ToList();

        Assert.Contains(errors, e => e.Contains(
            "uses connection reference cx_CrmExtensionsDataverse, which <connectionreferences> does not declare",
            StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"cx_analysisstatus eq 586700005\"", "\"cx_analysisstate eq 586700005\"",
        "column cx_analysisstate is not a column of cx_portfolioanalysiss")]
    [InlineData("\"cx_analysisstatus eq 586700005\"", "\"cx_analysisstatus eq 586700099\"",
        "586700099 is not a value of the choice cx_analysisstatus")]
    [InlineData("\"item/cx_analysisstatus\": 586700000", "\"item/cx_analysisstatus\": 1",
        "1 is not a value of the choice cx_analysisstatus")]
    [InlineData("\"entityName\": \"cx_portfolioanalysiss\"", "\"entityName\": \"cx_portfolioanalyses\"",
        "entity set cx_portfolioanalyses is not")]
    public void Should_ReportWhatTheMetadataLacks_When_TheFlowNamesATableColumnOrChoiceValueWeDoNotHave(
        string original, string broken, string expected)
    {
        var package = SolutionZip.Read(fixture.UnmanagedZip);
        var path = CloudFlowXml.JsonFileName(Flow).TrimStart('/');
        var text = Encoding.UTF8.GetString(package.Files[path]);
        Assert.Contains(original, text, StringComparison.Ordinal);
        package.Files[path] = Encoding.UTF8.GetBytes(text.Replace(original, broken, StringComparison.Ordinal));

        var errors = CloudFlowRules.Check(package).ToList();

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_RequireIsCustomizable_When_AManagedZipCarriesTheFlow()
    {
        var package = SolutionZip.Read(fixture.ManagedZip);
        package.Customizations.Element("Workflows")!.Element("Workflow")!.Element("IsCustomizable")!.Remove();

        var errors = ImportRules.ManagedPropertiesPresent(package).ToList();

        Assert.Contains(errors, e => e.Contains(
            "managed process CRM Extensions - Resume paused portfolio analyses has no IsCustomizable", StringComparison.Ordinal));
    }
}
