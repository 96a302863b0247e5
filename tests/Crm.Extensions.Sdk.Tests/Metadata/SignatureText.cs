using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Crm.Extensions.Sdk.Tests.Metadata;

/// <summary>
/// Renders metadata signatures as text with types by full name and without assembly, so that a signature
/// compiled against mscorlib (the Connector) compares equal to one compiled against System.Runtime (net10.0).
/// </summary>
internal sealed class SignatureText : ISignatureTypeProvider<string, object?>
{
    private readonly MetadataReader _reader;

    public SignatureText(MetadataReader reader) => _reader = reader;

    public static string Of(MetadataReader reader, BlobHandle signature, bool isField)
    {
        var decoder = new SignatureDecoder<string, object?>(new SignatureText(reader), reader, genericContext: null);
        var blob = reader.GetBlobReader(signature);
        if (isField) return decoder.DecodeFieldSignature(ref blob);
        return Method(decoder.DecodeMethodSignature(ref blob));
    }

    public static bool IsField(MetadataReader reader, BlobHandle signature) =>
        reader.GetBlobReader(signature).ReadSignatureHeader().Kind == SignatureKind.Field;

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Void => "System.Void",
        PrimitiveTypeCode.Boolean => "System.Boolean",
        PrimitiveTypeCode.Char => "System.Char",
        PrimitiveTypeCode.SByte => "System.SByte",
        PrimitiveTypeCode.Byte => "System.Byte",
        PrimitiveTypeCode.Int16 => "System.Int16",
        PrimitiveTypeCode.UInt16 => "System.UInt16",
        PrimitiveTypeCode.Int32 => "System.Int32",
        PrimitiveTypeCode.UInt32 => "System.UInt32",
        PrimitiveTypeCode.Int64 => "System.Int64",
        PrimitiveTypeCode.UInt64 => "System.UInt64",
        PrimitiveTypeCode.Single => "System.Single",
        PrimitiveTypeCode.Double => "System.Double",
        PrimitiveTypeCode.String => "System.String",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        PrimitiveTypeCode.IntPtr => "System.IntPtr",
        PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
        PrimitiveTypeCode.Object => "System.Object",
        _ => "?" + typeCode,
    };

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        MetadataNames.FullName(reader, handle);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        MetadataNames.FullName(reader, handle);

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle,
        byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType + " pinned";

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
        genericType + "<" + string.Join(",", typeArguments) + ">";

    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
        isRequired ? unmodifiedType + " modreq(" + modifier + ")" : unmodifiedType;

    public string GetFunctionPointerType(MethodSignature<string> signature) => "method " + Method(signature);

    private static string Method(MethodSignature<string> signature) =>
        (signature.Header.IsInstance ? "instance " : "static ")
        + (signature.GenericParameterCount > 0 ? "<" + signature.GenericParameterCount + "> " : string.Empty)
        + signature.ReturnType + " (" + string.Join(", ", signature.ParameterTypes.Take(signature.ParameterTypes.Length)) + ")";
}
