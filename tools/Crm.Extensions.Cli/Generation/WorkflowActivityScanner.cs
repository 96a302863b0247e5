using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace Crm.Extensions.Cli.Generation;

/// <summary>
/// Finds custom workflow activities in the net462 workflow assembly from its metadata alone:
/// System.Activities does not exist on .NET 10, so the assembly cannot be loaded here.
/// </summary>
public static class WorkflowActivityScanner
{
    public const string CodeActivity = "System.Activities.CodeActivity";

    public sealed record Scan(string Name, string FullName, IReadOnlyList<string> Activities);

    public static Scan Read(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var reader = pe.GetMetadataReader();
        var definition = reader.GetAssemblyDefinition();
        var name = reader.GetString(definition.Name);
        var publicKey = reader.GetBlobBytes(definition.PublicKey);
        var fullName = PluginAssemblyXml.FullName(name, definition.Version, Token(publicKey));

        var activities = new List<string>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if ((type.Attributes & TypeAttributes.Abstract) == 0 && type.GetDeclaringType().IsNil && DerivesFromCodeActivity(reader, type))
            {
                activities.Add(Name(reader, type.Namespace, type.Name));
            }
        }

        activities.Sort(StringComparer.Ordinal);
        return new Scan(name, fullName, activities);
    }

    private static bool DerivesFromCodeActivity(MetadataReader reader, TypeDefinition type)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            var baseType = type.BaseType;
            if (baseType.IsNil)
            {
                return false;
            }

            switch (baseType.Kind)
            {
                case HandleKind.TypeReference:
                    var reference = reader.GetTypeReference((TypeReferenceHandle)baseType);
                    return Name(reader, reference.Namespace, reference.Name) == CodeActivity;
                case HandleKind.TypeDefinition:
                    type = reader.GetTypeDefinition((TypeDefinitionHandle)baseType);
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    private static string Name(MetadataReader reader, StringHandle ns, StringHandle name)
    {
        var space = reader.GetString(ns);
        return space.Length == 0 ? reader.GetString(name) : $"{space}.{reader.GetString(name)}";
    }

    /// <summary>The public key token: the last 8 bytes of the key's SHA-1, reversed.</summary>
    private static byte[]? Token(byte[] publicKey)
    {
        if (publicKey.Length == 0)
        {
            return null;
        }

#pragma warning disable CA5350 // SHA-1 is how .NET defines a public key token; it is an identifier, not a security hash.
        var hash = SHA1.HashData(publicKey);
#pragma warning restore CA5350
        var token = hash[^8..];
        Array.Reverse(token);
        return token;
    }
}
