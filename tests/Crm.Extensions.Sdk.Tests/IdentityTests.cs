using System.IO;
using System.Linq;
using Crm.Extensions.Sdk.Tests.Metadata;

namespace Crm.Extensions.Sdk.Tests;

/// <summary>
/// (b) A deployable built here must bind in Dataverse exactly as one built on Microsoft's SDK packages:
/// same SDK identities, nothing outside .NET Framework 4.6.2, really strong-name signed, no SDK copy beside it.
/// </summary>
public sealed class IdentityTests
{
    private const string MicrosoftToken = "31bf3856ad364e35";

    public static TheoryData<string, string, string[]> Deployables => new()
    {
        // Both compile the Dataverse adapters, whose tier change sends the typed list-membership messages of Microsoft.Crm.Sdk.Proxy.
        { "plugins", "Crm.Extensions.Plugins", new[] { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy" } },
        { "workflows", "Crm.Extensions.Workflows", new[] { "Microsoft.Xrm.Sdk", "Microsoft.Xrm.Sdk.Workflow", "Microsoft.Crm.Sdk.Proxy" } },
    };

    [Theory]
    [InlineData("Xrm.Sdk", "Microsoft.Xrm.Sdk")]
    [InlineData("Xrm.Sdk.Workflow", "Microsoft.Xrm.Sdk.Workflow")]
    [InlineData("Crm.Sdk.Proxy", "Microsoft.Crm.Sdk.Proxy")]
    public void Should_CarryMicrosoftsIdentity_When_TheContractIsBuilt(string project, string assemblyName)
    {
        foreach (var framework in new[] { "net462", "net10.0" })
        {
            var identity = AssemblyIdentity.Of(BuildPaths.ContractAssembly(project, assemblyName, framework));

            Assert.Equal(new AssemblyIdentity(assemblyName, new System.Version(9, 0, 0, 0), MicrosoftToken), identity);
        }
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Should_ReferenceTheSdkByMicrosoftsIdentity_When_TheDeployableIsBuilt(string folder, string assemblyName,
        string[] sdkAssemblies)
    {
        var references = AssemblyIdentity.ReferencesOf(BuildPaths.Deployable(folder, assemblyName));

        foreach (var sdk in sdkAssemblies)
        {
            Assert.Contains(new AssemblyIdentity(sdk, new System.Version(9, 0, 0, 0), MicrosoftToken), references);
        }
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Should_ReferenceOnlyFrameworkAndSdk_When_TheDeployableIsBuilt(string folder, string assemblyName, string[] sdkAssemblies)
    {
        var framework = Directory.EnumerateFiles(BuildPaths.Net462ReferenceAssemblies, "*.dll", SearchOption.AllDirectories)
            .Where(AssemblyIdentity.IsAssembly)
            .Select(AssemblyIdentity.Of)
            .ToHashSet();

        var foreign = AssemblyIdentity.ReferencesOf(BuildPaths.Deployable(folder, assemblyName))
            .Where(r => !framework.Contains(r) && !sdkAssemblies.Contains(r.Name))
            .ToList();

        Assert.Empty(foreign);
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Should_BeStrongNameSigned_When_TheDeployableIsBuilt(string folder, string assemblyName, string[] sdkAssemblies)
    {
        _ = sdkAssemblies;
        var path = BuildPaths.Deployable(folder, assemblyName);

        Assert.NotEqual("null", AssemblyIdentity.Of(path).PublicKeyToken);
        Assert.True(StrongNameSignature.IsValid(path), $"{path} must carry a valid strong-name signature.");
    }

    [Fact]
    public void Should_FailSignatureCheck_When_TheAssemblyIsOnlyPublicSigned()
    {
        var contract = BuildPaths.ContractAssembly("Xrm.Sdk", "Microsoft.Xrm.Sdk", "net462");

        Assert.Equal(MicrosoftToken, AssemblyIdentity.Of(contract).PublicKeyToken);
        Assert.False(StrongNameSignature.IsValid(contract));
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Should_LeaveNoSdkCopy_When_TheDeployableIsBuilt(string folder, string assemblyName, string[] sdkAssemblies)
    {
        var output = Path.GetDirectoryName(BuildPaths.Deployable(folder, assemblyName))!;

        foreach (var sdk in sdkAssemblies)
        {
            Assert.False(File.Exists(Path.Combine(output, sdk + ".dll")), $"{sdk}.dll must not be copied next to {assemblyName}.");
        }
    }
}
