using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Crm.Extensions.Sdk.Tests.Metadata;

/// <summary>A member as metadata sees it: how it binds, not what it does.</summary>
internal sealed record MemberShape(string DeclaringType, string Name, bool IsField, string Signature)
{
    public override string ToString() => $"{DeclaringType}::{Name} {Signature}";
}

/// <summary>The public and protected types of a compiled contract assembly, with their members and base types.</summary>
internal sealed class ContractSurface
{
    private readonly Dictionary<string, List<MemberShape>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _baseTypes = new(StringComparer.Ordinal);

    private ContractSurface()
    {
    }

    public IReadOnlyCollection<string> TypeNames => _members.Keys;

    public static ContractSurface Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var surface = new ContractSurface();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var name = MetadataNames.FullName(reader, handle);
            var members = new List<MemberShape>();
            foreach (var m in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(m);
                members.Add(
                    new MemberShape(name, reader.GetString(method.Name), false,
                        SignatureText.Of(reader, method.Signature, isField: false)));
            }

            foreach (var f in type.GetFields())
            {
                var field = reader.GetFieldDefinition(f);
                members.Add(
                    new MemberShape(name, reader.GetString(field.Name), true, SignatureText.Of(reader, field.Signature, isField: true)));
            }

            surface._members[name] = members;
            surface._baseTypes[name] = BaseTypeName(reader, type.BaseType);
        }

        return surface;
    }

    public bool Defines(string typeName) => _members.ContainsKey(typeName);

    /// <summary>Finds a member the way the runtime binds a member reference: on the type, then up its base types.</summary>
    public MemberLookup Find(MemberShape reference)
    {
        var nameSeen = false;
        for (var type = reference.DeclaringType; type != null && _members.TryGetValue(type, out var members); type = _baseTypes[type])
        {
            foreach (var member in members.Where(m => m.Name == reference.Name && m.IsField == reference.IsField))
            {
                nameSeen = true;
                if (member.Signature == reference.Signature) return MemberLookup.Match;
            }
        }

        return nameSeen ? MemberLookup.SignatureMismatch : MemberLookup.Absent;
    }

    private static string? BaseTypeName(MetadataReader reader, EntityHandle baseType) => baseType.IsNil ? null : baseType.Kind switch
    {
        HandleKind.TypeDefinition => MetadataNames.FullName(reader, (TypeDefinitionHandle)baseType),
        HandleKind.TypeReference => MetadataNames.FullName(reader, (TypeReferenceHandle)baseType),
        HandleKind.TypeSpecification => GenericDefinitionName(reader, (TypeSpecificationHandle)baseType),
        _ => null,
    };

    private static string? GenericDefinitionName(MetadataReader reader, TypeSpecificationHandle handle)
    {
        var generic = ReferenceScanner.GenericDefinition(reader, handle);
        return generic.Kind switch
        {
            HandleKind.TypeDefinition => MetadataNames.FullName(reader, (TypeDefinitionHandle)generic),
            HandleKind.TypeReference => MetadataNames.FullName(reader, (TypeReferenceHandle)generic),
            _ => null,
        };
    }
}

internal enum MemberLookup
{
    Match,
    SignatureMismatch,
    Absent,
}
