using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Crm.Extensions.Sdk.Tests.Metadata;

/// <summary>Name, version and public key token, as the loader compares them.</summary>
internal sealed record AssemblyIdentity(string Name, Version Version, string PublicKeyToken)
{
    public override string ToString() => $"{Name}, Version={Version}, PublicKeyToken={PublicKeyToken}";

    public static AssemblyIdentity Of(string path)
    {
        var name = AssemblyName.GetAssemblyName(path);
        return new AssemblyIdentity(name.Name!, name.Version!, Token(name.GetPublicKeyToken()));
    }

    /// <summary>The reference-assembly folders also hold native and non-assembly files.</summary>
    public static bool IsAssembly(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return pe.HasMetadata && pe.GetMetadataReader().IsAssembly;
    }

    public static IReadOnlyList<AssemblyIdentity> ReferencesOf(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(h => reader.GetAssemblyReference(h).GetAssemblyName())
            .Select(n => new AssemblyIdentity(n.Name!, n.Version!, Token(n.GetPublicKeyToken())))
            .ToList();
    }

    private static string Token(byte[]? token)
        => token is null || token.Length == 0 ? "null" : Convert.ToHexString(token).ToLowerInvariant();
}
