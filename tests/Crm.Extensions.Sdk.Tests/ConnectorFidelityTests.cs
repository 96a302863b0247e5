using System.Collections.Generic;
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
        Assert.True(File.Exists(BuildPaths.ConnectorAssembly),
            $"Restore downloads the Connector package to {BuildPaths.ConnectorAssembly}.");
        var contract = ContractSurface.Load(BuildPaths.ContractAssembly("Xrm.Sdk", "Microsoft.Xrm.Sdk", targetFramework));
        var references = ReferenceScanner.Scan(BuildPaths.ConnectorAssembly, "Microsoft.Xrm.Sdk");

        var onDefinedTypes = references.Members.Where(m => contract.Defines(m.DeclaringType)).Distinct().ToList();
        var onOtherTypes = references.Members.Where(m => !contract.Defines(m.DeclaringType)).Distinct().ToList();
        var mismatched = onDefinedTypes.Where(m => contract.Find(m) == MemberLookup.SignatureMismatch).ToList();
        var absent = onDefinedTypes.Where(m => contract.Find(m) == MemberLookup.Absent).ToList();
        var typesDefined = references.Types.Count(contract.Defines);

        var report = new List<string>
        {
            $"Connector coverage ({targetFramework} contract): {onDefinedTypes.Count} member references checked on {typesDefined} " +
            $"defined types; "
            + $"{onOtherTypes.Count} references on {references.Types.Count - typesDefined} types not yet defined; {mismatched.Count} " +
                $"mismatches; {absent.Count} absent.",
        };
        report.AddRange(mismatched.Select(m => "  MISMATCH " + m));
        report.AddRange(absent.Select(m => "  ABSENT " + m));
        report.AddRange(references.Types.Where(t => !contract.Defines(t)).Select(t => "  not yet defined: " + t));
        report.ForEach(output.WriteLine);
        CoverageReport.Write($"connector-coverage-{targetFramework}.txt", report);

        Assert.NotEmpty(onDefinedTypes);
        Assert.Empty(mismatched);
        Assert.Empty(absent);
    }

    [Fact]
    public void Should_TellMismatchFromAbsence_When_AReferenceDisagreesWithTheContract()
    {
        var contract = ContractSurface.Load(BuildPaths.ContractAssembly("Xrm.Sdk", "Microsoft.Xrm.Sdk", "net10.0"));
        const string entity = "Microsoft.Xrm.Sdk.Entity";

        Assert.Equal(MemberLookup.Match,
            contract.Find(new MemberShape(entity, "get_Attributes", false, "instance Microsoft.Xrm.Sdk.AttributeCollection ()")));
        Assert.Equal(MemberLookup.SignatureMismatch,
            contract.Find(new MemberShape(entity, "get_Attributes", false, "instance Microsoft.Xrm.Sdk.ParameterCollection ()")));
        Assert.Equal(MemberLookup.SignatureMismatch,
            contract.Find(new MemberShape(entity, "get_Attributes", false, "static Microsoft.Xrm.Sdk.AttributeCollection ()")));
        Assert.Equal(MemberLookup.Absent, contract.Find(new MemberShape(entity, "get_Colour", false, "instance System.String ()")));
        Assert.Equal(MemberLookup.Match,
            contract.Find(new MemberShape("Microsoft.Xrm.Sdk.AttributeCollection", "get_Count", false, "instance System.Int32 ()")));
    }
}
