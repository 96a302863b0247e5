using System.IO;
using System.Linq;
using Crm.Extensions.Sdk.Tests.Metadata;
using Xunit.Abstractions;

namespace Crm.Extensions.Sdk.Tests;

/// <summary>
/// (a) Microsoft's Microsoft.Xrm.Tooling.Connector.dll was compiled against the real SDK. Every member it references
/// on a type our contract defines must exist in the contract with the same signature, in both contract builds.
/// </summary>
public sealed class ConnectorFidelityTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("net462")]
    [InlineData("net10.0")]
    public void Should_MatchEveryConnectorReference_When_TheContractDefinesTheType(string targetFramework)
    {
        Assert.True(File.Exists(BuildPaths.ConnectorAssembly), $"Restore downloads the Connector package to {BuildPaths.ConnectorAssembly}.");
        var contract = ContractSurface.Load(BuildPaths.ContractAssembly("Xrm.Sdk", "Microsoft.Xrm.Sdk", targetFramework));
        var references = ReferenceScanner.Scan(BuildPaths.ConnectorAssembly, "Microsoft.Xrm.Sdk");

        var onDefinedTypes = references.Members.Where(m => contract.Defines(m.DeclaringType)).Distinct().ToList();
        var onOtherTypes = references.Members.Where(m => !contract.Defines(m.DeclaringType)).Distinct().ToList();
        var mismatched = onDefinedTypes.Where(m => contract.Find(m) == MemberLookup.SignatureMismatch).ToList();
        var absent = onDefinedTypes.Where(m => contract.Find(m) == MemberLookup.Absent).ToList();
        var typesDefined = references.Types.Count(contract.Defines);

        output.WriteLine($"Connector coverage ({targetFramework} contract): {onDefinedTypes.Count} member references checked on "
            + $"{typesDefined} defined types; {onOtherTypes.Count} references on {references.Types.Count - typesDefined} types not yet defined; "
            + $"{mismatched.Count} mismatches; {absent.Count} absent.");
        foreach (var type in references.Types.Where(t => !contract.Defines(t))) output.WriteLine("  not yet defined: " + type);
        foreach (var member in mismatched) output.WriteLine("  MISMATCH " + member);
        foreach (var member in absent) output.WriteLine("  ABSENT " + member);

        Assert.NotEmpty(onDefinedTypes);
        Assert.Empty(mismatched);
        Assert.Empty(absent);
    }
}
