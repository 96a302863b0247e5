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

    public const string DisplayNameAttribute = "System.ComponentModel.DisplayNameAttribute";

    /// <summary>
    /// An activity: its type's full name, and the name the designer shows ([DisplayName] on the class, else the type's name).
    /// </summary>
    public sealed record Activity(string FullName, string DisplayName);

    public sealed record Scan(string Name, string FullName, IReadOnlyList<Activity> Activities);

    public static Scan Read(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var reader = pe.GetMetadataReader();
        var definition = reader.GetAssemblyDefinition();
        var name = reader.GetString(definition.Name);
        var publicKey = reader.GetBlobBytes(definition.PublicKey);
        var fullName = PluginAssemblyXml.FullName(name, definition.Version, Token(publicKey));

        var activities = new List<Activity>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if ((type.Attributes & TypeAttributes.Abstract) == 0 && type.GetDeclaringType().IsNil && DerivesFromCodeActivity(reader, type))
            {
                activities.Add(
                    new Activity(Name(reader, type.Namespace, type.Name), DisplayNameOf(reader, type) ?? reader.GetString(type.Name)));
            }
        }

        activities.Sort((a, b) => StringComparer.Ordinal.Compare(a.FullName, b.FullName));
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

    /// <summary>The string argument of the class's [DisplayName("...")], read from the attribute blob; null without one.</summary>
    private static string? DisplayNameOf(MetadataReader reader, TypeDefinition type)
    {
        foreach (var handle in type.GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference) continue;
            var attributeType = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (Name(reader, attributeType.Namespace, attributeType.Name) != DisplayNameAttribute) continue;

            // Blob: prolog 0x0001, then the SerString argument.
            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1) continue;
            return blob.ReadSerializedString();
        }

        return null;
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
