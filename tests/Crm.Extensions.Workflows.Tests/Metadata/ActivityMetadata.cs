using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Crm.Extensions.Workflows.Tests.Metadata;

/// <summary>
/// Reads a net462 workflow assembly without loading it (System.Activities does not exist on net10.0): its activity
/// types, their base chains, their argument properties with attributes, and its assembly references.
/// </summary>
internal sealed class ActivityMetadata : IDisposable
{
    private const string WorkflowAttributes = "Microsoft.Xrm.Sdk.Workflow";
    private const string ActivityAttributes = "System.Activities";

    private readonly PEReader _pe;
    private readonly MetadataReader _reader;

    public ActivityMetadata(string path)
    {
        _pe = new PEReader(File.OpenRead(path));
        _reader = _pe.GetMetadataReader();
    }

    /// <summary>Public concrete types of the namespace, by name.</summary>
    public IReadOnlyList<string> PublicConcreteTypes(string ns) => Types(ns)
        .Where(t => (t.Attributes & TypeAttributes.Public) != 0 && (t.Attributes & TypeAttributes.Abstract) == 0)
        .Select(t => _reader.GetString(t.Name))
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToList();

    /// <summary>Full names from the type up to the last base this assembly can see (a type of another assembly).</summary>
    public IReadOnlyList<string> BaseChain(string ns, string name)
    {
        var chain = new List<string>();
        var type = Type(ns, name);
        while (true)
        {
            var baseHandle = type.BaseType;
            if (baseHandle.IsNil) return chain;
            if (baseHandle.Kind == HandleKind.TypeDefinition)
            {
                type = _reader.GetTypeDefinition((TypeDefinitionHandle)baseHandle);
                chain.Add(_reader.GetString(type.Namespace) + "." + _reader.GetString(type.Name));
                continue;
            }

            var reference = _reader.GetTypeReference((TypeReferenceHandle)baseHandle);
            chain.Add(_reader.GetString(reference.Namespace) + "." + _reader.GetString(reference.Name));
            return chain;
        }
    }

    /// <summary>
    /// Each property as "Name: Type [Attribute(args)]..." with the attributes of Microsoft.Xrm.Sdk.Workflow and
    /// System.Activities, sorted, e.g. "Contact: System.Activities.InArgument`1&lt;Microsoft.Xrm.Sdk.EntityReference&gt; [Input(Contact)]
    /// [ReferenceTarget(contact)]".
    /// </summary>
    public IReadOnlyList<string> Arguments(string ns, string name)
    {
        var type = Type(ns, name);
        var lines = new List<string>();
        foreach (var handle in type.GetProperties())
        {
            var property = _reader.GetPropertyDefinition(handle);
            var signature = property.DecodeSignature(new SignatureNames(_reader), null);
            var attributes = property.GetCustomAttributes()
                .Select(h => Describe(_reader.GetCustomAttribute(h)))
                .Where(a => a is not null)
                .OrderBy(a => a, StringComparer.Ordinal);
            lines.Add(_reader.GetString(property.Name) + ": " + signature.ReturnType + string.Concat(attributes.Select(a => " " + a)));
        }

        return lines;
    }

    /// <summary>The argument of the class's [System.ComponentModel.DisplayName(...)], or null without one.</summary>
    public string? DisplayName(string ns, string name)
    {
        foreach (var handle in Type(ns, name).GetCustomAttributes())
        {
            var attribute = _reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            var constructor = _reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference) continue;
            var type = _reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (_reader.GetString(type.Namespace) != "System.ComponentModel" || _reader.GetString(type.Name) != "DisplayNameAttribute")
                continue;
            return attribute.DecodeValue(new AttributeValues()).FixedArguments.Single().Value as string;
        }

        return null;
    }

    public IReadOnlyList<AssemblyName> References() =>
        _reader.AssemblyReferences.Select(h => _reader.GetAssemblyReference(h).GetAssemblyName()).ToList();

    /// <summary>The identity of a file that is an assembly; null for a module or a file without metadata.</summary>
    public static AssemblyName? AssemblyNameOf(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        if (!pe.HasMetadata) return null;
        var reader = pe.GetMetadataReader();
        return reader.IsAssembly ? reader.GetAssemblyDefinition().GetAssemblyName() : null;
    }

    public void Dispose() => _pe.Dispose();

    private IEnumerable<TypeDefinition> Types(string ns) =>
        _reader.TypeDefinitions.Select(_reader.GetTypeDefinition).Where(t => _reader.GetString(t.Namespace) == ns);

    private TypeDefinition Type(string ns, string name) => Types(ns).Single(t => _reader.GetString(t.Name) == name);

    private string? Describe(CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference) return null;
        var constructor = _reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
        if (constructor.Parent.Kind != HandleKind.TypeReference) return null;
        var type = _reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
        var ns = _reader.GetString(type.Namespace);
        if (ns != WorkflowAttributes && ns != ActivityAttributes) return null;

        var name = _reader.GetString(type.Name);
        name = name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
        var value = attribute.DecodeValue(new AttributeValues());
        return "[" + name + "("
            + string.Join(", ",
                value.FixedArguments.Select(a => Convert.ToString(a.Value, System.Globalization.CultureInfo.InvariantCulture))) + ")]";
    }

    private sealed class SignatureNames(MetadataReader reader) : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;

        public string GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            var type = metadata.GetTypeDefinition(handle);
            return metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name);
        }

        public string GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var type = metadata.GetTypeReference(handle);
            return metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name);
        }

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
            genericType + "<" + string.Join(",", typeArguments) + ">";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle,
            byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }

    /// <summary>Enough of the attribute blob format for the string and bool arguments the workflow attributes take.</summary>
    private sealed class AttributeValues : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) => "definition";

        public string GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind) => "reference";

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
