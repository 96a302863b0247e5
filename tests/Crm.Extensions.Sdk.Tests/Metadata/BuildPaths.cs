using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Crm.Extensions.Sdk.Tests.Metadata;

/// <summary>Where the build put the files these tests read; recorded into the test assembly at build time.</summary>
internal static class BuildPaths
{
    public static string RepoRoot => Value("RepoRoot");

    public static string Configuration => Value("Configuration");

    public static string NuGetPackageRoot => Value("NuGetPackageRoot");

    public static string ConnectorAssembly => Path.Combine(
        NuGetPackageRoot, "microsoft.crmsdk.xrmtooling.coreassembly", "9.1.1.103", "lib", "net462", "Microsoft.Xrm.Tooling.Connector.dll");

    public static string Net462ReferenceAssemblies => Path.Combine(
        NuGetPackageRoot, "microsoft.netframework.referenceassemblies.net462", "1.0.3", "build", ".NETFramework", "v4.6.2");

    public static string Deployable(string projectFolder, string assemblyName) =>
        Path.Combine(RepoRoot, projectFolder, assemblyName, "bin", Configuration, "net462", assemblyName + ".dll");

    public static string ContractAssembly(string projectFolder, string assemblyName, string targetFramework) =>
        Path.Combine(RepoRoot, "sdk", projectFolder, "bin", Configuration, targetFramework, assemblyName + ".dll");

    private static string Value(string key) =>
        typeof(BuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");
}
