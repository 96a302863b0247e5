using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Crm.Extensions.Workflows.Tests.Infrastructure;

/// <summary>Where the build put the files these tests read; recorded into the test assembly at build time.</summary>
internal static class BuildPaths
{
    public static string RepoRoot => Value("RepoRoot");

    public static string Configuration => Value("Configuration");

    public static string NuGetPackageRoot => Value("NuGetPackageRoot");

    /// <summary>The .NET Framework 4.6.2 reference assemblies the net462 build compiled against.</summary>
    public static string Net462ReferenceAssemblies => Path.Combine(
        NuGetPackageRoot, "microsoft.netframework.referenceassemblies.net462", "1.0.3", "build", ".NETFramework", "v4.6.2");

    public static string SolutionSource => Path.Combine(RepoRoot, "solution", "src");

    /// <summary>The net462 workflow assembly that deploys.</summary>
    public static string WorkflowAssembly => Output("workflows", "Crm.Extensions.Workflows", "net462");

    /// <summary>The plugins' net10.0 build, run by the emulator.</summary>
    public static string PluginAssembly => Output("plugins", "Crm.Extensions.Plugins", "net10.0");

    private static string Output(string folder, string assemblyName, string targetFramework) =>
        Path.Combine(RepoRoot, folder, assemblyName, "bin", Configuration, targetFramework, assemblyName + ".dll");

    private static string Value(string key) =>
        typeof(BuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");
}
