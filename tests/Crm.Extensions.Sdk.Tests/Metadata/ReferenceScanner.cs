using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Crm.Extensions.Sdk.Tests.Metadata;

/// <summary>What a compiled assembly references in another assembly: types, and members with their signatures.</summary>
internal sealed class ReferenceScanner
{
    private ReferenceScanner(IReadOnlySet<string> types, IReadOnlyList<MemberShape> members)
    {
        Types = types;
        Members = members;
    }

    public IReadOnlySet<string> Types { get; }

    public IReadOnlyList<MemberShape> Members { get; }

    public static ReferenceScanner Scan(string path, string targetAssembly)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();

        var types = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var handle in reader.TypeReferences)
        {
            if (MetadataNames.TargetAssembly(reader, handle) == targetAssembly) types.Add(MetadataNames.FullName(reader, handle));
        }

        var members = new List<MemberShape>();
        foreach (var handle in reader.MemberReferences)
        {
            var reference = reader.GetMemberReference(handle);
            var declaring = DeclaringTypeReference(reader, reference.Parent);
            if (declaring is not { } typeRef || MetadataNames.TargetAssembly(reader, typeRef) != targetAssembly) continue;
            var isField = SignatureText.IsField(reader, reference.Signature);
            members.Add(new MemberShape(
                MetadataNames.FullName(reader, typeRef),
                reader.GetString(reference.Name),
                isField,
                SignatureText.Of(reader, reference.Signature, isField)));
        }

        return new ReferenceScanner(types, members);
    }

    /// <summary>The type definition or reference behind a generic instantiation such as DataCollection&lt;Entity&gt;.</summary>
    public static EntityHandle GenericDefinition(MetadataReader reader, TypeSpecificationHandle handle)
    {
        var blob = reader.GetBlobReader(reader.GetTypeSpecification(handle).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return default;
        blob.ReadCompressedInteger(); // CLASS or VALUETYPE
        return blob.ReadTypeHandle();
    }

    private static TypeReferenceHandle? DeclaringTypeReference(MetadataReader reader, EntityHandle parent) => parent.Kind switch
    {
        HandleKind.TypeReference => (TypeReferenceHandle)parent,
        HandleKind.TypeSpecification when GenericDefinition(reader, (TypeSpecificationHandle)parent) is {
            Kind: HandleKind.TypeReference } generic
            => (TypeReferenceHandle)generic,
        _ => null,
    };
}
