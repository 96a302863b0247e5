using System;
using System.Security.Cryptography;
using System.Text;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>
/// Name-based UUIDs (RFC 4122 version 5): the same name always gives the same id,
/// so regenerating the solution is byte-stable and ids never collide across components.
/// </summary>
public static class DeterministicGuid
{
    /// <summary>The namespace of every id this solution generates.</summary>
    private static readonly Guid Namespace = new("5f0c8a3e-58f6-4f1e-9c8d-58670c8e0000");

    public static Guid Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var namespaceBytes = Namespace.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, namespaceBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 prescribes for version 5; this is an id, not a security hash.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The form Dataverse writes in XML: lower case, in braces.</summary>
    public static string Braced(this Guid id) => id.ToString("B");
}
