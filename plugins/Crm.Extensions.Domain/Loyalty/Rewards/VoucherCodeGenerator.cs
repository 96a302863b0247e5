using System;
using System.Security.Cryptography;

namespace Crm.Extensions.Domain.Loyalty.Rewards;

/// <summary>Source of voucher codes; tests and the plugin use <see cref="VoucherCodeGenerator"/>.</summary>
public interface IVoucherCodeGenerator
{
    string Next();
}

/// <summary>
/// Cryptographically random voucher codes in an alphabet people cannot misread: no 0/O, 1/I/L.
/// 31 symbols × 12 positions = 31^12 ≈ 7.9 × 10^17 codes (≈ 59 bits). By the birthday bound, the chance that
/// n codes contain any duplicate is about n² / (2 × 31^12): ≈ 6 × 10^-11 for 10,000 codes and ≈ 6 × 10^-7 for
/// 1,000,000. The alternate key on the code still turns that last chance into a refused insert, never a shared code.
/// Uses a generator instance with rejection sampling because the static RandomNumberGenerator.GetInt32 does not
/// exist on .NET Framework 4.6.2; a plain byte % 31 would favour the first symbols.
/// Not thread-safe (it buffers random bytes): create one per plugin execution and dispose it.
/// </summary>
public sealed class VoucherCodeGenerator : IVoucherCodeGenerator, IDisposable
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 12;

    // The largest multiple of the alphabet size that fits in a byte: bytes at or above it are drawn again.
    private const int AcceptBelow = 256 / 31 * 31;

    private readonly RandomNumberGenerator random = RandomNumberGenerator.Create();
    private readonly byte[] buffer = new byte[32];
    private int next = 32;

    public string Next()
    {
        var code = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            code[i] = Alphabet[NextIndex()];
        }

        return new string(code);
    }

    public void Dispose() => random.Dispose();

    private int NextIndex()
    {
        while (true)
        {
            if (next == buffer.Length)
            {
                random.GetBytes(buffer);
                next = 0;
            }

            var value = buffer[next++];
            if (value < AcceptBelow)
            {
                return value % Alphabet.Length;
            }
        }
    }
}
