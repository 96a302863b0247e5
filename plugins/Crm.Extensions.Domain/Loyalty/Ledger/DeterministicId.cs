using System;
using System.Security.Cryptography;
using System.Text;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// A stable row id derived from a source key (name-based, RFC 4122 variant, version 8 "custom" layout over SHA-256).
/// A replay computes the same id, so references between rows planned in the same step (an expiry to its lot) stay valid.
/// </summary>
public static class DeterministicId
{
    public static Guid From(string key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        byte[] hash;
        using (var sha = SHA256.Create())
        {
            hash = sha.ComputeHash(Encoding.UTF8.GetBytes(key));
        }

        var bytes = new byte[16];
        Array.Copy(hash, bytes, 16);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (Guid's byte order keeps the version in byte 7)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
