using System;
using System.IO;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests;

/// <summary>
/// Environment variable definitions of the solution arrive as rows, as an import creates them; values are per environment.
/// </summary>
public class EnvironmentVariableTests
{
    private static readonly string ProductSolution =
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "solution", "src"));

    [Fact]
    public void Should_SeedOneDefinitionPerFolder_When_TheSolutionDeclaresEnvironmentVariables()
    {
        var crm = DataverseEmulator.FromSolution(ProductSolution, typeof(Crm.Extensions.Plugins.Framework.PluginBase).Assembly);

        var folders = Directory.GetDirectories(Path.Combine(ProductSolution, "environmentvariabledefinitions")).Length;
        var margin = crm.All("environmentvariabledefinition").Single(d => (string)d["schemaname"] == "cx_MinimumPropositionMarginPercent");
        Assert.Equal(folders, crm.Count("environmentvariabledefinition"));
        Assert.Equal("15", margin["defaultvalue"]);
        Assert.Equal(100000001, margin.GetAttributeValue<OptionSetValue>("type").Value);
        Assert.Equal(0, crm.Count("environmentvariablevalue"));
    }

    [Fact]
    public void Should_ReturnTheCurrentValue_When_DefinitionIsJoinedToItsValue()
    {
        var crm = DataverseEmulator.FromSolution(ProductSolution, typeof(Crm.Extensions.Plugins.Framework.PluginBase).Assembly);
        var definition = crm.All("environmentvariabledefinition").Single(d => (string)d["schemaname"] == "cx_ParetoThresholdPercent");
        crm.Seed(
            new Entity("environmentvariablevalue") { ["schemaname"] = "cx_ParetoThresholdPercent", ["value"] = "70",
                ["environmentvariabledefinitionid"] = definition.ToEntityReference() });

        var query = new QueryExpression("environmentvariabledefinition") { ColumnSet = new ColumnSet("schemaname", "defaultvalue") };
        query.Criteria.AddCondition("schemaname", ConditionOperator.Equal, "cx_ParetoThresholdPercent");
        var value = query.AddLink("environmentvariablevalue", "environmentvariabledefinitionid", "environmentvariabledefinitionid",
            JoinOperator.LeftOuter);
        value.EntityAlias = "v";
        value.Columns = new ColumnSet("value");
        var row = crm.Service.RetrieveMultiple(query).Entities.Single();

        Assert.Equal("70", row.GetAttributeValue<AliasedValue>("v.value").Value);
    }

    [Fact]
    public void Should_SeedNoDefinitions_When_TheSolutionHasNoEnvironmentVariables()
    {
        var crm = EmulatorFixture.Create();

        Assert.Equal(0, crm.Count("environmentvariabledefinition"));
    }
}
