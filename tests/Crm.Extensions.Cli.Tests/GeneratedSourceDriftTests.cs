using System.IO;
using Crm.Extensions.Cli.Generation;
using Crm.Extensions.Cli.Metadata;

namespace Crm.Extensions.Cli.Tests;

/// <summary>The committed solution/src and early-bound classes are exactly what their generators write today.</summary>
[Collection(RepositoryCollection.Name)]
public sealed class GeneratedSourceDriftTests(RepositoryFixture fixture)
{
    [Theory]
    [InlineData("Entities")]
    [InlineData("OptionSets")]
    [InlineData("Roles")]
    [InlineData("Dashboards")]
    [InlineData("AppModules")]
    [InlineData("AppModuleSiteMaps")]
    [InlineData("environmentvariabledefinitions")]
    [InlineData("Other/Relationships")]
    [InlineData("WebResources")]
    public void Should_MatchTheModel_When_RegeneratingTheSolutionMetadata(string folder)
    {
        var generated = fixture.NewFolder("drift-solution");
        SolutionGenerator.Write(generated);

        DriftAssert.SameFiles(fixture.Repository.SolutionSource, generated, folder, "crmx generate solution");
    }

    [Fact]
    public void Should_MatchTheCommittedClasses_When_RegeneratingEarlyBound()
    {
        var generated = fixture.NewFolder("drift-earlybound");
        EarlyBoundGenerator.Write(fixture.Repository.SolutionSource, generated);

        DriftAssert.SameFiles(fixture.Repository.EarlyBound, generated, ".", "crmx generate earlybound");
    }

    [Fact]
    public void Should_GiveTheSameId_When_TheNameIsTheSame()
    {
        Assert.Equal(DeterministicGuid.Create("form:cx_reward:main"), DeterministicGuid.Create("form:cx_reward:main"));
        Assert.NotEqual(DeterministicGuid.Create("form:cx_reward:main"), DeterministicGuid.Create("form:cx_reward:quick"));
        Assert.Equal(5, DeterministicGuid.Create("x").ToByteArray(bigEndian: true)[6] >> 4);
    }
}
