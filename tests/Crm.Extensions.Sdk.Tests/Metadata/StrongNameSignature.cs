using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace Crm.Extensions.Sdk.Tests.Metadata;

/// <summary>
/// Verifies an assembly's strong-name signature with its own public key (ECMA-335 II.6.2.1.3): the headers and section data
/// are hashed without the checksum, the certificate-table entry and the signature blob itself. A public-signed assembly
/// (a contract) carries the key but no valid signature, so it fails here; a really signed deployable passes.
/// </summary>
internal static class StrongNameSignature
{
    private const int SignatureAlgorithmHeaderSize = 12; // SigAlgId, HashAlgId, cbPublicKey
    private const int CalgSha256 = 0x800C;

    public static bool IsValid(string path)
    {
        var image = File.ReadAllBytes(path);
        using var pe = new PEReader(new MemoryStream(image));
        var corHeader = pe.PEHeaders.CorHeader;
        if (corHeader is null || (corHeader.Flags & CorFlags.StrongNameSigned) == 0) return false;
        var signatureDirectory = corHeader.StrongNameSignatureDirectory;
        if (signatureDirectory.Size == 0 || !pe.PEHeaders.TryGetDirectoryOffset(signatureDirectory, out var signatureOffset)) return false;

        var reader = pe.GetMetadataReader();
        var publicKey = reader.GetBlobBytes(reader.GetAssemblyDefinition().PublicKey);
        if (publicKey.Length <= SignatureAlgorithmHeaderSize) return false;
        var hashAlgorithm = BinaryPrimitives.ReadInt32LittleEndian(publicKey.AsSpan(4)) == CalgSha256
            ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;

        using var rsa = RSA.Create();
        rsa.ImportParameters(RsaParameters(publicKey.AsSpan(SignatureAlgorithmHeaderSize)));
        var signature = image.AsSpan(signatureOffset, signatureDirectory.Size).ToArray();
        Array.Reverse(signature); // stored little-endian
        var hash = HashWithoutSignature(image, pe.PEHeaders, signatureOffset, signatureDirectory.Size, hashAlgorithm);
        return rsa.VerifyHash(hash, signature, hashAlgorithm, RSASignaturePadding.Pkcs1);
    }

    private static byte[] HashWithoutSignature(byte[] image, PEHeaders headers, int signatureOffset, int signatureSize,
        HashAlgorithmName algorithm)
    {
        var copy = (byte[])image.Clone();
        var optionalHeader = headers.PEHeaderStartOffset;
        var checksumOffset = optionalHeader + 64;
        var certificateEntryOffset = optionalHeader + (headers.PEHeader!.Magic == PEMagic.PE32Plus ? 144 : 128);
        copy.AsSpan(checksumOffset, 4).Clear();
        copy.AsSpan(certificateEntryOffset, 8).Clear();

        // The signed content is the headers through the section table, then each section's raw data.
        using var hash = IncrementalHash.CreateHash(algorithm);
        var sectionTableEnd = headers.PEHeaderStartOffset + headers.CoffHeader.SizeOfOptionalHeader
            + (headers.CoffHeader.NumberOfSections * 40);
        hash.AppendData(copy, 0, sectionTableEnd);
        foreach (var section in headers.SectionHeaders)
        {
            var start = section.PointerToRawData;
            var end = start + section.SizeOfRawData;
            if (signatureOffset >= start && signatureOffset < end)
            {
                hash.AppendData(copy, start, signatureOffset - start);
                hash.AppendData(copy, signatureOffset + signatureSize, end - signatureOffset - signatureSize);
            }
            else
            {
                hash.AppendData(copy, start, section.SizeOfRawData);
            }
        }

        return hash.GetHashAndReset();
    }

    /// <summary>PUBLICKEYBLOB: BLOBHEADER (8 bytes), RSAPUBKEY (magic, bit length, exponent), modulus little-endian.</summary>
    private static RSAParameters RsaParameters(ReadOnlySpan<byte> blob)
    {
        var bitLength = BinaryPrimitives.ReadInt32LittleEndian(blob.Slice(12));
        var exponent = BinaryPrimitives.ReadUInt32LittleEndian(blob.Slice(16));
        var modulus = blob.Slice(20, bitLength / 8).ToArray();
        Array.Reverse(modulus);
        var exponentBytes = BitConverter.GetBytes(exponent).Reverse().SkipWhile(b => b == 0).ToArray();
        return new RSAParameters { Modulus = modulus, Exponent = exponentBytes };
    }
}
